import Audit
import Foundation
import Jurisdictions
import Records
import XML
import Testing
import TestSupport

/// Every declared jurisdiction is complete: its manifest, a form for each kind its schemas allow it,
/// its rules, deadlines, transfer rules and report labels, each valid as `xmllint` judges it.
@Suite struct JurisdictionFolderTests {
    static let project = Run.project
    static let codes = ["CN-FJ", "JP-11", "IT-MO"]

    /// The codes of `Schemas/jurisdiction-codes.xsd`'s `Jurisdiction` enumeration.
    static func schemaCodes() throws -> [String] {
        let schema = try XMLTree(contentsOf: project.appendingPathComponent("Schemas/jurisdiction-codes.xsd"), file: "jurisdiction-codes.xsd")
        return schema.rootElement().children(named: "simpleType").flatMap { $0.children(named: "restriction") }
            .flatMap { $0.children(named: "enumeration") }.compactMap { $0.attribute("value") }
    }

    /// The record kinds whose root `jurisdiction` attribute accepts `code` (all codes when typed `Jurisdiction`).
    static func kinds(allowing code: String) throws -> [String] {
        let catalog = try SchemaCatalog(directory: project.appendingPathComponent("Schemas"))
        return try catalog.kinds.filter { kind in
            let schema = try XMLTree(contentsOf: project.appendingPathComponent("Schemas/\(kind).xsd"), file: kind).rootElement()
            let root = try #require(schema.children(named: "element").first?.children(named: "complexType").first)
            let attribute = try #require(root.children(named: "attribute").first { $0.attribute("name") == "jurisdiction" }, "\(kind)")
            if attribute.attribute("type") == "Jurisdiction" { return true }
            let values = attribute.children(named: "simpleType").flatMap { $0.children(named: "restriction") }
                .flatMap { $0.children(named: "enumeration") }.compactMap { $0.attribute("value") }
            return values.contains(code)
        }
    }

    static func xmllint(_ schema: String, _ file: String) throws -> Run {
        try Run.program("xmllint", ["--noout", "--schema", schema, file])
    }

    @Test func theSchemaAndTheFolderDeclareTheSameJurisdictions() throws {
        #expect(try Self.schemaCodes() == Self.codes)
        #expect(try ProjectJurisdictions.catalog().codes == Self.codes.sorted())
    }

    @Test(arguments: codes)
    func manifestIsValidAndAgreesWithTheFolder(code: String) throws {
        let run = try Self.xmllint("Schemas/jurisdictions/jurisdiction.xsd", "Jurisdictions/\(code)/jurisdiction.xml")
        #expect(run.status == 0, "\(run.stderr)")
        let jurisdiction = try ProjectJurisdictions.catalog().jurisdiction(code)
        #expect(jurisdiction.code == code && !jurisdiction.name.isEmpty && jurisdiction.name != code)
        #expect(["serif", "sans-serif", "monospace"].allSatisfy { jurisdiction.fontFamilies[$0]?.isEmpty == false })
        #expect(!jurisdiction.fallbackFonts.isEmpty)
    }

    @Test(arguments: codes)
    func everyKindTheSchemasAllowHasAForm(code: String) throws {
        let kinds = try Self.kinds(allowing: code)
        #expect(kinds.contains("iep"), "every jurisdiction has IEPs: \(kinds)")
        let forms = ["common", "labels", "access-report", "due-dates", "handover-register"] + kinds
        for form in forms {
            #expect(FileManager.default.fileExists(atPath: Self.project.appendingPathComponent("Forms/\(code)/\(form).xsl").path),
                    "Forms/\(code)/\(form).xsl")
        }
    }

    @Test(arguments: codes)
    func rulesDeadlinesAndTransferRulesAreValid(code: String) throws {
        for (schema, file) in [("rules/rules.xsd", "rules.xml"), ("rules/deadlines.xsd", "deadlines.xml"), ("transfer/required-set.xsd", "transfer.xml")] {
            let run = try Self.xmllint("Schemas/\(schema)", "Rules/\(code)/\(file)")
            #expect(run.status == 0, "Rules/\(code)/\(file): \(run.stderr)")
            let root = try XMLTree(contentsOf: Self.project.appendingPathComponent("Rules/\(code)/\(file)"), file: file).rootElement()
            #expect(root.attribute("jurisdiction") == code, "Rules/\(code)/\(file) is for \(root.attribute("jurisdiction") ?? "-")")
        }
    }

    @Test(arguments: codes)
    func reportLabelsNameEveryColumnAndTakeLanguageAndZoneFromTheManifest(code: String) throws {
        let data = try Data(contentsOf: Self.project.appendingPathComponent("Forms/\(code)/audit-labels.json"))
        let words = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(words["language"] == nil && words["timeZone"] == nil, "declared once, in the manifest")
        let jurisdiction = try ProjectJurisdictions.catalog().jurisdiction(code)
        let labels = try ReportLabels.load(jurisdiction, forms: Self.project.appendingPathComponent("Forms"))
        #expect(labels.language == jurisdiction.language && labels.zone == jurisdiction.timeZone)
        #expect(AccessReport.columnKeys.allSatisfy { labels.columns[$0] != nil })
    }
}
