import Foundation

/// Which server an ``HTTPSClient`` talks to, whom it trusts, and who it says it is.
public struct HTTPClientConfiguration: Sendable {
    /// A client certificate and its unencrypted private key, both PEM files.
    public struct ClientIdentity: Sendable {
        public var certificate: URL
        public var key: URL

        public init(certificate: URL, key: URL) {
            self.certificate = certificate
            self.key = key
        }
    }

    /// `https://HOST:PORT`; request paths are appended to it.
    public var server: URL
    /// PEM file of the CA(s) that issued the server's certificate: the only ones trusted (the
    /// system's CA store is not consulted).
    public var trustedCA: URL
    /// Sent when the server asks for a client certificate.
    public var identity: ClientIdentity?
    /// Sent as `Authorization: Bearer <token>`.
    public var bearerToken: String?
    /// Seconds to wait for the TCP connection and TLS handshake.
    public var connectTimeout: Double
    /// Seconds a whole request may take, connection included.
    public var timeout: Double
    /// Largest response body accepted, in bytes.
    public var maxResponseBytes: Int

    public init(server: URL, trustedCA: URL, identity: ClientIdentity? = nil, bearerToken: String? = nil,
                connectTimeout: Double = 10, timeout: Double = 60, maxResponseBytes: Int = 64 << 20) {
        self.server = server
        self.trustedCA = trustedCA
        self.identity = identity
        self.bearerToken = bearerToken
        self.connectTimeout = connectTimeout
        self.timeout = timeout
        self.maxResponseBytes = maxResponseBytes
    }
}
