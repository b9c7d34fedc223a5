import Foundation
import TestSupport
import Testing

/// `transfer prepare` and `transfer receive` through `inclusio serve`: the office's service signs
/// with the identity it was started with (`serve --sign-cert/--sign-key`), a school's service
/// opens dossiers with the school's key (`serve --dossier-key`); the operator holds only their
/// own credential. Judged against the same commands run on the service's machine, and by
/// `openssl cms -verify`.
@Suite(.serialized) struct ServedTransferTests {
    typealias Service = ServeCommandTests.Service

    static let rossi = "RSSLCU20B17X000S"

    private static func demo(_ name: String) -> String { (try? TestPKI.file(name).path) ?? name }
    private static let officeKeys = ["--sign-cert", demo("office.pem"), "--sign-key", demo("office.key")]
    private static let schoolKeys = ["--sign-cert", demo("school-a.pem"), "--sign-key", demo("school-a.key"), "--dossier-key", demo("school-a.key")]

    private func json(_ run: Run) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8))) as? [String: Any] ?? [:]
    }

    private func result(_ run: Run) -> [String: Any] { json(run)["result"] as? [String: Any] ?? [:] }

    private func files(_ folder: URL) -> [String] { Run.files(in: folder).filter { $0 != ".staging" } }

    private func verifies(_ file: URL) throws -> Bool {
        try Run.program("openssl", ["cms", "-verify", "-binary", "-inform", "DER", "-in", file.path + ".p7s", "-content", file.path,
                                    "-CAfile", Self.demo("root.pem"), "-purpose", "any", "-out", "/dev/null"]).status == 0
    }

    @Test func prepareAndReceiveThroughServicesAsOnTheirMachines() throws {
        let office = try Service(serveArguments: Self.officeKeys)
        defer { office.stop() }
        let prepare = ["transfer", "prepare", "--pupil", Self.rossi, "--to", Self.demo("school-a.pem"), "--purpose", "transfer", "--json"]
        let localOut = office.folder.appendingPathComponent("batch-local"), servedOut = office.folder.appendingPathComponent("batch-served")
        let local = try Run.inclusio(prepare + ["-o", localOut.path] + Self.officeKeys + office.local("office", as: "office"))
        let served = try Run.inclusio(prepare + ["-o", servedOut.path] + office.client("office"))
        #expect(local.status == 0 && served.status == 0, "\(local.stdout)\(served.stdout)\(served.stderr)")
        // The same document apart from the batch's id, its folder and its timing; the same files come back.
        let (l, s) = (result(local), result(served))
        #expect((s["sent"] as? [String]) == (l["sent"] as? [String]) && (s["sent"] as? [String])?.count == 1, "\(l) \(s)")
        #expect((s["alreadySent"] as? [String]) == [] && s["notGraduating"] as? Int == l["notGraduating"] as? Int)
        #expect(s["registerFile"] as? String == servedOut.appendingPathComponent("handover-register.xml").path, "\(s)")
        #expect(Set(s.keys) == Set(l.keys))
        #expect(files(servedOut) == files(localOut) && files(servedOut).contains(".transfer-journal.jsonl"), "\(files(servedOut)) \(files(localOut))")
        // Signed by the service's identity: openssl checks the register against the demo root.
        #expect(try verifies(servedOut.appendingPathComponent("handover-register.xml")))
        // Run again into the same folder: the journal went up and came back, nothing is sent twice.
        let again = try Run.inclusio(prepare + ["-o", servedOut.path] + office.client("office"))
        #expect(again.status == 0 && (result(again)["alreadySent"] as? [String]) == (s["sent"] as? [String]), "\(again.stdout)")

        // A school's services receive the served batch's dossier, one through --server, one on its machine.
        let school = try Service(ingest: false, serveArguments: Self.schoolKeys)
        defer { school.stop() }
        let schoolHere = try Service(ingest: false)
        defer { schoolHere.stop() }
        let receive = ["transfer", "receive", servedOut.path, "--ca", Self.demo("root.pem"), "--purpose", "transfer", "--json"]
        let receipts = school.folder.appendingPathComponent("receipts"), receiptsHere = schoolHere.folder.appendingPathComponent("receipts")
        let viaService = try Run.inclusio(receive + ["-o", receipts.path] + school.client("office"))
        let onMachine = try Run.inclusio(receive + ["-o", receiptsHere.path] + Self.schoolKeys + schoolHere.local("office", as: "office"))
        #expect(viaService.status == 0 && onMachine.status == 0, "\(viaService.stdout)\(viaService.stderr)\(onMachine.stdout)")
        func comparable(_ run: Run) -> [[String: String]] {
            (result(run)["received"] as? [[String: Any]] ?? []).map { entry in
                // The pupil's pseudonym is each archive's own; the rest is the dossier's.
                ["sha256": entry["sha256"] as? String ?? "", "documents": "\(entry["documents"] ?? "")", "isNew": "\(entry["isNew"] ?? "")",
                 "missing": "\(entry["missing"] ?? "")", "pupil": (entry["pupil"] as? String)?.hasPrefix("P-") == true ? "P-" : "?"]
            }
        }
        #expect(comparable(viaService) == comparable(onMachine) && comparable(viaService).count == 1, "\(comparable(viaService)) \(comparable(onMachine))")
        let receipt = try #require((result(viaService)["receipts"] as? [String])?.first)
        #expect(receipt.hasPrefix(receipts.path) && files(receipts) == files(receiptsHere), "\(receipt) \(files(receipts))")
        #expect(try verifies(URL(fileURLWithPath: receipt)))
        let filed = try Run.inclusio(["archive", "list", "--purpose", "annual-review", "--json"] + school.client("office"))
        let pupils = (result(filed)["pupils"] as? [[String: Any]]) ?? []
        #expect(pupils.count == 1 && pupils.first?["documents"] as? Int == (comparable(viaService).first?["documents"]).flatMap { Int($0) }, "\(filed.stdout.prefix(300))")
    }

    @Test func theServiceSignsOnlyWhatThePolicyLetsTheOperatorTransfer() throws {
        let office = try Service(serveArguments: Self.officeKeys)
        defer { office.stop() }
        let out = office.folder.appendingPathComponent("batch")
        let prepare = ["transfer", "prepare", "--pupil", Self.rossi, "--to", Self.demo("school-a.pem"), "-o", out.path, "--purpose", "transfer"]
        // A support teacher's role does not permit transfer: refused, logged, and nothing signed comes back.
        let teacher = try Run.inclusio(prepare + ["--json"] + office.client("school-b"))
        #expect(teacher.status == 77, "\(teacher.stdout)\(teacher.stderr)")
        #expect(!files(out).contains { $0.hasSuffix(".asice") || $0.hasSuffix(".p7s") }, "\(files(out))")
        let log = try String(contentsOf: URL(fileURLWithPath: office.path).appendingPathComponent("log/access.jsonl"), encoding: .utf8)
        #expect(log.contains(#""operatorId":"teacher-mo-2""#) && log.contains(#""action":"transfer""#) && log.contains(#""outcome":"denied""#))
        // No client brings its own signing key to the service.
        let ownKey = try Run.inclusio(prepare + ["--sign-cert", Self.demo("office.pem"), "--sign-key", Self.demo("office.key")] + office.client("office"))
        #expect(ownKey.status == 64 && ownKey.stderr.contains("--sign-cert"), "\(ownKey.stderr)")
        // Over HTTP too: the service refuses the option.
        let body = try office.command("transfer/prepare", prepare.dropFirst(2) + ["--sign-key", "/etc/hostname"], as: "office")
        #expect(body.status == 400, "\(body.json)")
        // An output folder that would lead out of the request's private folder is refused, nothing written.
        let escape = try office.command("transfer/prepare", ["--pupil", Self.rossi, "--to", "s.pem", "-o", "../../escape", "--purpose", "annual-review"], as: "office")
        #expect(escape.status == 400 && !FileManager.default.fileExists(atPath: "/escape") && !FileManager.default.fileExists(atPath: "/tmp/escape"), "\(escape.json)")
        // A service started without a signing identity signs nothing.
        let unsigned = try Service(serveArguments: [])
        defer { unsigned.stop() }
        let none = try Run.inclusio(prepare + ["--json"] + unsigned.client("office"))
        #expect(none.status == 78 && none.stdout.contains("--sign-cert"), "\(none.status) \(none.stdout)")
    }
}
