import Foundation
import TestSupport
import Testing

/// One setting shared by every contract case, made once per test run: an archive with the
/// fixture records filed (retention 0 years, so a file may be shredded), a spare archive for
/// the administrator's commands, a dossier, a checkpoint, and a transfer sent and received.
struct ContractArchive: Sendable {
    let folder: URL
    let path: String
    let office: [String]
    let intruder: [String]
    let auditor: [String]
    let records: [String]
    let spareAdmin: [String]
    let school: [String]
    let document: String
    let dossier: String
    let checkpoint: String
    /// The checkpoint key (PEM) exported with ``checkpoint``.
    let checkpointKey: String
    let transferOut: String
    let receipt: String
    let register: String

    static let rossi = "RSSLCU20B17X000S"

    private static let made: Result<ContractArchive, any Error> = Result { try ContractArchive() }

    /// The shared setting, made on first use.
    static func shared() throws -> ContractArchive { try made.get() }

    func pki(_ name: String) -> String { (try? TestPKI.file(name).path) ?? name }
    func file(_ name: String) -> String { folder.appendingPathComponent(name).path }

    private init() throws {
        let root = try Run.temporaryFolder()
        folder = root
        let pki = { (name: String) in try TestPKI.file(name).path }
        let passes = ["admin": "correct horse battery staple", "auditor": "an auditor's long passphrase", "records": "a records officer's passphrase"]
        for (name, text) in passes { try Data((text + "\n").utf8).write(to: root.appendingPathComponent("\(name).pass")) }
        let sample = try String(contentsOf: Run.project.appendingPathComponent("Archive/policy.sample.xml"), encoding: .utf8)
        let policy = root.appendingPathComponent("policy.xml")
        try sample.replacingOccurrences(of: #"years="10""#, with: #"years="0""#).replacingOccurrences(of: #"years="5""#, with: #"years="0""#)
            .write(to: policy, atomically: true, encoding: .utf8)
        func run(_ arguments: [String]) throws -> Run {
            let run = try Run.inclusio(arguments)
            guard run.status == 0 else { throw SetupFailure(arguments: arguments, stderr: run.stderr) }
            return run
        }
        func archive(_ name: String, policy: String) throws -> [String] {
            let path = root.appendingPathComponent(name).path
            _ = try run(["archive", "init", "--path", path, "--policy", policy, "--admin-passphrase-file", root.appendingPathComponent("admin.pass").path])
            return ["--path", path, "--as", "admin", "--passphrase-file", root.appendingPathComponent("admin.pass").path]
        }
        let admin = try archive("archive", policy: policy.path)
        let path = admin[1]
        self.path = path
        _ = try run(["archive", "enrol", "office", "--cert", try pki("office.pem")] + admin)
        for name in ["auditor", "records"] {
            _ = try run(["archive", "enrol", name, "--new-passphrase-file", root.appendingPathComponent("\(name).pass").path] + admin)
        }
        office = ["--path", path, "--as", "office", "--key", try pki("office.key")]
        intruder = ["--path", path, "--as", "office", "--key", try pki("school-a.key")]
        auditor = ["--path", path, "--as", "auditor", "--passphrase-file", root.appendingPathComponent("auditor.pass").path]
        records = ["--path", path, "--as", "records", "--passphrase-file", root.appendingPathComponent("records.pass").path]
        let ingest = try run(["archive", "ingest", "Tests/Fixtures/records", "--purpose", "filing", "--json"] + office)
        let filed = ((try JSONSerialization.jsonObject(with: Data(ingest.stdout.utf8)) as? [String: Any])?["result"] as? [String: Any])?["filed"] as? [[String: Any]]
        document = filed?.first { ($0["file"] as? String)?.hasSuffix("IT-MO-iep.xml") == true }?["document"] as? String ?? "D-missing"
        checkpoint = root.appendingPathComponent("kept.note").path
        checkpointKey = root.appendingPathComponent("kept-key.pem").path
        _ = try run(["audit", "checkpoint", "-o", checkpoint, "--public-key", checkpointKey] + auditor)
        dossier = root.appendingPathComponent("sent.asice").path
        _ = try run(["dossier", "pack", "--sign-cert", try pki("office.pem"), "--sign-key", try pki("office.key"), "--recipient", try pki("school-a.pem"),
                     "-o", dossier, "Tests/Fixtures/records/IT-MO-iep.xml"])
        spareAdmin = try archive("spare", policy: "Archive/policy.sample.xml")
        let schoolAdmin = try archive("school", policy: "Samples/policies/receiving-school.xml")
        _ = try run(["archive", "enrol", "head-a", "--cert", try pki("school-a.pem")] + schoolAdmin)
        school = ["--path", schoolAdmin[1], "--as", "head-a", "--key", try pki("school-a.key")]
        transferOut = root.appendingPathComponent("transfer").path
        _ = try run(["transfer", "prepare", "--pupil", Self.rossi, "--to", try pki("school-a.pem"), "-o", transferOut, "--purpose", "transfer",
                     "--sign-cert", try pki("office.pem")] + office)
        register = transferOut + "/handover-register.xml"
        let receipts = root.appendingPathComponent("receipts")
        _ = try run(["transfer", "receive", transferOut, "-o", receipts.path, "--purpose", "transfer", "--sign-cert", try pki("school-a.pem"),
                     "--ca", try pki("root.pem")] + school)
        receipt = receipts.appendingPathComponent(Run.files(in: receipts).first { $0.hasSuffix(".xml") } ?? "receipt.xml").path
        try Data("not a dossier".utf8).write(to: root.appendingPathComponent("garbage.asice"))
    }

    /// A setup step that did not succeed.
    struct SetupFailure: Error, CustomStringConvertible {
        let arguments: [String]
        let stderr: String
        var description: String { "inclusio \(arguments.prefix(3).joined(separator: " ")) failed: \(stderr)" }
    }
}
