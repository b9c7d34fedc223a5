import Foundation
import TestSupport
import Testing

@Suite struct ValidateCommandTests {
    @Test func invalidRecordIsReportedWithLineAndPath() throws {
        let folder = try Run.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fixture = try String(contentsOf: Run.project.appendingPathComponent("Tests/Fixtures/records/JP-11-placement.xml"), encoding: .utf8)
        let broken = folder.appendingPathComponent("broken.xml")
        try fixture.replacingOccurrences(of: "version=\"1\"", with: "version=\"first\"").write(to: broken, atomically: true, encoding: .utf8)
        let lines = fixture.split(separator: "\n", omittingEmptySubsequences: false)
        let rootLine = try #require(lines.firstIndex { $0.hasPrefix("<placement ") }) + 1

        let run = try Run.inclusio(["validate", broken.path, "Tests/Fixtures/records/JP-11-placement.xml"])

        #expect(run.status == 65)
        #expect(run.stdout.contains("INVALID  \(broken.path)"))
        #expect(run.stdout.contains("valid    Tests/Fixtures/records/JP-11-placement.xml (placement)"))
        #expect(run.stderr.contains("line \(rootLine) placement/@version: must be a whole number greater than 0"), "\(run.stderr)")
        #expect(!run.stderr.contains("first"))
    }

    // seed 002 §3: a 自閉症者 pupil in a 弱視特別支援学級 fits the schema but breaks the JP-11 record rules.
    @Test func recordBreakingACrossFieldRuleIsInvalidWithItsFieldAndCitation() throws {
        let folder = try Run.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fixture = try String(contentsOf: Run.project.appendingPathComponent("Tests/Fixtures/records/JP-11-placement.xml"), encoding: .utf8)
        let broken = folder.appendingPathComponent("weak-sight.xml")
        try fixture.replacingOccurrences(of: "<placementKind>自閉症・情緒障害特別支援学級</placementKind>", with: "<placementKind>弱視特別支援学級</placementKind>")
            .write(to: broken, atomically: true, encoding: .utf8)

        let run = try Run.inclusio(["validate", broken.path])

        #expect(run.status == 65)
        #expect(run.stdout.contains("INVALID  \(broken.path)"))
        #expect(run.stderr.contains("fits its schema, but 1 field breaks a rule the schema cannot express"))
        #expect(run.stderr.contains("placement/jp/placementKind: 弱視特別支援学級 is for pupils recorded as 視覚障害者 (002 §3)"))
        #expect(run.stderr.contains("(seed 002 §3; rule jp-placement-type-visual-class)"))
    }

    @Test(arguments: ["hostile/xxe.xml", "hostile/billion-laughs.xml"])
    func hostileXMLGetsAClearErrorQuickly(fixture: String) throws {
        let started = Date()
        let run = try Run.inclusio(["validate", "Tests/Fixtures/" + fixture])
        #expect(Date().timeIntervalSince(started) < 1)
        #expect(run.status == 65)
        #expect(run.stderr.contains("declares a DTD (<!DOCTYPE …>)"))
        #expect(!run.stderr.contains("root:x:0"))
    }

    @Test func recordOfAnUnknownKindIsNamed() throws {
        let folder = try Run.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("other.xml")
        try "<note xmlns=\"urn:example:note\"/>".write(to: file, atomically: true, encoding: .utf8)
        let run = try Run.inclusio(["validate", file.path])
        #expect(run.status == 65)
        #expect(run.stderr.contains("has namespace urn:example:note, which no schema in Schemas/ declares"))
    }

    @Test func jsonOutputIsOneDocumentWithEveryProblem() throws {
        let folder = try Run.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fixture = try String(contentsOf: Run.project.appendingPathComponent("Tests/Fixtures/records/JP-11-placement.xml"), encoding: .utf8)
        try fixture.replacingOccurrences(of: "version=\"1\"", with: "version=\"0\"").write(to: folder.appendingPathComponent("a.xml"), atomically: true, encoding: .utf8)
        try fixture.write(to: folder.appendingPathComponent("b.xml"), atomically: true, encoding: .utf8)
        try "<!DOCTYPE x [<!ENTITY e \"e\">]><x/>".write(to: folder.appendingPathComponent("c.xml"), atomically: true, encoding: .utf8)

        let run = try Run.inclusio(["validate", folder.path, "--json"])

        #expect(run.status == 65)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "stdout must be one JSON document: \(run.stdout)")
        let problems = try #require((json["error"] as? [String: Any])?["problems"] as? [[String: Any]])
        #expect(problems.map { URL(fileURLWithPath: $0["file"] as? String ?? "").lastPathComponent } == ["a.xml", "c.xml"])
        #expect(problems.first?["field"] as? String == "placement/@version")
        #expect((problems.last?["message"] as? String)?.contains("declares a DTD") == true)
    }
}
