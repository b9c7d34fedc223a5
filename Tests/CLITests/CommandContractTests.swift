import Foundation
import TestSupport
import Testing

/// The command contract: every registered command (as `inclusio commands --json` lists them)
/// prints exactly one JSON document with `--json`, `{"result", "failures", "error"}`, on a
/// success and on a failure; every command and group has help.
///
/// The list comes from the binary rather than the registry in the module: the test runs
/// `inclusio` as a clerk does, and a command registered without a case here fails
/// ``everyRegisteredCommandHasACase()``.
@Suite struct CommandContractTests {
    /// A command's success and failure arguments (after its words), in the shared setting.
    struct Case: Sendable, CustomTestStringConvertible {
        let path: String
        let success: @Sendable (ContractArchive) -> [String]
        let failure: @Sendable (ContractArchive) -> [String]
        var testDescription: String { path }
    }

    /// Commands that only read, run side by side.
    static let concurrent: [Case] = [
        Case(path: "generate", success: { ["Samples/cases/CN-FJ/case-01.json", "-o", $0.file("generated")] }, failure: { _ in ["no-such-case.json"] }),
        Case(path: "validate", success: { _ in ["Tests/Fixtures/records/CN-FJ-iep.xml"] }, failure: { _ in ["Samples/cases/IT-MO/case-02.xml"] }),
        Case(path: "render", success: { ["Tests/Fixtures/records/CN-FJ-iep.xml", "-o", $0.file("pdf")] },
             failure: { ["Tests/Fixtures/invalid/placement-impossible-birth-date.xml", "-o", $0.file("pdf-refused")] }),
        Case(path: "keys init", success: { [$0.file("keys")] }, failure: { [URL(fileURLWithPath: $0.pki("root.pem")).deletingLastPathComponent().path] }),
        Case(path: "dossier pack", success: { ["--sign-cert", $0.pki("office.pem"), "--sign-key", $0.pki("office.key"), "--recipient", $0.pki("school-a.pem"),
                                               "-o", $0.file("packed.asice"), "Tests/Fixtures/records/CN-FJ-iep.xml"] },
             failure: { ["--sign-cert", $0.pki("office.pem"), "--sign-key", $0.pki("office.key"), "-o", $0.file("unsent.asice"), "Tests/Fixtures/records/CN-FJ-iep.xml"] }),
        Case(path: "dossier verify", success: { [$0.dossier, "--ca", $0.pki("root.pem")] }, failure: { [$0.file("garbage.asice"), "--ca", $0.pki("root.pem")] }),
        Case(path: "dossier open", success: { [$0.dossier, "--ca", $0.pki("root.pem"), "--key", $0.pki("school-a.key"), "-o", $0.file("opened")] },
             failure: { [$0.dossier, "--ca", $0.pki("root.pem"), "--key", $0.pki("school-b.key"), "-o", $0.file("not-opened")] }),
        Case(path: "archive policy show", success: { ["--path", $0.path] }, failure: { ["--path", $0.file("no-archive")] }),
        Case(path: "archive list", success: { ["--purpose", "annual-review"] + $0.office }, failure: { ["--purpose", "annual-review"] + $0.intruder }),
        Case(path: "archive search", success: { ["--national-id", ContractArchive.rossi, "--purpose", "annual-review"] + $0.office },
             failure: { ["--national-id", ContractArchive.rossi, "--purpose", "annual-review"] + $0.intruder }),
        Case(path: "archive show", success: { ["--pupil", ContractArchive.rossi, "--purpose", "annual-review"] + $0.office },
             failure: { ["--pupil", "P-NOSUCHPUPIL", "--purpose", "annual-review"] + $0.office }),
        Case(path: "archive get", success: { [$0.document, "-o", $0.file("copy.xml"), "--purpose", "annual-review"] + $0.office },
             failure: { ["D-NOSUCHDOCUMENT", "-o", $0.file("no-copy.xml"), "--purpose", "annual-review"] + $0.office }),
        Case(path: "archive render", success: { [$0.document, "-o", $0.file("printed.pdf"), "--purpose", "annual-review"] + $0.office },
             failure: { [$0.document, "-o", $0.file("printed.txt"), "--purpose", "annual-review"] + $0.office }),
        Case(path: "archive check", success: { ["--path", $0.path] }, failure: { ["--path", $0.file("no-archive")] }),
        Case(path: "audit verify", success: { $0.auditor }, failure: { $0.intruder }),
        Case(path: "audit prove", success: { ["--entry", "1", "--checkpoint", $0.checkpoint] + $0.auditor },
             failure: { ["--entry", "999999", "--checkpoint", $0.checkpoint] + $0.auditor }),
        Case(path: "audit consistency", success: { ["--from", $0.checkpoint] + $0.auditor },
             failure: { ["--from", $0.checkpointKey] + $0.auditor }),
        Case(path: "witness init", success: { [$0.file("witness"), "--name", "dpo.example.org/w", "--log-checkpoint", $0.checkpoint, "--log-key", $0.checkpointKey] },
             failure: { [$0.file("witness-refused"), "--name", "dpo.example.org/w", "--log-checkpoint", $0.checkpoint, "--log-key", $0.pki("office.pem")] }),
        Case(path: "audit report", success: { ["--pupil", ContractArchive.rossi, "--purpose", "audit"] + $0.auditor },
             failure: { ["--operator", "office", "--since", "2026-02-30", "--purpose", "audit"] + $0.auditor }),
        Case(path: "audit chart", success: { ["-o", $0.file("chart.png"), "--purpose", "audit"] + $0.auditor },
             failure: { ["-o", $0.file("chart.txt"), "--purpose", "audit"] + $0.auditor }),
        Case(path: "check placement", success: { _ in ["Samples/cases/JP-11/case-01.json"] }, failure: { [$0.file("no-case.json")] }),
        Case(path: "check school", success: { _ in ["Samples/schools/CN-FJ/school-02.xml"] }, failure: { [$0.file("no-school.xml")] }),
        Case(path: "allocation merger", success: { _ in ["--level", "primary", "--before", "12,10", "--after", "19"] },
             failure: { _ in ["--level", "nursery", "--before", "12,10", "--after", "19"] }),
        Case(path: "allocation staff-request", success: { _ in ["Tests/Fixtures/records", "--school", "MOIC80000X"] },
             failure: { _ in ["Tests/Fixtures/records", "--school", "NOSUCHSCHOOL"] }),
        Case(path: "transfer confirm", success: { [$0.receipt, "--register", $0.register, "--ca", $0.pki("root.pem")] },
             failure: { [$0.receipt, "--register", $0.file("no-register.xml"), "--ca", $0.pki("root.pem")] }),
        Case(path: "due", success: { ["--on", "2027-01-10", "--purpose", "deadlines"] + $0.office }, failure: { ["--on", "2027-13-01", "--purpose", "deadlines"] + $0.office }),
        Case(path: "commands", success: { _ in [] }, failure: { _ in ["extra"] }),
    ]

    /// Commands that change an archive, one after another.
    static let exclusive: [Case] = [
        Case(path: "archive init", success: { ["--path", $0.file("new-archive"), "--admin-passphrase-file", $0.file("admin.pass")] },
             failure: { ["--path", $0.path, "--admin-passphrase-file", $0.file("admin.pass")] }),
        Case(path: "archive enrol", success: { ["head-mo-1", "--cert", $0.pki("school-a.pem")] + $0.spareAdmin },
             failure: { ["nobody", "--cert", $0.pki("school-a.pem")] + $0.spareAdmin }),
        Case(path: "archive policy apply", success: { ["Archive/policy.sample.xml"] + $0.spareAdmin }, failure: { [$0.file("no-policy.xml")] + $0.spareAdmin }),
        Case(path: "archive rekey", success: { ["--master", "--purpose", "key-management"] + $0.spareAdmin },
             failure: { ["--scope", "NOSUCHSCHOOL", "--purpose", "key-management"] + $0.spareAdmin }),
        Case(path: "archive migrate", success: { $0.spareAdmin }, failure: { ["--path", $0.file("no-archive")] + $0.spareAdmin.dropFirst(2) }),
        Case(path: "archive backup", success: { ["--to", $0.file("backup"), "--period", "2026-12"] + $0.spareAdmin },
             failure: { ["--to", $0.path, "--period", "2026-12"] + $0.spareAdmin }),
        Case(path: "archive restore", success: { [$0.file("backup"), "--to", $0.file("restored")] + $0.spareAdmin },
             failure: { [$0.file("no-backup"), "--to", $0.file("not-restored")] + $0.spareAdmin }),
        Case(path: "archive ingest", success: { ["Tests/Fixtures/records/CN-FJ-iep.xml", "--purpose", "filing"] + $0.office },
             failure: { ["Tests/Fixtures/records/CN-FJ-iep.xml", "--purpose", "filing"] + $0.intruder }),
        Case(path: "archive hold", success: { ["--pupil", "SPSSFO13E49X000Q", "--reason", "complaint", "--purpose", "legal-hold"] + $0.office },
             failure: { ["--pupil", "P-NOSUCHPUPIL", "--reason", "complaint", "--purpose", "legal-hold"] + $0.office }),
        Case(path: "archive shred", success: { ["--pupil", "350000202003080022", "--purpose", "retention"] + $0.records },
             failure: { ["--pupil", "P-NOSUCHPUPIL", "--purpose", "retention"] + $0.records }),
        Case(path: "audit checkpoint", success: { ["-o", $0.file("checkpoint.note")] + $0.auditor }, failure: { ["-o", $0.checkpoint] + $0.auditor }),
        Case(path: "transfer prepare", success: { ["--pupil", ContractArchive.rossi, "--to", $0.pki("school-a.pem"), "-o", $0.transferOut, "--purpose", "transfer",
                                                   "--sign-cert", $0.pki("office.pem")] + $0.office },
             failure: { ["--pupil", "P-NOSUCHPUPIL", "--to", $0.pki("school-a.pem"), "-o", $0.file("transfer-refused"), "--purpose", "transfer",
                         "--sign-cert", $0.pki("office.pem")] + $0.office }),
        Case(path: "transfer receive", success: { [$0.transferOut, "-o", $0.file("receipts-again"), "--purpose", "transfer", "--sign-cert", $0.pki("school-a.pem"),
                                                   "--ca", $0.pki("root.pem")] + $0.school },
             failure: { [$0.file("garbage.asice"), "-o", $0.file("receipts-refused"), "--purpose", "transfer", "--sign-cert", $0.pki("school-a.pem"),
                         "--ca", $0.pki("root.pem")] + $0.school }),
    ]

    /// Commands that run until stopped (`serve`): their failure is checked here, their success
    /// (a signal ends them) in ``ServeCommandTests``.
    static let longRunning: [Case] = [
        Case(path: "serve", success: { _ in [] },
             failure: { ["--path", $0.path, "--listen", "127.0.0.1:0", "--tls-cert", $0.pki("office.pem"), "--tls-key", $0.pki("office.key"),
                         "--client-ca", $0.pki("root.pem"), "--unlock-passphrase-file", $0.file("admin.pass")] }),
        Case(path: "witness serve", success: { _ in [] },
             failure: { [$0.file("no-witness"), "--listen", "127.0.0.1:0", "--tls-cert", $0.pki("server.pem"), "--tls-key", $0.pki("server.key")] }),
    ]

    @Test func longRunningCommandsFailAsOneJSONDocument() throws {
        let setting = try ContractArchive.shared()
        for contract in Self.longRunning {
            let failure = try Run.inclusio(contract.path.split(separator: " ").map(String.init) + contract.failure(setting) + ["--json"])
            #expect(failure.status != 0, "\(contract.path): a failure exits non-zero")
            let error = try #require(try document(failure, "\(contract.path) failure")["error"] as? [String: Any])
            #expect(error["kind"] is String && error["message"] is String && error["problems"] is [Any])
        }
    }

    /// The command's stdout, parsed whole: exactly one JSON document with the three keys.
    private func document(_ run: Run, _ context: String) throws -> [String: Any] {
        let parsed = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
        let document = try #require(parsed as? [String: Any], "\(context): \(run.stdout.prefix(300))")
        #expect(Set(document.keys) == ["result", "failures", "error"], "\(context): \(document.keys.sorted())")
        return document
    }

    private func check(_ contract: Case) throws {
        let setting = try ContractArchive.shared()
        let words = contract.path.split(separator: " ").map(String.init)
        let success = try Run.inclusio(words + contract.success(setting) + ["--json"])
        #expect(success.status == 0, "\(contract.path): \(success.stdout.suffix(600))")
        let good = try document(success, "\(contract.path) success")
        #expect(good["error"] is NSNull && !(good["result"] is NSNull), "\(contract.path): \(success.stdout.prefix(300))")
        let failure = try Run.inclusio(words + contract.failure(setting) + ["--json"])
        #expect(failure.status != 0, "\(contract.path): a failure exits non-zero")
        let bad = try document(failure, "\(contract.path) failure")
        let error = try #require(bad["error"] as? [String: Any], "\(contract.path): \(failure.stdout.prefix(300))")
        #expect(error["kind"] is String && error["message"] is String && error["problems"] is [Any])
    }

    @Test(arguments: concurrent) func readingCommandsPrintOneJSONDocument(_ contract: Case) throws { try check(contract) }

    @Test(.serialized, arguments: exclusive) func changingCommandsPrintOneJSONDocument(_ contract: Case) throws { try check(contract) }

    @Test func everyRegisteredCommandHasACase() throws {
        let run = try Run.inclusio(["commands", "--json"])
        let result = try #require(try document(run, "commands")["result"] as? [String: Any])
        let listed = Set(((result["commands"] as? [[String: Any]]) ?? []).compactMap { $0["path"] as? String } + ["commands"])
        #expect(listed == Set((Self.concurrent + Self.exclusive + Self.longRunning).map(\.path)))
    }

    @Test func everyCommandAndGroupHasHelp() throws {
        let result = try #require(try document(try Run.inclusio(["commands", "--json"]), "commands")["result"] as? [String: Any])
        for command in ((result["commands"] as? [[String: Any]]) ?? []).compactMap({ $0["path"] as? String }) {
            let help = try Run.inclusio(["help"] + command.split(separator: " ").map(String.init))
            #expect(help.status == 0 && help.stdout.hasPrefix("OVERVIEW: ") && help.stdout.contains("USAGE: inclusio \(command) "), "\(command)")
        }
        let groups = ((result["groups"] as? [[String: Any]]) ?? []).compactMap { $0["path"] as? String }
        #expect(groups.contains("archive policy") && groups.contains("dossier"))
        for group in groups {
            let words = group.split(separator: " ").map(String.init)
            let viaHelp = try Run.inclusio(["help"] + words), viaFlag = try Run.inclusio(words + ["--help"])
            #expect(viaHelp.status == 0 && viaHelp.stdout == viaFlag.stdout && viaHelp.stdout.contains("USAGE: inclusio \(group) <command>"), "\(group)")
        }
    }
}
