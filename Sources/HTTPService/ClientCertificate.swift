internal import CGnuTLS
internal import CMicroHTTPD
import Foundation

/// The client's certificate, verified on the connection's GnuTLS session.
///
/// With `MHD_OPTION_HTTPS_MEM_TRUST` libmicrohttpd only *requests* a client certificate
/// (`GNUTLS_CERT_REQUEST`): GnuTLS checks in the handshake that the client holds the key,
/// but not who issued the certificate. So a certificate from another CA completes the
/// handshake and is judged here, per request, as `nil`.
enum ClientCertificate {
    /// The DER of the client's end-entity certificate if it chains to the trusted CA and is
    /// valid now (`gnutls_certificate_verify_peers2` status 0); `nil` if absent or not verified.
    /// See <https://www.gnutls.org/manual/html_node/Certificate-verification.html>.
    static func verified(on connection: OpaquePointer) -> Data? {
        guard let raw = inclusio_MHD_tls_session(connection) else { return nil }
        let session = OpaquePointer(raw)
        var status: UInt32 = 0
        guard gnutls_certificate_verify_peers2(session, &status) == GNUTLS_E_SUCCESS, status == 0 else { return nil }
        var count: UInt32 = 0
        guard let chain = gnutls_certificate_get_peers(session, &count), count > 0, let der = chain[0].data else { return nil }
        return Data(bytes: der, count: Int(chain[0].size))
    }
}
