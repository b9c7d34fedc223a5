import Foundation
import TestSupport
import Testing

/// The defects the command contract mends, each as it was met: two JSON documents, an error
/// printed twice, commands without `--json`, groups without help, the wrong folder named.
@Suite struct ContractRegressionTests {
    private func parsed(_ run: Run) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stdout.prefix(300))")
    }

    @Test(arguments: ["Tests/Fixtures/invalid/placement-impossible-birth-date.xml", "Tests/Fixtures/hostile/xxe.xml"])
    func renderingOneBadInputPrintsOneDocumentAndTheErrorOnce(input: String) throws {
        let folder = try Run.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = try Run.inclusio(["render", input, "-o", folder.path, "--json"])
        #expect(json.status == 65)
        let error = try #require(try parsed(json)["error"] as? [String: Any])
        #expect((error["message"] as? String)?.contains(input) == true)
        let text = try Run.inclusio(["render", input, "-o", folder.path])
        #expect(text.status == 65 && text.stdout.isEmpty)
        #expect(text.stderr.components(separatedBy: input).count - 1 == 1, "\(text.stderr)")
    }

    @Test func chartCheckpointAndPolicyShowPrintJSON() throws {
        let setting = try ContractArchive.shared()
        let chart = try Run.inclusio(["audit", "chart", "-o", setting.file("regression-chart.png"), "--purpose", "audit", "--json"] + setting.auditor)
        let drawn = try parsed(chart)["result"] as? [String: Any]
        #expect(chart.status == 0 && drawn?["file"] as? String == setting.file("regression-chart.png"))
        let checkpoint = try Run.inclusio(["audit", "checkpoint", "--json"] + setting.auditor)
        let exported = try #require(try parsed(checkpoint)["result"] as? [String: Any])
        #expect(checkpoint.status == 0 && (exported["note"] as? String)?.contains("\n\n— ") == true && exported["size"] is Int, "\(checkpoint.stdout)")
        let policy = try Run.inclusio(["archive", "policy", "show", "--path", setting.path, "--json"])
        let shown = try parsed(policy)["result"] as? [String: Any]
        #expect(policy.status == 0 && (shown?["policy"] as? String)?.contains("<policy xmlns") == true)
    }

    @Test func groupsHaveHelpAndMisspelledCommandsASuggestion() throws {
        for words in [["dossier", "--help"], ["help", "archive"], ["archive", "policy", "--help"]] {
            let run = try Run.inclusio(words)
            #expect(run.status == 0 && run.stdout.contains("COMMANDS:") && !run.stderr.contains("Unknown command"), "\(words)")
        }
        #expect(try Run.inclusio(["dossier", "--help"]).stdout.contains("  dossier open "))
        let bare = try Run.inclusio(["archive"])
        #expect(bare.status == 64 && bare.stdout.isEmpty && bare.stderr.contains("  archive show ") && bare.stderr.contains("  archive policy apply "))
        let typo = try Run.inclusio(["archive", "shwo", "--pupil", "P-1"])
        #expect(typo.status == 64 && typo.stderr.contains("Error: Unknown command 'archive shwo'. Did you mean 'archive show'?"), "\(typo.stderr)")
        let version = try Run.inclusio(["--version"])
        #expect(version.status == 0 && version.stdout.hasPrefix("inclusio ") && version.stdout.split(separator: ".").count == 3, "\(version.stdout)")
    }

    /// `inclusio` copied to a folder with `Schemas/` but no `Rules/`: `due` names `Rules/`.
    @Test func aMissingRulesFolderIsNamed() throws {
        let folder = try Run.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let binary = folder.appendingPathComponent("inclusio")
        try FileManager.default.copyItem(at: Run.inclusio, to: binary)
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("Schemas"), withDestinationURL: Run.project.appendingPathComponent("Schemas"))
        let run = try Run.program(binary.path, ["due", "--as", "office", "--key", "office.key", "--purpose", "deadlines"], in: folder)
        #expect(run.status == 78)
        #expect(run.stderr.hasPrefix("Error: no Rules/ folder found") && run.stderr.contains("--rules DIR"), "\(run.stderr)")
    }
}
