import Cryptography
import Foundation
import HTTPService
import TestSupport

/// What the echo handler saw of a request, as it answers it in JSON.
struct Echo: Codable, Equatable {
    var method: String
    var path: String
    var query: [String: String]
    var authorization: String?
    var bodyBytes: Int
    var bodySHA256: String
    /// SHA-256 of the verified client certificate's DER (as ``Certificate/fingerprint``), or nil.
    var client: String?
}

/// Starts HTTPS servers for the tests on 127.0.0.1 on a free port.
enum EchoService {
    /// Answers every request with its ``Echo``; `/sleep` waits two seconds first, `/large`
    /// answers 4 KiB.
    static let handler: HTTPHandler = { request in
        switch request.path {
        case "/sleep": Thread.sleep(forTimeInterval: 2)
        case "/large": return HTTPResponse(status: 200, body: Data(repeating: 0x61, count: 4096))
        default: break
        }
        let echo = Echo(method: request.method, path: request.path,
                        query: Dictionary(request.query.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first }),
                        authorization: request.header("authorization"), bodyBytes: request.body.count,
                        bodySHA256: SHA256.hex(request.body), client: request.clientCertificate.map { SHA256.hex($0) })
        return .json((try? JSONEncoder().encode(echo)) ?? Data())
    }

    /// A server with the test certificates, TestPKI's root as client CA, and `limits`.
    static func start(limits: HTTPLimits = HTTPLimits(idleTimeoutSeconds: 10, threads: 2),
                      endpoint: HTTPServerConfiguration.Endpoint = .loopback()) throws -> HTTPSServer {
        try HTTPSServer(configuration: configuration(limits: limits, endpoint: endpoint), handler: handler)
    }

    static func configuration(limits: HTTPLimits = HTTPLimits(idleTimeoutSeconds: 10, threads: 2),
                              endpoint: HTTPServerConfiguration.Endpoint = .loopback()) throws -> HTTPServerConfiguration {
        HTTPServerConfiguration(endpoint: endpoint, certificate: try ServicePKI.file("server.pem"),
                                privateKey: try ServicePKI.file("server.key"), clientCA: try TestPKI.file("root.pem"),
                                limits: limits)
    }
}

extension HTTPSServer {
    /// The TCP port it listens on (tests use loopback endpoints only).
    var port: UInt16 {
        guard case let .tcp(_, port) = endpoint else { return 0 }
        return port
    }

    var url: String { "https://127.0.0.1:\(port)" }
}
