import Foundation
import TestSupport
import Testing

/// `archive migrate`, `backup` and `restore` as a clerk runs them.
@Suite struct ArchiveMigrateCommandTests {
    @Test func aFormat1ArchiveIsCheckedMigratedAndCheckedAgain() throws {
        let folder = try Run.temporaryFolder()
        let path = folder.appendingPathComponent("archive").path
        #expect(try Run.program("cp", ["-R", Run.project.appendingPathComponent("Tests/Fixtures/archive-format-1/archive").path, path]).status == 0)
        let admin = folder.appendingPathComponent("admin.pass"), clerk = folder.appendingPathComponent("clerk.pass")
        try Data("admin passphrase of the format-1 fixture".utf8).write(to: admin)
        try Data("clerk passphrase of the format-1 fixture".utf8).write(to: clerk)
        let asClerk = ["--path", path, "--as", "clerk", "--passphrase-file", clerk.path]

        #expect(try Run.inclusio(["archive", "check", "--path", path]).status == 0)
        let refused = try Run.inclusio(["archive", "list", "--purpose", "review"] + asClerk)
        #expect(refused.status == 78 && refused.stderr.contains("inclusio archive migrate --path"), "\(refused.stderr)")
        let notAdmin = try Run.inclusio(["archive", "migrate"] + asClerk)
        #expect(notAdmin.status == 77, "\(notAdmin.stderr)")

        let migrated = try Run.inclusio(["archive", "migrate", "--path", path, "--as", "admin", "--passphrase-file", admin.path])
        #expect(migrated.status == 0 && migrated.stdout.contains("migrated from format 1 to 2 (keys by scope)"), "\(migrated.stdout)\(migrated.stderr)")
        #expect(try Run.inclusio(["archive", "check", "--path", path]).status == 0)
        let verify = try Run.inclusio(["audit", "verify", "--path", path, "--as", "admin", "--passphrase-file", admin.path])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        // A document taken out after the migration is, for cmp, the record it was filed from.
        let shown = try Run.inclusio(["archive", "show", "--pupil", "RSSLCU20B17X000S", "--purpose", "review", "--json"] + asClerk)
        let file = try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any]
        let documents = ((file?["result"] as? [String: Any])?["documents"] as? [[String: Any]]) ?? []
        let iep = try #require(documents.first { $0["kind"] as? String == "iep" }?["id"] as? String)
        let copy = folder.appendingPathComponent("iep.xml").path
        #expect(try Run.inclusio(["archive", "get", iep, "-o", copy, "--purpose", "review"] + asClerk).status == 0)
        #expect(try Run.program("cmp", [copy, Run.project.appendingPathComponent("Tests/Fixtures/records/IT-MO-iep.xml").path]).status == 0)
    }
}
