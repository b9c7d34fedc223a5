import Foundation
import TestSupport
import Testing

/// `inclusio due --json` over the fixture records: who a deadline applies to, judged from the facts
/// the archive's index keeps for each record (``versions.facts``), each at its boundary and citing
/// its paragraph; and an index made before those facts, filled by the first `due`.
@Suite struct DueScopeCommandTests {
    /// The report of `due --on day --json` as the office.
    private func report(_ office: [String], on day: String) throws -> [String: Any] {
        let run = try Run.inclusio(["due", "--on", day, "--json", "--purpose", "deadlines"] + office)
        #expect(run.status == 0, "\(run.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        return try #require(document["result"] as? [String: Any])
    }

    private func findings(_ report: [String: Any], rule: String) -> [[String: Any]] {
        (report["findings"] as? [[String: Any]] ?? []).filter { $0["rule"] as? String == rule }
    }

    // 002 II 2 年間計画 1月 下旬 and 002 §2: the entry notice goes to next April's entrants (就学, entry date in the
    // coming school year), not to a transfer (転学) nor a postponed attendance (猶予), nor to pupils who entered before.
    @Test func entryNoticeOnlyForTheComingYearsEntrants() throws {
        let (folder, office, _) = try DueCommandTests().archive()
        defer { try? FileManager.default.removeItem(at: folder) }
        // 15 January 2026: the fixtures' two 就学 placements enter on 2026-04-06 and 2026-04-08; the transfer pupil
        // shares the special school with one of them, the pupil whose attendance is postponed has no school.
        let before = try report(office, on: "2026-01-15")
        let notices = findings(before, rule: "JP-ENTRY-NOTICE")
        #expect(notices.count == 2, "\(notices)")
        #expect(notices.allSatisfy { $0["status"] as? String == "due" && $0["date"] as? String == "2026-01-31" })
        #expect(Set(notices.compactMap { $0["school"] as? String }) == ["B111200000001", "埼玉県立見本特別支援学校"])
        let special = (before["schools"] as? [[String: Any]] ?? []).first { $0["school"] as? String == "埼玉県立見本特別支援学校" }
        #expect(special?["pupils"] as? Int == 2)
        #expect((before["unjudged"] as? [Any])?.isEmpty == true, "every JP pupil has a placement: none is left unjudged")
        // The pupils entered in April 2026: in January 2027 and years later no notice is theirs.
        for day in ["2027-01-25", "2029-01-25"] {
            let after = try report(office, on: day)
            #expect(findings(after, rule: "JP-ENTRY-NOTICE").isEmpty, "\(day)")
            #expect((after["unjudged"] as? [Any])?.isEmpty == true)
        }
    }

    // 003 Art.3 A.1 e: the revoca of 2026-05-20 takes effect on 2026-08-31; the day before, the pupil's deadlines run.
    @Test(arguments: [("2026-08-30", true), ("2026-08-31", false), ("2027-01-10", false)])
    func aRevokedPupilsDeadlinesStopOnTheEffectiveDate(day: String, stillDue: Bool) throws {
        let (folder, office, _) = try DueCommandTests().archive()
        defer { try? FileManager.default.removeItem(at: folder) }
        let found = (try report(office, on: day)["findings"] as? [[String: Any]] ?? []).filter { $0["school"] as? String == "MOIC80100R" }
        #expect(!found.isEmpty == stillDue, "\(found)")
        if stillDue { #expect(found.contains { $0["rule"] as? String == "IT-PEI-REVIEW" && $0["status"] as? String == "overdue" }) }
    }

    // 002 I: 本人・保護者の意見を最大限尊重 — the placement of 2026-01-27 records the wishes as not respected.
    @Test func aPlacementAgainstTheGuardiansWishIsOnTheDueList() throws {
        let (folder, office, _) = try DueCommandTests().archive()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(findings(try report(office, on: "2026-01-26"), rule: "JP-WISH-NOT-FOLLOWED").isEmpty, "not before the placement's date")
        let report = try report(office, on: "2026-02-01")
        let flags = findings(report, rule: "JP-WISH-NOT-FOLLOWED")
        #expect(flags.count == 1)
        #expect(flags.first?["status"] as? String == "flagged" && flags.first?["date"] as? String == "2026-01-27")
        #expect(flags.first?["school"] as? String == "埼玉県立見本特別支援学校")
        // Every fixture placement records the guardian as heard.
        #expect(findings(report, rule: "JP-GUARDIAN-NOT-HEARD").isEmpty)
        let rule = (report["rules"] as? [[String: Any]] ?? []).first { $0["id"] as? String == "JP-WISH-NOT-FOLLOWED" }
        let citations = rule?["citations"] as? [[String: Any]] ?? []
        #expect(citations.contains { $0["source"] as? String == "002" && $0["paragraph"] as? String == "I 趣旨"
            && ($0["quote"] as? String ?? "").contains("本人・保護者の意見を最大限尊重") })
        let table = try Run.inclusio(["due", "--on", "2026-02-01", "--purpose", "deadlines"] + office)
        #expect(table.stdout.contains("JP-WISH-NOT-FOLLOWED") && table.stdout.contains("flagged") && table.stdout.contains("002 I 趣旨"))
    }

    /// An index made before versions kept their facts (no column), and versions an earlier Inclusio filed
    /// (column NULL): the first `due` reads them once, and judges as if they had been filed now.
    @Test(arguments: ["ALTER TABLE versions DROP COLUMN facts", "UPDATE versions SET facts = NULL"])
    func anIndexWithoutTheFactsIsFilledByTheFirstDue(change: String) throws {
        let (folder, office, _) = try DueCommandTests().archive()
        defer { try? FileManager.default.removeItem(at: folder) }
        let index = folder.appendingPathComponent("archive/index.sqlite").path
        let recorded = "SELECT d.kind, v.issued, v.facts FROM versions v JOIN documents d ON d.id = v.document ORDER BY v.document, v.version"
        let filed = try Run.program("sqlite3", [index, recorded]).stdout
        #expect(filed.contains("certificate|2026-05-20|certificate revoked=2026-08-31"))
        #expect(try Run.program("sqlite3", [index, change]).status == 0)
        let left = try Run.program("sqlite3", [index, "SELECT COUNT(*) FROM versions WHERE facts IS NOT NULL"])
        // A dropped column cannot be counted; a reset one holds no facts.
        if change.hasPrefix("ALTER") {
            #expect(left.status != 0, "the column is gone before due runs")
        } else {
            #expect(left.status == 0 && left.stdout == "0\n", "no facts are left before due runs")
        }
        let report = try report(office, on: "2026-02-01")
        #expect(findings(report, rule: "JP-WISH-NOT-FOLLOWED").count == 1)
        #expect(try Run.program("sqlite3", [index, recorded]).stdout == filed)
        // 003 Art.3 A.1 e, read back from the decrypted revoca.
        #expect(!(try self.report(office, on: "2026-08-31")["findings"] as? [[String: Any]] ?? []).contains { $0["school"] as? String == "MOIC80100R" })
    }
}
