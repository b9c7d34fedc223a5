import Foundation

/// Where an ``HTTPSServer`` listens, its TLS files and its limits.
public struct HTTPServerConfiguration: Sendable {
    /// A listening address.
    public enum Endpoint: Sendable, Equatable, CustomStringConvertible {
        /// An IPv4 address and TCP port; port 0 lets the kernel choose a free one.
        case tcp(address: String, port: UInt16)
        /// A Unix socket at this path, created by the server (mode 0660) and removed at stop.
        case unixSocket(path: String)

        /// `127.0.0.1` on `port` (0: a free port).
        public static func loopback(port: UInt16 = 0) -> Endpoint { .tcp(address: "127.0.0.1", port: port) }

        public var description: String {
            switch self {
            case let .tcp(address, port): "\(address):\(port)"
            case let .unixSocket(path): "unix:\(path)"
            }
        }
    }

    /// Where to listen.
    public var endpoint: Endpoint
    /// PEM file: the server certificate, then any intermediate certificates.
    public var certificate: URL
    /// PEM file: the server's unencrypted private key.
    public var privateKey: URL
    /// PEM file of the CA(s) that issue client certificates. When set, the server asks every
    /// client for a certificate (without requiring one) and hands the handler those that verify.
    public var clientCA: URL?
    /// Sizes, time-outs, connection counts and threads.
    public var limits: HTTPLimits
    /// Receives libmicrohttpd's error messages (TLS handshake failures, refused connections);
    /// called on pool threads. They name no request content.
    public var log: (@Sendable (String) -> Void)?

    public init(endpoint: Endpoint, certificate: URL, privateKey: URL, clientCA: URL? = nil,
                limits: HTTPLimits = HTTPLimits(), log: (@Sendable (String) -> Void)? = nil) {
        self.endpoint = endpoint
        self.certificate = certificate
        self.privateKey = privateKey
        self.clientCA = clientCA
        self.limits = limits
        self.log = log
    }
}

/// What one client may cost the server.
public struct HTTPLimits: Sendable {
    /// Largest request body in bytes; a longer one is answered 413 and never reaches the handler.
    public var maxBodyBytes: Int
    /// Per-connection memory in bytes for the request line and headers (libmicrohttpd's
    /// connection memory pool, which also holds the response headers); a request whose
    /// headers do not fit is answered 431 and closed.
    public var maxHeaderBytes: Int
    /// Seconds a connection may stay idle, in the TLS handshake, between bytes of a request or
    /// between requests, before it is closed.
    public var idleTimeoutSeconds: UInt32
    /// Seconds a client has to send one request, TLS handshake (on a new connection), line,
    /// headers and body, however slowly it trickles them; then the connection is closed
    /// unanswered. Counted from the connection's start or the previous request's answer.
    public var requestDeadlineSeconds: UInt32
    /// Connections open at once from one IP address (not applied to Unix sockets).
    public var connectionsPerAddress: Int
    /// Connections open at once in all.
    public var maxConnections: Int
    /// Threads serving connections; each polls many connections and runs the handler for them.
    /// A handler that waits (an `fsync` of the access log) holds its thread, and requests can
    /// share one `fsync` only if they run at once: 16 by default (measured by `Benchmarks/serve.py`:
    /// 4 threads gave about 430 shows/s, 16 about 750, on the same loaded 2-core machine).
    public var threads: Int

    public init(maxBodyBytes: Int = 1 << 20, maxHeaderBytes: Int = 32 << 10, idleTimeoutSeconds: UInt32 = 30,
                requestDeadlineSeconds: UInt32 = 120, connectionsPerAddress: Int = 32, maxConnections: Int = 512, threads: Int = 16) {
        self.maxBodyBytes = maxBodyBytes
        self.maxHeaderBytes = maxHeaderBytes
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.requestDeadlineSeconds = requestDeadlineSeconds
        self.connectionsPerAddress = connectionsPerAddress
        self.maxConnections = maxConnections
        self.threads = threads
    }
}
