import Archive
import Foundation
import Testing
import TestSupport

/// Filing is bound by scope like reading: a record that names a pupil filed at another school
/// cannot move that pupil into the operator's school (the newest record sets the school) and so
/// open their file.
@Suite struct ArchiveIngestScopeTests {
    @Test func aRecordForAPupilOfAnotherSchoolIsRefusedAndMovesNothing() throws {
        let test = try TestArchive()
        let filed = try test.ingest("IT-MO-certificate-rinnovo.xml")   // school MOIC80100R, by the office
        let original = try String(contentsOf: TestArchive.records.appendingPathComponent("IT-MO-certificate-rinnovo.xml"), encoding: .utf8)
        // The same pupil, re-issued later for school A (MOIC80000X), where head-mo-1 may file.
        let forged = original.replacingOccurrences(of: "<code>MOIC80100R</code>", with: "<code>MOIC80000X</code>")
            .replacingOccurrences(of: "<issuedDate>2023-12-12</issuedDate>", with: "<issuedDate>2030-01-01</issuedDate>")
        #expect(forged != original)
        let head = try test.session("head-mo-1")
        let error = #expect(throws: ArchiveError.self) {
            _ = try head.ingest(.record(Data(forged.utf8)), file: "forged.xml", title: "forged.xml", pupil: nil, dossier: nil)
        }
        guard case .withheld("head-mo-1", .ingest, _) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(!(error?.description.contains(filed[0].pupil) ?? true))
        // The pupil stays at school B: school A's head still cannot open the file.
        let read = #expect(throws: ArchiveError.self) { try test.session("head-mo-1").file(of: filed[0].pupil) }
        guard case .withheld = read else { Issue.record("got \(String(describing: read))"); return }
        let denied = try test.logEntries().filter { $0["operatorId"] as? String == "head-mo-1" && $0["action"] as? String == "ingest" }
        #expect(denied.map { $0["outcome"] as? String } == ["denied"] && denied.first?["pupil"] == nil)
    }
}
