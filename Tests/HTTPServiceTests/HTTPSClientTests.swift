import Cryptography
import Foundation
import HTTPClient
import HTTPService
import Support
import Synchronization
import TestSupport
import Testing

/// Our client against our server: requests arrive whole, and failures say what went wrong
/// without the path or query.
@Suite struct HTTPSClientTests {
    private func client(_ server: HTTPSServer, identity: String? = nil, token: String? = nil,
                        trusting ca: URL? = nil, timeout: Double = 10, maxResponseBytes: Int = 1 << 20) throws -> HTTPSClient {
        let identity = try identity.map {
            HTTPClientConfiguration.ClientIdentity(certificate: try TestPKI.file("\($0).pem"), key: try TestPKI.file("\($0).key"))
        }
        return try HTTPSClient(configuration: HTTPClientConfiguration(
            server: URL(string: server.url)!, trustedCA: try ca ?? ServicePKI.file("service-ca.pem"), identity: identity,
            bearerToken: token, timeout: timeout, maxResponseBytes: maxResponseBytes))
    }

    private func echo(_ response: HTTPClientResponse) throws -> Echo {
        try JSONDecoder().decode(Echo.self, from: response.body)
    }

    @Test func getCarriesPathQueryAndToken() throws {
        let server = try EchoService.start()
        defer { server.stop() }
        let client = try client(server, token: "session-123")
        let response = try client.get("/v1/pupils?school=A%20B&kind=iep")
        #expect(response.status == 200)
        #expect(response.header("content-type") == "application/json")
        let seen = try echo(response)
        #expect(seen == Echo(method: "GET", path: "/v1/pupils", query: ["school": "A B", "kind": "iep"],
                             authorization: "Bearer session-123", bodyBytes: 0, bodySHA256: SHA256.hex(Data()), client: nil))
        // The handle is reused: a second request on the same client.
        #expect(try echo(client.get("/again")).path == "/again")
    }

    @Test func postDeliversTheWholeBody() throws {
        let server = try EchoService.start()
        defer { server.stop() }
        let body = Data((0..<300_000).map { UInt8($0 % 251) })
        let seen = try echo(client(server).post("/v1/ingest", json: body))
        #expect(seen.method == "POST")
        #expect(seen.bodyBytes == body.count)
        #expect(seen.bodySHA256 == SHA256.hex(body))
    }

    @Test func clientCertificateReachesTheHandler() throws {
        let server = try EchoService.start()
        defer { server.stop() }
        let seen = try echo(client(server, identity: "school-a").get("/whoami"))
        #expect(seen.client == (try TestPKI.certificate("school-a").fingerprint))
    }

    @Test func serverFromAnotherCAIsNotTrusted() throws {
        let server = try EchoService.start()
        defer { server.stop() }
        let error = #expect(throws: HTTPClientError.self) {
            try client(server, trusting: try TestPKI.file("root.pem")).get("/v1/pupils?id=7501011234")
        }
        guard case .untrustedServer(let named, _) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(named == server.url)
        #expect(error?.category == .configuration)
        #expect(error?.description.contains("7501011234") == false)
        #expect(error?.description.contains("/v1") == false)
    }

    @Test func stoppedServerIsUnreachable() throws {
        let server = try EchoService.start()
        let client = try client(server)
        server.stop()
        let error = #expect(throws: HTTPClientError.self) { try client.get("/v1/pupils?id=7501011234") }
        guard case .unreachable = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(error?.description.contains("7501011234") == false)
    }

    @Test func slowAnswerTimesOut() throws {
        let server = try EchoService.start()
        defer { server.stop() }
        let error = #expect(throws: HTTPClientError.self) { try client(server, timeout: 0.5).get("/sleep") }
        guard case .timedOut = error else { Issue.record("got \(String(describing: error))"); return }
    }

    @Test func answerOverTheLimitIsRefused() throws {
        let server = try EchoService.start()
        defer { server.stop() }
        #expect(try client(server, maxResponseBytes: 4096).get("/large").body.count == 4096)
        let error = #expect(throws: HTTPClientError.self) { try client(server, maxResponseBytes: 4095).get("/large") }
        guard case .responseTooLarge(_, 4095) = error else { Issue.record("got \(String(describing: error))"); return }
    }

    @Test func missingCAFileIsNamed() throws {
        let missing = URL(fileURLWithPath: "/nonexistent/ca.pem")
        let error = #expect(throws: HTTPClientError.self) {
            try HTTPSClient(configuration: HTTPClientConfiguration(server: URL(string: "https://127.0.0.1:1")!, trustedCA: missing))
        }
        #expect(error?.description.contains("/nonexistent/ca.pem") == true)
        #expect(error?.category == .input)
    }

    @Test func concurrentClientsAreAllServed() throws {
        let server = try EchoService.start(limits: HTTPLimits(idleTimeoutSeconds: 10, threads: 2))
        defer { server.stop() }
        let url = server.url
        let ca = try ServicePKI.file("service-ca.pem")
        let served = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            guard let client = try? HTTPSClient(configuration: HTTPClientConfiguration(server: URL(string: url)!, trustedCA: ca)) else { return }
            for request in 0..<5 where (try? client.get("/n/\(index)/\(request)"))?.status == 200 {
                served.withLock { $0 += 1 }
            }
        }
        #expect(served.withLock { $0 } == 40)
    }
}
