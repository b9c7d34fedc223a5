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
        #expect(migrated.status == 0 && migrated.stdout.contains("migrated from format 1 to 2 (log authority, keys by scope)"), "\(migrated.stdout)\(migrated.stderr)")
        #expect(try Run.inclusio(["archive", "check", "--path", path]).status == 0)
        // Its log holds free-text purposes; from now on the policy must list coded ones.
        let purposes = Run.project.appendingPathComponent("Tests/Fixtures/archive-format-1/policy-with-purposes.xml").path
        #expect(try Run.inclusio(["archive", "policy", "apply", purposes, "--path", path, "--as", "admin", "--passphrase-file", admin.path]).status == 0)
        let verify = try Run.inclusio(["audit", "verify", "--path", path, "--as", "admin", "--passphrase-file", admin.path])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        // A document taken out after the migration is, for cmp, the record it was filed from.
        let shown = try Run.inclusio(["archive", "show", "--pupil", "RSSLCU20B17X000S", "--purpose", "annual-review", "--json"] + asClerk)
        let file = try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any]
        let documents = ((file?["result"] as? [String: Any])?["documents"] as? [[String: Any]]) ?? []
        let iep = try #require(documents.first { $0["kind"] as? String == "iep" }?["id"] as? String)
        let copy = folder.appendingPathComponent("iep.xml").path
        #expect(try Run.inclusio(["archive", "get", iep, "-o", copy, "--purpose", "annual-review"] + asClerk).status == 0)
        #expect(try Run.program("cmp", [copy, Run.project.appendingPathComponent("Tests/Fixtures/records/IT-MO-iep.xml").path]).status == 0)
    }

    @Test func aServedArchivesBackupRestoresWithoutThePupilShreddedSince() throws {
        let folder = try Run.temporaryFolder()
        let pki = try TestPKI.folder()
        let passes = ["admin": "correct horse battery staple", "custodian": "the custodians' long passphrase", "records": "a records officer's passphrase"]
        for (name, text) in passes { try Data((text + "\n").utf8).write(to: folder.appendingPathComponent("\(name).pass")) }
        let sample = try String(contentsOf: Run.project.appendingPathComponent("Archive/policy.sample.xml"), encoding: .utf8)
        let policy = folder.appendingPathComponent("policy.xml")
        try sample.replacingOccurrences(of: #"years="10""#, with: #"years="0""#).replacingOccurrences(of: #"years="5""#, with: #"years="0""#)
            .write(to: policy, atomically: true, encoding: .utf8)
        let path = folder.appendingPathComponent("archive").path
        let custodian = ["--custodian-passphrase-file", folder.appendingPathComponent("custodian.pass").path]
        let admin = ["--path", path, "--as", "admin", "--passphrase-file", folder.appendingPathComponent("admin.pass").path] + custodian
        let office = ["--path", path, "--as", "office", "--key", pki.appendingPathComponent("office.key").path] + custodian
        #expect(try Run.inclusio(["archive", "init", "--path", path, "--policy", policy.path, "--custody", "service",
                                  "--admin-passphrase-file", folder.appendingPathComponent("admin.pass").path] + custodian).status == 0)
        #expect(try Run.inclusio(["archive", "enrol", "office", "--cert", pki.appendingPathComponent("office.pem").path] + admin).status == 0)
        #expect(try Run.inclusio(["archive", "enrol", "records", "--new-passphrase-file", folder.appendingPathComponent("records.pass").path] + admin).status == 0)
        #expect(try Run.inclusio(["archive", "ingest", "Tests/Fixtures/records/IT-MO-iep.xml", "Tests/Fixtures/records/CN-FJ-placement.xml",
                                  "--purpose", "filing"] + office).status == 0)

        let backup = folder.appendingPathComponent("backup").path
        let made = try Run.inclusio(["archive", "backup", "--to", backup, "--period", "2026-12", "--json"] + admin)
        #expect(made.status == 0 && made.stdout.contains("\"pupils\" : 2"), "\(made.stdout)\(made.stderr)")
        let badPeriod = try Run.inclusio(["archive", "backup", "--to", folder.appendingPathComponent("b2").path, "--period", "2026-13"] + admin)
        #expect(badPeriod.status == 64 && badPeriod.stderr.contains("--period is a month"), "\(badPeriod.stderr)")
        // The copy, opened as an archive, says what it is.
        let opened = try Run.inclusio(["archive", "list", "--purpose", "x", "--path", backup] + Array(office.dropFirst(2)))
        #expect(opened.status == 78 && opened.stderr.contains("is a backup copy"), "\(opened.stderr)")

        let shred = try Run.inclusio(["archive", "shred", "--pupil", "RSSLCU20B17X000S", "--purpose", "retention", "--path", path,
                                      "--as", "records", "--passphrase-file", folder.appendingPathComponent("records.pass").path] + custodian)
        #expect(shred.status == 0, "\(shred.stderr)")
        let restoredPath = folder.appendingPathComponent("restored").path
        let restored = try Run.inclusio(["archive", "restore", backup, "--to", restoredPath, "--json"] + admin)
        #expect(restored.status == 0 && restored.stdout.contains("\"restored\" : 1"), "\(restored.stdout)\(restored.stderr)")
        let inRestored = ["--path", restoredPath] + Array(office.dropFirst(2))
        let gone = try Run.inclusio(["archive", "show", "--pupil", "RSSLCU20B17X000S", "--purpose", "annual-review", "--json"] + inRestored)
        // Shredded there too: the national id's token is gone, so the id names no pupil (refused like one out of scope).
        #expect(gone.status == 77 && gone.stdout.contains("or not in the archive") && !gone.stdout.contains("Rossi"), "\(gone.status) \(gone.stdout)")
        let kept = try Run.inclusio(["archive", "search", "--national-id", "350000202003080022", "--purpose", "annual-review", "--json"] + inRestored)
        #expect(kept.status == 0 && kept.stdout.contains("\"pseudonym\""), "\(kept.stdout)\(kept.stderr)")
        #expect(try Run.inclusio(["archive", "check", "--path", restoredPath]).status == 0)
    }
}
