import Foundation

/// What the server answered.
public struct HTTPClientResponse: Sendable {
    /// One response header.
    public struct Header: Sendable, Equatable {
        public let name: String
        public let value: String
    }

    /// The HTTP status code.
    public let status: Int
    /// The headers of the final response, in the order received.
    public let headers: [Header]
    /// The body bytes.
    public let body: Data

    /// The first header named `name`, compared without regard to case.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}
