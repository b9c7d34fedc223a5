import Foundation
import TestSupport
import Testing

/// The command line as a client of `inclusio serve`: each command family run on the service's
/// machine (custodians' passphrase) and through `--server` prints the same JSON document, text
/// and exit status; a removed operator gets 77; a server the client's CA did not issue is refused.
@Suite(.serialized) struct ServerClientTests {
    typealias Service = ServeCommandTests.Service

    /// One command of each family: its words and arguments, who runs it, and the result keys
    /// whose values depend on the moment (the log grows with every run).
    struct Case: Sendable, CustomTestStringConvertible {
        let arguments: [String]
        let client: String?          // a certificate of the demo PKI; nil: the passphrase operator "auditor"
        let op: String
        let volatile: Set<String>
        var testDescription: String { arguments.prefix(2).joined(separator: " ") }
    }

    static let cases: [Case] = [
        Case(arguments: ["archive", "list", "--purpose", "annual-review"], client: "office", op: "office", volatile: []),
        Case(arguments: ["archive", "search", "--national-id", "RSSLCU20B17X000S", "--purpose", "annual-review"], client: "office", op: "office", volatile: []),
        Case(arguments: ["archive", "show", "--pupil", "RSSLCU20B17X000S", "--purpose", "annual-review"], client: "office", op: "office", volatile: []),
        Case(arguments: ["archive", "ingest", "Tests/Fixtures/records/IT-MO-iep.xml", "Tests/Fixtures/records/JP-11-placement.xml", "--purpose", "filing"],
             client: "office", op: "office", volatile: []),
        Case(arguments: ["archive", "check"], client: nil, op: "auditor", volatile: []),
        Case(arguments: ["audit", "verify"], client: nil, op: "auditor", volatile: ["entries", "bytes", "root", "checkpoints", "latestCheckpointTime", "latestCheckpointSize"]),
        Case(arguments: ["audit", "report", "--pupil", "RSSLCU20B17X000S", "--purpose", "audit"], client: nil, op: "auditor",
             volatile: ["entries", "rows", "time", "sequence", "count", "accesses", "events", "lines", "total"]),
        Case(arguments: ["due", "--on", "2026-10-01", "--purpose", "deadlines"], client: "office", op: "office", volatile: []),
    ]

    /// One service for every family (setting one up takes seconds).
    @Test func localAndServedPrintTheSameDocument() throws {
        let service = try Service()
        defer { service.stop() }
        for test in Self.cases { try compare(test, service) }
    }

    private func compare(_ test: Case, _ service: Service) throws {
        let local = try Run.inclusio(test.arguments + ["--json"]
                                     + (test.client.map { service.local($0, as: test.op) } ?? service.local(passphraseOperator: test.op)))
        let served = try Run.inclusio(test.arguments + ["--json"]
                                      + (test.client.map { service.client($0) } ?? service.client(passphraseOperator: test.op)))
        #expect(local.status == served.status && local.status == 0, "\(test.testDescription): \(local.stderr)\n\(served.stderr)\n\(served.stdout.prefix(600))")
        let localJSON = try JSONSerialization.jsonObject(with: Data(local.stdout.utf8))
        let servedJSON = try JSONSerialization.jsonObject(with: Data(served.stdout.utf8))
        #expect(NSDictionary(dictionary: servedJSON as? [String: Any] ?? [:]).allKeys.count == 3, "only result, failures and error: \(served.stdout.prefix(300))")
        if test.volatile.isEmpty {
            #expect(served.stdout == local.stdout, "\(served.stdout.prefix(800))\n---\n\(local.stdout.prefix(800))")
        } else {
            #expect(shape(servedJSON, test.volatile) == shape(localJSON, test.volatile), "\(served.stdout.prefix(800))\n---\n\(local.stdout.prefix(800))")
        }
        // Text mode too: the same text on stdout (a volatile result aside) and the same exit status.
        let text = try Run.inclusio(test.arguments + (test.client.map { service.client($0) } ?? service.client(passphraseOperator: test.op)))
        let localText = try Run.inclusio(test.arguments + (test.client.map { service.local($0, as: test.op) } ?? service.local(passphraseOperator: test.op)))
        #expect(text.status == localText.status, "\(test.testDescription)")
        if test.volatile.isEmpty { #expect(text.stdout == localText.stdout && text.stderr == localText.stderr, "\(text.stdout.prefix(400))\n---\n\(localText.stdout.prefix(400))") }
        else { #expect(!text.stdout.isEmpty, "\(test.testDescription): \(text.stderr)") }
    }

    /// `value` with the scalars under `volatile` keys blanked (their type kept).
    private func shape(_ value: Any, _ volatile: Set<String>, key: String = "") -> NSObject {
        switch value {
        case let object as [String: Any]:
            return NSDictionary(dictionary: object.mapValues { _ in 0 }.merging(object.map { ($0.key, shape($0.value, volatile, key: $0.key)) }) { $1 })
        case let array as [Any]:
            return volatile.contains(key) ? NSString(string: "array") : NSArray(array: array.map { shape($0, volatile) })
        case let scalar as NSObject:
            return volatile.contains(key) ? NSString(string: String(describing: type(of: scalar))) : scalar
        default:
            return NSNull()
        }
    }

    @Test func filesComeBackWhereOutputSaysAndInputFilesTravel() throws {
        let service = try Service()
        defer { service.stop() }
        let here = try Run.temporaryFolder(), there = try Run.temporaryFolder()
        let iep = Run.project.appendingPathComponent("Tests/Fixtures/records/IT-MO-iep.xml")
        let show = try Run.inclusio(["archive", "show", "--pupil", "RSSLCU20B17X000S", "--purpose", "annual-review", "--json"] + service.client("office"))
        let documents = try #require(((try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])?["result"] as? [String: Any])?["documents"] as? [[String: Any]])
        let id = try #require(documents.first { $0["kind"] as? String == "iep" }?["id"] as? String)
        let served = try Run.program(Run.inclusio.path, ["archive", "get", id, "-o", "copy.xml", "--purpose", "annual-review", "--json"] + service.client("office"), in: here)
        let local = try Run.program(Run.inclusio.path, ["archive", "get", id, "-o", "copy.xml", "--purpose", "annual-review", "--json"] + service.local("office", as: "office"), in: there)
        #expect(served.status == 0 && served.stdout == local.stdout, "\(served.stdout)\(served.stderr)")
        #expect(try Data(contentsOf: here.appendingPathComponent("copy.xml")) == Data(contentsOf: iep))
        // Never replaced: a second get fails as it does locally, and leaves the file as it was.
        let again = try Run.program(Run.inclusio.path, ["archive", "get", id, "-o", "copy.xml", "--purpose", "annual-review"] + service.client("office"), in: here)
        let againLocal = try Run.program(Run.inclusio.path, ["archive", "get", id, "-o", "copy.xml", "--purpose", "annual-review"] + service.local("office", as: "office"), in: there)
        #expect(again.status == 73 && again.status == againLocal.status && again.stderr.contains("copy.xml"), "\(again.stderr)")
        // An exported checkpoint (a file written there, read back as an input) proves an entry.
        let checkpoint = try Run.program(Run.inclusio.path, ["audit", "checkpoint", "-o", "cp.note", "--public-key", "cp.pem"] + service.client(passphraseOperator: "auditor"), in: here)
        #expect(checkpoint.status == 0 && Run.files(in: here).contains("cp.note") && Run.files(in: here).contains("cp.pem"), "\(checkpoint.stderr)")
        let prove = try Run.program(Run.inclusio.path, ["audit", "prove", "--entry", "2", "--checkpoint", "cp.note", "--json"] + service.client(passphraseOperator: "auditor"), in: here)
        #expect(prove.status == 0 && prove.stdout.contains("\"entry\" : 2"), "\(prove.stdout)\(prove.stderr)")
        // A missing input is named as the client named it (not as the service staged it).
        let missing = try Run.inclusio(["audit", "verify", "--checkpoint", "no-such.note"] + service.client(passphraseOperator: "auditor"))
        let missingLocal = try Run.inclusio(["audit", "verify", "--checkpoint", "no-such.note"] + service.local(passphraseOperator: "auditor"))
        #expect(missing.status == missingLocal.status && missing.stderr == missingLocal.stderr, "\(missing.stderr)")
        // Nothing of the request stays on the service's machine.
        let staged = try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter { $0.hasPrefix("inclusio-request-\(service.process.processIdentifier)-") }
        #expect(staged.isEmpty, "\(staged)")
        // Commands the service does not run say so, before anything is sent.
        let enrol = try Run.inclusio(["archive", "enrol", "someone", "--cert", "c.pem"] + service.client("office"))
        #expect(enrol.status == 64 && enrol.stderr.contains("is not run by the archive service"), "\(enrol.stderr)")
    }

    @Test func aRemovedOperatorGets77AndAnUntrustedServerIsRefused() throws {
        let service = try Service()
        defer { service.stop() }
        #expect(try Run.inclusio(["archive", "list", "--purpose", "annual-review"] + service.client("school-b")).status == 0)
        try service.removeFromPolicy("teacher-mo-2")
        let removed = try Run.inclusio(["archive", "list", "--purpose", "annual-review", "--json"] + service.client("school-b"))
        #expect(removed.status == 77 && removed.stdout.contains("\"kind\" : \"permission\""), "\(removed.stdout)")
        // A wrong passphrase: 77, the service's words.
        let wrong = service.folder.appendingPathComponent("wrong.pass")
        try Data("not the records passphrase\n".utf8).write(to: wrong)
        let refused = try Run.inclusio(["archive", "list", "--purpose", "annual-review", "--server", service.url, "--server-ca", service.pki.appendingPathComponent("root.pem").path,
                                        "--as", "records", "--passphrase-file", wrong.path])
        #expect(refused.status == 77, "\(refused.stderr)")
        // A server whose certificate another CA issued: refused before anything is sent, without the request's path.
        let other = service.folder.appendingPathComponent("other-pki")
        #expect(try Run.inclusio(["keys", "init", other.path]).status == 0)
        let untrusted = try Run.inclusio(["archive", "show", "--pupil", "RSSLCU20B17X000S", "--purpose", "annual-review", "--server", service.url,
                                          "--server-ca", other.appendingPathComponent("root.pem").path,
                                          "--cert", service.pki.appendingPathComponent("office.pem").path, "--key", service.pki.appendingPathComponent("office.key").path])
        #expect(untrusted.status == 78 && untrusted.stderr.contains("did not prove it is the archive service"), "\(untrusted.stderr)")
        #expect(!untrusted.stderr.contains("/v1") && !untrusted.stderr.contains("?") && !untrusted.stderr.contains("RSSLCU20B17X000S"), "\(untrusted.stderr)")
    }

    @Test func aRequestOverTheLimitIsRefusedWithAClearMessage() throws {
        let service = try Service(ingest: false, serveArguments: ["--max-request-bytes", "8192"])
        defer { service.stop() }
        let big = try Run.inclusio(["archive", "ingest", "Tests/Fixtures/records", "--purpose", "filing"] + service.client("office"))
        #expect(big.status == 65 && big.stderr.contains("too large") && big.stderr.contains("8192"), "\(big.stderr)")
        let list = try Run.inclusio(["archive", "list", "--purpose", "annual-review", "--json"] + service.client("office"))
        #expect(list.status == 0 && !list.stdout.contains("P-"), "nothing was filed: \(list.stdout)")
    }
}
