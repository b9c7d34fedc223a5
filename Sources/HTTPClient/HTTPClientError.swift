import Support

/// Why a request to the service failed, in words a clerk can act on.
///
/// Errors name the server as `https://HOST:PORT` only, never a path or query, which may hold
/// identifiers. `detail` is libcurl's own text for the failure, for `--verbose`.
public enum HTTPClientError: CategorizedError, Sendable {
    /// A CA, certificate or key file could not be read.
    case unreadable(file: String)
    /// The client certificate or key could not be used (wrong format, or not a pair).
    case unusableIdentity(certificate: String, detail: String)
    /// No connection: nothing listens there, or the name does not resolve.
    case unreachable(server: String, detail: String)
    /// The server did not answer within the time allowed.
    case timedOut(server: String, seconds: Double)
    /// The server's certificate is not issued by the trusted CA, has expired, or names another host.
    case untrustedServer(server: String, detail: String)
    /// The TLS handshake failed: the server refused our certificate, or we share no protocol.
    case handshakeFailed(server: String, detail: String)
    /// The connection broke before the whole answer arrived.
    case connectionLost(server: String, detail: String)
    /// The answer is larger than the client accepts.
    case responseTooLarge(server: String, limit: Int)
    /// Any other libcurl failure.
    case transfer(server: String, detail: String)

    public var category: FailureCategory {
        switch self {
        case .unreadable, .unreachable, .timedOut, .connectionLost: .input
        case .unusableIdentity, .untrustedServer: .configuration
        case .handshakeFailed: .permission
        case .responseTooLarge: .data
        case .transfer: .internal
        }
    }

    public var description: String {
        switch self {
        case let .unreadable(file):
            "\(file) cannot be read; check that it exists and that you may read it."
        case let .unusableIdentity(certificate, _):
            "The certificate \(certificate) and its key cannot be used; check that both are PEM files that belong together."
        case let .unreachable(server, _):
            "The archive service at \(server) cannot be reached; check the address and that the service is running."
        case let .timedOut(server, seconds):
            "The archive service at \(server) did not answer within \(Int(seconds.rounded())) seconds; try again later."
        case let .untrustedServer(server, _):
            "The server at \(server) did not prove it is the archive service (its certificate is not from the trusted CA, "
                + "has expired or names another host). Nothing was sent; tell the office that runs the service."
        case let .handshakeFailed(server, _):
            "The archive service at \(server) refused the secure connection; check that your certificate is enrolled and valid."
        case let .connectionLost(server, _):
            "The connection to the archive service at \(server) broke before the answer was complete; try again."
        case let .responseTooLarge(server, limit):
            "The archive service at \(server) answered with more than \(limit) bytes; the answer was not accepted."
        case let .transfer(server, detail):
            "The request to the archive service at \(server) failed: \(detail)."
        }
    }
}
