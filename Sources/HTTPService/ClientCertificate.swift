internal import CGnuTLS
internal import CMicroHTTPD
import Foundation
import Synchronization

/// The client's certificate, verified on the connection's GnuTLS session.
///
/// With `MHD_OPTION_HTTPS_MEM_TRUST` libmicrohttpd only *requests* a client certificate
/// (`GNUTLS_CERT_REQUEST`): GnuTLS checks in the handshake that the client holds the key,
/// but not who issued the certificate. So a certificate from another CA completes the
/// handshake and is judged here, per request, as `nil`.
///
/// Verifying the chain (signatures, big-number arithmetic) costs more than the rest of a
/// small request, and a kept-alive connection sends the same certificate every time. So a
/// certificate that verified is remembered by its DER bytes, with its validity period: the
/// trusted CA is fixed for the server's life, and the same bytes carry the same issuer's
/// signature, so only the time can change the answer, and it is checked at every request.
/// Certificates that fail are never remembered (they are verified again each time).
final class ClientCertificate: Sendable {
    /// Certificates remembered at most; when full, all are forgotten and verified again.
    static let capacity = 1024

    private let verified = Mutex<[Data: ClosedRange<Date>]>([:])

    /// The DER of the client's end-entity certificate if it chains to the trusted CA and is
    /// valid now (`gnutls_certificate_verify_peers2` status 0, or remembered from an earlier
    /// request and within its validity period); `nil` if absent or not verified.
    /// See <https://www.gnutls.org/manual/html_node/Certificate-verification.html>.
    func verified(on connection: OpaquePointer) -> Data? {
        guard let raw = inclusio_MHD_tls_session(connection) else { return nil }
        let session = OpaquePointer(raw)
        var count: UInt32 = 0
        guard let chain = gnutls_certificate_get_peers(session, &count), count > 0, let bytes = chain[0].data else { return nil }
        let der = Data(bytes: bytes, count: Int(chain[0].size))
        let now = Date()
        if let period = verified.withLock({ $0[der] }) { return period.contains(now) ? der : nil }
        var status: UInt32 = 0
        guard gnutls_certificate_verify_peers2(session, &status) == GNUTLS_E_SUCCESS, status == 0 else { return nil }
        if let period = Self.validity(chain[0]) {
            verified.withLock { known in
                if known.count >= Self.capacity { known = [:] }
                known[der] = period
            }
        }
        return der
    }

    /// The certificate's notBefore…notAfter, or `nil` when GnuTLS cannot read them (then it is not remembered).
    private static func validity(_ datum: gnutls_datum_t) -> ClosedRange<Date>? {
        var certificate: gnutls_x509_crt_t?
        guard gnutls_x509_crt_init(&certificate) == GNUTLS_E_SUCCESS, let certificate else { return nil }
        defer { gnutls_x509_crt_deinit(certificate) }
        var copy = datum
        guard gnutls_x509_crt_import(certificate, &copy, GNUTLS_X509_FMT_DER) == GNUTLS_E_SUCCESS else { return nil }
        let from = gnutls_x509_crt_get_activation_time(certificate), until = gnutls_x509_crt_get_expiration_time(certificate)
        guard from != -1, until != -1, from <= until else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(from))...Date(timeIntervalSince1970: TimeInterval(until))
    }
}
