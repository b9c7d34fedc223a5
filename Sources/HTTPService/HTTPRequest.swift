import Foundation

/// One header or query parameter: a name and its value, as the client sent them.
public struct HTTPField: Sendable, Equatable, CustomStringConvertible {
    public let name: String
    public let value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    public var description: String { "\(name): \(value)" }
}

/// A complete request, handed to the handler once its whole body has arrived.
///
/// Values only: nothing refers back to the connection, so a handler may keep or pass on a
/// request freely.
public struct HTTPRequest: Sendable {
    /// `GET`, `POST`, … as sent.
    public let method: String
    /// The path without the query, percent-decoded by libmicrohttpd (`/v1/pupils`).
    public let path: String
    /// The query parameters in the order sent, percent-decoded.
    public let query: [HTTPField]
    /// The request headers in the order sent.
    public let headers: [HTTPField]
    /// The body, at most ``HTTPLimits/maxBodyBytes`` long (longer bodies never reach the handler).
    public let body: Data
    /// The client certificate (DER) when the client sent one and it verifies against the
    /// configured client CA now; `nil` otherwise, including when no client CA is configured.
    public let clientCertificate: Data?

    public init(method: String, path: String, query: [HTTPField] = [], headers: [HTTPField] = [],
                body: Data = Data(), clientCertificate: Data? = nil) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.clientCertificate = clientCertificate
    }

    /// The first header named `name`, compared without regard to case, as HTTP requires.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// The first query parameter named `name` (case matters).
    public func queryValue(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }
}
