import Foundation
import TestSupport
import Testing

/// The index records the log's size and head at every change, so `archive check`, without any
/// key, finds a log folder put back from an older copy.
@Suite struct LogRollbackCommandTests {
    @Test func aLogFolderRolledBackBehindTheIndexIsNamedWithoutKeys() throws {
        let folder = try Run.temporaryFolder()
        let pki = try TestPKI.folder()
        let pass = folder.appendingPathComponent("admin.pass")
        try Data("correct horse battery staple\n".utf8).write(to: pass)
        let path = folder.appendingPathComponent("archive").path
        #expect(try Run.inclusio(["archive", "init", "--path", path, "--admin-passphrase-file", pass.path]).status == 0)
        #expect(try Run.inclusio(["archive", "enrol", "office", "--cert", pki.appendingPathComponent("office.pem").path,
                                  "--path", path, "--as", "admin", "--passphrase-file", pass.path]).status == 0)
        let office = ["--path", path, "--as", "office", "--key", pki.appendingPathComponent("office.key").path]
        #expect(try Run.inclusio(["archive", "ingest", "Tests/Fixtures/records/CN-FJ-iep.xml", "--purpose", "filing"] + office).status == 0)
        let log = URL(fileURLWithPath: path).appendingPathComponent("log")
        let saved = folder.appendingPathComponent("saved-log")
        try FileManager.default.copyItem(at: log, to: saved)

        // An ingest and an export, then yesterday's log folder put back.
        let ingest = try Run.inclusio(["archive", "ingest", "Tests/Fixtures/records/IT-MO-iep.xml", "--purpose", "filing", "--json"] + office)
        let filed = ((try JSONSerialization.jsonObject(with: Data(ingest.stdout.utf8)) as? [String: Any])?["result"] as? [String: Any])?["filed"] as? [[String: Any]]
        let document = try #require(filed?.first?["document"] as? String)
        #expect(try Run.inclusio(["archive", "get", document, "-o", folder.appendingPathComponent("copy.xml").path, "--purpose", "annual-review"] + office).status == 0)
        #expect(try Run.inclusio(["archive", "check", "--path", path]).status == 0)
        try FileManager.default.removeItem(at: log)
        try FileManager.default.copyItem(at: saved, to: log)

        let check = try Run.inclusio(["archive", "check", "--path", path])
        #expect(check.status == 65 && check.stderr.contains("the log folder was rolled back behind the index"), "\(check.status) \(check.stdout)\(check.stderr)")
        // Work goes on over the old copy: the log is longer again, but its first entries are not those the index recorded.
        for _ in 0..<6 { #expect(try Run.inclusio(["archive", "list", "--purpose", "annual-review"] + office).status == 0) }
        let later = try Run.inclusio(["archive", "check", "--path", path])
        #expect(later.status == 65 && later.stderr.contains("are not those the archive's index recorded"), "\(later.status) \(later.stderr)")
    }
}
