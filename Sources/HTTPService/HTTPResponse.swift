import Foundation

/// What the handler answers: a status, headers and the whole body.
public struct HTTPResponse: Sendable {
    /// The HTTP status code (200, 404, …).
    public var status: Int
    /// Headers to send; libmicrohttpd adds `Content-Length`, `Date` and `Connection` itself.
    public var headers: [HTTPField]
    /// The body bytes (copied once into libmicrohttpd's response).
    public var body: Data

    public init(status: Int, headers: [HTTPField] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON body with `Content-Type: application/json`.
    public static func json(_ body: Data, status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, headers: [HTTPField(name: "Content-Type", value: "application/json")], body: body)
    }

    /// A short plain-text body, for refusals the server itself makes.
    public static func text(_ text: String, status: Int) -> HTTPResponse {
        HTTPResponse(status: status, headers: [HTTPField(name: "Content-Type", value: "text/plain; charset=utf-8")],
                     body: Data((text + "\n").utf8))
    }
}

/// Answers one request; called on one of the server's pool threads, possibly on several at once.
public typealias HTTPHandler = @Sendable (HTTPRequest) -> HTTPResponse
