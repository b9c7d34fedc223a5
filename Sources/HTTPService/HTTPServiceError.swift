import Support

/// Why the HTTPS server could not start, in words the custodian starting it can act on.
public enum HTTPServiceError: CategorizedError, Sendable {
    /// A certificate, key or CA file could not be read.
    case unreadable(file: String)
    /// The listening address is not an IPv4 address, or the socket path is too long.
    case invalidEndpoint(String, reason: String)
    /// Something already exists at the Unix socket path.
    case socketPathExists(String)
    /// The address could not be bound (in use, not ours, no permission).
    case cannotListen(String, reason: String)
    /// A limit is zero or negative, or too large for libmicrohttpd.
    case invalidLimit(String)
    /// libmicrohttpd refused to start: most often a certificate or key it cannot use.
    /// `messages` are libmicrohttpd's own (no key material).
    case cannotStart(String, messages: [String])

    public var category: FailureCategory {
        switch self {
        case .unreadable: .input
        case .invalidEndpoint, .invalidLimit: .usage
        case .socketPathExists, .cannotListen, .cannotStart: .configuration
        }
    }

    public var description: String {
        switch self {
        case let .unreadable(file):
            "\(file) cannot be read; check that it exists and that the service's user may read it."
        case let .invalidEndpoint(endpoint, reason):
            "Cannot listen on \(endpoint): \(reason)."
        case let .socketPathExists(path):
            "\(path) already exists; if no service is running there, remove it and start again."
        case let .cannotListen(endpoint, reason):
            "Cannot listen on \(endpoint): \(reason). Choose another port, or stop what uses it."
        case let .invalidLimit(name):
            "The limit \(name) must be a positive number in range."
        case let .cannotStart(endpoint, messages):
            "The HTTPS server on \(endpoint) did not start; check that the certificate and key are PEM files "
                + "that belong together." + (messages.isEmpty ? "" : "\n" + messages.map { "  \($0)" }.joined(separator: "\n"))
        }
    }
}
