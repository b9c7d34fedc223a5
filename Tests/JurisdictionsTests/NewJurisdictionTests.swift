import Foundation
import Testing
import TestSupport

/// A fourth jurisdiction is data: the project's data folders are copied, IT-MO's folders copied
/// under the code IT-XX and edited (its code, and the order it writes names in), the code added
/// to the schemas' enumerations, and the built `inclusio` generates, validates, prints and checks
/// an IT-XX case with no Swift change (docs/adding-a-jurisdiction.md, steps 1–5).
@Suite struct NewJurisdictionTests {
    /// A copy of the project's data folders with IT-XX added as the guide says.
    static func homeWithNewJurisdiction() throws -> URL {
        let home = try Run.temporaryFolder()
        let files = FileManager.default
        for folder in ["Schemas", "Forms", "Rules", "Jurisdictions"] {
            try files.copyItem(at: Run.project.appendingPathComponent(folder), to: home.appendingPathComponent(folder))
        }
        // 1. The code, in the one Jurisdiction type, and in the kinds that IT-MO's records may be.
        try edit(home, "Schemas/jurisdiction-codes.xsd", "<xs:enumeration value=\"IT-MO\">", "<xs:enumeration value=\"IT-XX\"/>\n      <xs:enumeration value=\"IT-MO\">")
        for kind in try files.contentsOfDirectory(atPath: home.appendingPathComponent("Schemas").path) where kind.hasSuffix(".xsd") {
            try edit(home, "Schemas/\(kind)", "<xs:enumeration value=\"IT-MO\"/>", "<xs:enumeration value=\"IT-MO\"/>\n            <xs:enumeration value=\"IT-XX\"/>", required: false)
        }
        // 2–4. The jurisdiction's folders, copied and given the new code.
        for folder in ["Jurisdictions", "Forms", "Rules"] {
            try files.copyItem(at: home.appendingPathComponent("\(folder)/IT-MO"), to: home.appendingPathComponent("\(folder)/IT-XX"))
        }
        try edit(home, "Jurisdictions/IT-XX/jurisdiction.xml", "code=\"IT-MO\"", "code=\"IT-XX\"")
        try edit(home, "Jurisdictions/IT-XX/jurisdiction.xml", "nameOrder=\"family-first\"", "nameOrder=\"given-first\"")
        for file in ["rules.xml", "deadlines.xml", "transfer.xml"] {
            try edit(home, "Rules/IT-XX/\(file)", "jurisdiction=\"IT-MO\"", "jurisdiction=\"IT-XX\"")
        }
        return home
    }

    /// Replaces `old` by `new` in `home/path`; `old` must be there unless `required` is false.
    static func edit(_ home: URL, _ path: String, _ old: String, _ new: String, required: Bool = true) throws {
        let url = home.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        if required { #expect(text.contains(old), "\(path) has \(old)") }
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
    }

    /// `inclusio arguments…` with `home` as INCLUSIO_HOME, run in `home`.
    static func inclusio(_ home: URL, _ arguments: [String]) throws -> Run {
        try Run.program("env", ["INCLUSIO_HOME=\(home.path)", Run.inclusio.path] + arguments, in: home)
    }

    @Test func aCopiedJurisdictionGeneratesValidatesPrintsAndIsCheckedWithNoSwiftChange() throws {
        let home = try Self.homeWithNewJurisdiction()
        defer { try? FileManager.default.removeItem(at: home) }
        let sample = try String(contentsOf: Run.project.appendingPathComponent("Samples/cases/IT-MO/case-01.json"), encoding: .utf8)
        #expect(sample.contains("\"jurisdiction\": \"IT-MO\""))
        try FileManager.default.createDirectory(at: home.appendingPathComponent("cases"), withIntermediateDirectories: true)
        try Data(sample.replacingOccurrences(of: "\"jurisdiction\": \"IT-MO\"", with: "\"jurisdiction\": \"IT-XX\"").utf8)
            .write(to: home.appendingPathComponent("cases/case-01.json"))

        let generated = try Self.inclusio(home, ["generate", "cases", "-o", "records"])
        #expect(generated.status == 0, "\(generated.stdout)\(generated.stderr)")
        let records = Run.files(in: home.appendingPathComponent("records")).filter { $0.hasSuffix(".xml") }
        #expect(records.count >= 3, "\(records)")
        for record in records {
            let text = try String(contentsOf: home.appendingPathComponent("records/\(record)"), encoding: .utf8)
            #expect(text.contains("jurisdiction=\"IT-XX\""), "\(record)")
        }
        let validated = try Self.inclusio(home, ["validate", "records"])
        #expect(validated.status == 0, "\(validated.stdout)\(validated.stderr)")

        // Printed through Forms/IT-XX/, in the manifest's language and name order.
        let rendered = try Self.inclusio(home, ["render", "records", "-o", "pdf"])
        #expect(rendered.status == 0, "\(rendered.stdout)\(rendered.stderr)")
        let iep = try #require(Run.files(in: home.appendingPathComponent("pdf")).first { $0.hasPrefix("iep-") })
        let text = try Run.program("pdftotext", ["-layout", home.appendingPathComponent("pdf/\(iep)").path, "-"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("Luca Rossi"), "given-first, as the IT-XX manifest says")
        #expect(!text.stdout.contains("Rossi Luca"))
        #expect(text.stdout.contains("Piano Educativo Individualizzato"), "IT-MO's words, copied")

        // Checked by Rules/IT-XX/rules.xml: the staff request card, values joined by the manifest's separator.
        let card = try Self.inclusio(home, ["allocation", "staff-request", "records", "--school", "MOIC80000X", "--json"])
        #expect(card.status == 0, "\(card.stderr)")
        #expect(card.stdout.contains("Rules/IT-XX/rules.xml"), "\(card.stdout.prefix(400))")
        #expect(card.stdout.contains("it-card-pupil"))
    }

    @Test func aJurisdictionWithoutAManifestIsNamedNotGuessed() throws {
        let home = try Self.homeWithNewJurisdiction()
        defer { try? FileManager.default.removeItem(at: home) }
        try FileManager.default.removeItem(at: home.appendingPathComponent("Jurisdictions/IT-XX"))
        let record = try String(contentsOf: Run.project.appendingPathComponent("Tests/Fixtures/records/IT-MO-iep.xml"), encoding: .utf8)
        try Data(record.replacingOccurrences(of: "jurisdiction=\"IT-MO\"", with: "jurisdiction=\"IT-XX\"").utf8).write(to: home.appendingPathComponent("iep.xml"))
        let run = try Self.inclusio(home, ["render", "iep.xml", "-o", "pdf"])
        #expect(run.status == 78, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("The jurisdiction IT-XX is not declared (looked for Jurisdictions/IT-XX/jurisdiction.xml)"), "\(run.stderr)")
    }
}
