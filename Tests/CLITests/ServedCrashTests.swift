import Foundation
import TestSupport
import Testing

/// Issue 16 point 5: `kill -9` of the service during four concurrent `archive ingest --server`,
/// then a restart: the archive checks sound, the log verifies, and every document whose ingest
/// the service acknowledged comes back byte for byte.
@Suite(.serialized) struct ServedCrashTests {
    /// What the clients were told, from four threads.
    final class Acknowledged: @unchecked Sendable {
        private let lock = NSLock()
        private var documents: [(file: String, id: String)] = []
        private var refused = 0

        func add(_ file: String, _ ids: [String]) { lock.withLock { documents += ids.map { (file, $0) } } }
        func failed() { lock.withLock { refused += 1 } }
        var all: [(file: String, id: String)] { lock.withLock { documents } }
        var failures: Int { lock.withLock { refused } }
    }

    @Test func killDuringFourConcurrentIngestsLosesNothingAcknowledged() throws {
        let service = try ServeCommandTests.Service(ingest: false)
        defer { service.stop() }
        let fixtures = Run.files(in: Run.project.appendingPathComponent("Tests/Fixtures/records")).filter { $0.hasSuffix(".xml") }
            .map { "Tests/Fixtures/records/" + $0 }
        #expect(fixtures.count >= 16)
        let acknowledged = Acknowledged()
        let client = service.client("office")
        let group = DispatchGroup()
        for worker in 0..<4 {
            let files = stride(from: worker, to: fixtures.count, by: 4).map { fixtures[$0] }
            DispatchQueue.global().async(group: group) {
                for file in files {
                    guard let run = try? Run.inclusio(["archive", "ingest", file, "--purpose", "filing", "--json"] + client), run.status == 0,
                          let document = try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any],
                          let filed = (document["result"] as? [String: Any])?["filed"] as? [[String: Any]] else {
                        acknowledged.failed()
                        continue
                    }
                    acknowledged.add(file, filed.compactMap { $0["document"] as? String })
                }
            }
        }
        // Killed once a few ingests were acknowledged, while the others are in flight.
        for _ in 0..<600 where acknowledged.all.count < 4 { Thread.sleep(forTimeInterval: 0.01) }
        service.kill()
        group.wait()
        let acked = acknowledged.all
        #expect(acked.count >= 4 && acknowledged.failures > 0, "acknowledged \(acked.count), failed \(acknowledged.failures)")

        // Restarted on the same folder (the kernel released serve.lock with the process); the
        // files staged for the requests cut short are removed as it starts.
        let killed = service.process.processIdentifier
        try service.start()
        let left = try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter { $0.hasPrefix("inclusio-request-\(killed)-") }
        #expect(left.isEmpty, "\(left)")
        let check = try Run.inclusio(["archive", "check"] + service.client(passphraseOperator: "auditor"))
        #expect(check.status == 0 && check.stdout.contains("The archive is sound."), "\(check.stdout)\(check.stderr)")
        let verify = try Run.inclusio(["audit", "verify"] + service.client(passphraseOperator: "auditor"))
        #expect(verify.status == 0 && verify.stdout.contains("The access log is intact."), "\(verify.stdout)\(verify.stderr)")
        let copies = try Run.temporaryFolder()
        for (file, id) in acked {
            let get = try Run.program(Run.inclusio.path, ["archive", "get", id, "-o", "\(id).xml", "--purpose", "annual-review"] + service.client("office"), in: copies)
            #expect(get.status == 0, "\(id): \(get.stderr)")
            #expect(try Data(contentsOf: copies.appendingPathComponent("\(id).xml")) == Data(contentsOf: Run.project.appendingPathComponent(file)), "\(file)")
        }
    }
}
