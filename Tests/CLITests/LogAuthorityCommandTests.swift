import Foundation
import TestSupport
import Testing

/// `archive migrate` gives an archive made before the log had its own key that key, as a clerk
/// runs it; `audit checkpoint` shows the key it publishes.
@Suite struct LogAuthorityCommandTests {
    @Test func migrateMovesTheFixtureToTheLogsOwnKeyOnce() throws {
        let folder = try Run.temporaryFolder()
        let path = folder.appendingPathComponent("archive").path
        try FileManager.default.copyItem(at: Run.project.appendingPathComponent("Tests/Fixtures/archive-format-1/archive"), to: URL(fileURLWithPath: path))
        let pass = folder.appendingPathComponent("admin.pass")
        try Data("admin passphrase of the format-1 fixture\n".utf8).write(to: pass)
        let admin = ["--path", path, "--as", "admin", "--passphrase-file", pass.path]
        let before = try Run.inclusio(["audit", "checkpoint"] + admin)
        #expect(before.status == 78 && before.stderr.contains("inclusio archive migrate --path"), "\(before.status) \(before.stderr)")
        let wrong = folder.appendingPathComponent("wrong.pass")
        try Data("not the admin passphrase at all\n".utf8).write(to: wrong)
        #expect(try Run.inclusio(["archive", "migrate", "--path", path, "--as", "admin", "--passphrase-file", wrong.path]).status == 77)
        let migrated = try Run.inclusio(["archive", "migrate"] + admin)
        #expect(migrated.status == 0 && migrated.stdout.contains("migrated from format 1 to 2 (log authority, keys by scope)"), "\(migrated.stdout)\(migrated.stderr)")
        let again = try Run.inclusio(["archive", "migrate", "--json"] + admin)
        let result = (try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any])?["result"] as? [String: Any]
        #expect(again.status == 0 && (result?["steps"] as? [String])?.isEmpty == true, "\(again.stdout)")
        #expect(try Run.inclusio(["archive", "check", "--path", path]).status == 0)
        let checkpoint = try Run.inclusio(["audit", "checkpoint"] + admin)
        #expect(checkpoint.status == 0 && checkpoint.stderr.contains("The log's key (published with every checkpoint): inclusio.archive/"),
                "\(checkpoint.stdout)\(checkpoint.stderr)")
        #expect(try Run.inclusio(["audit", "verify"] + admin).status == 0)
    }
}
