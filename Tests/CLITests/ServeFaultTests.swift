import Foundation
import Glibc
import TestSupport
import Testing

/// Faults against `inclusio serve` itself, as outsiders would cause them (issue 16 point 5):
/// malformed HTTP over TLS, cut TLS handshakes, oversized headers, a client that trickles its
/// request a byte a second, and more connections from one address than allowed. Each is judged
/// by what the hostile client gets and by a witness, an operator whose `archive show` keeps
/// getting the same answer during and after the fault.
@Suite(.serialized) struct ServeFaultTests {
    typealias Service = ServeCommandTests.Service

    private static let hostileClient = Run.project.appendingPathComponent("Tests/Fixtures/clients/hostile_tls_client.py").path

    /// The office's `archive show` of a fixture pupil through curl from `address` (another
    /// loopback address is another client to the service's per-address count): the documents it lists.
    private func witness(_ service: Service, from address: String = "127.0.0.1", _ comment: Comment) throws -> [String] {
        let show = try service.command("archive/show", ["--pupil", "RSSLCU20B17X000S", "--purpose", "annual-review"], as: "office",
                                       headers: ["--interface", address, "--max-time", "20"])
        #expect(show.status == 200 && show.json["exitStatus"] as? Int == 0, "\(comment): \(show.status) \(show.json)")
        let documents = (show.json["result"] as? [String: Any])?["documents"] as? [[String: Any]] ?? []
        return documents.compactMap { $0["id"] as? String }.sorted()
    }

    private func port(_ service: Service) -> UInt16 { UInt16(service.url.split(separator: ":").last ?? "") ?? 0 }

    @Test func garbageCutHandshakesAndOversizedHeadersLeaveOthersServed() throws {
        let service = try Service(serveArguments: ["--idle-timeout", "3"])
        defer { service.stop() }
        let root = service.pki.appendingPathComponent("root.pem").path
        let expected = try witness(service, "before")
        #expect(expected.count > 1)

        // Malformed HTTP over TLS: a request line of no method, path or version, through openssl
        // s_client as the issue names it, and binary bytes through Python's ssl socket: closed
        // (libmicrohttpd 0.9.75 drops a request line it cannot parse) or answered 400, never served.
        let line = try Run.program("sh", ["-c", "printf 'GARBAGE\\r\\n\\r\\n' | timeout 20 openssl s_client -quiet -connect 127.0.0.1:\(port(service)) -CAfile \(root) 2>/dev/null"])
        #expect(line.stdout.isEmpty || line.stdout.hasPrefix("HTTP/1.1 400"), "\(line.stdout.prefix(200))")
        let binary = try Run.program("python3", [Self.hostileClient, "garbage", "\(port(service))", root])
        #expect(binary.stdout.contains(#""answer": "closed""#) || binary.stdout.contains(#""answer": "HTTP/1.1 400"#), "\(binary.stdout) \(binary.stderr)")
        #expect(try witness(service, "after malformed HTTP") == expected)

        // Cut TLS handshakes: connect and close; the start of a ClientHello and close; the start of
        // one and silence, which holds a connection while the witness is served, until the idle time-out.
        (try? RawConnection(port: port(service)))?.close()
        let hello: [UInt8] = [0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xFC, 0x03, 0x03]
        (try? RawConnection(port: port(service)))?.send(hello)
        let stalled = try RawConnection(port: port(service))
        stalled.send(hello)
        #expect(try witness(service, "during a stalled handshake") == expected)
        let closedAfter = try #require(stalled.secondsUntilClosed(), "the stalled handshake was never closed")
        #expect(closedAfter < 10)
        #expect(try witness(service, "after cut handshakes") == expected)

        // Oversized headers (the default 32 KiB for line and headers): 431, a long path 414, or closed.
        let big = String(repeating: "x", count: 64 << 10)
        let headers = try service.curl(["--max-time", "20", "-H", "X-Padding: \(big)", "\(service.url)/v1/commands/archive/list"], as: "office")
        #expect([431, 0].contains(headers.status), "\(headers.status)")
        let path = try service.curl(["--max-time", "20", "\(service.url)/v1/commands/archive/list?\(big)"], as: "office")
        #expect([414, 431, 0].contains(path.status), "\(path.status)")
        #expect(try witness(service, "after oversized headers") == expected)
    }

    @Test func aTricklingClientIsCutAndAFloodRefusedWhileOthersAreServed() throws {
        let service = try Service(serveArguments: ["--idle-timeout", "10", "--connections-per-address", "4", "--request-deadline", "4"])
        defer { service.stop() }
        let root = service.pki.appendingPathComponent("root.pem").path
        let expected = try witness(service, from: "127.0.0.2", "before")

        // One byte a second: never idle long enough for the idle time-out, but cut at the
        // request deadline, long before its 270 bytes are in; others are served meanwhile.
        let output = service.folder.appendingPathComponent("slow.out")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let slow = Process()
        slow.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        slow.arguments = ["python3", Self.hostileClient, "slow", "\(port(service))", root]
        slow.standardOutput = try FileHandle(forWritingTo: output)
        try slow.run()
        Thread.sleep(forTimeInterval: 1.5)
        #expect(try witness(service, from: "127.0.0.2", "while a client trickles") == expected)
        slow.waitUntilExit()
        let trickle = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: output)) as? [String: Any])
        let sent = trickle["sent"] as? Int ?? 0, seconds = trickle["seconds"] as? Double ?? 99
        #expect(sent < 20 && seconds >= 3 && seconds < 10, "\(trickle)")
        #expect(["closed", "error SSLEOFError", "error ConnectionResetError"].contains(trickle["answer"] as? String ?? "")
                    || (trickle["answer"] as? String ?? "").hasPrefix("HTTP/1.1 408"), "\(trickle)")
        #expect(try witness(service, from: "127.0.0.2", "after the trickle") == expected)

        // Four connections held from 127.0.0.1: a fifth from there is refused, another address is served.
        var held = (0..<4).compactMap { _ in try? RawConnection(port: port(service)) }
        #expect(held.count == 4)
        Thread.sleep(forTimeInterval: 0.5)  // let the service accept them
        let fifth = try service.curl(["--max-time", "20", "--interface", "127.0.0.1", "\(service.url)/v1/commands/archive/list"], as: "office")
        #expect(fifth.status == 0, "\(fifth.status) \(fifth.json)")
        #expect(try witness(service, from: "127.0.0.2", "while 127.0.0.1 is at its limit") == expected)
        held.removeAll()
        Thread.sleep(forTimeInterval: 0.5)
        #expect(try witness(service, from: "127.0.0.1", "once 127.0.0.1 let go") == expected)
    }
}
