import Foundation
import Rules
import TestSupport
import XML

/// The project's own rule files and small records built for one rule at a time.
enum RuleFixtures {
    static let schemas = try! SchemaCatalog(directory: Run.project.appendingPathComponent("Schemas/rules"))
    static let library = RuleLibrary(directory: Run.project.appendingPathComponent("Rules"), schemas: schemas, jurisdictions: try! ProjectJurisdictions.catalog())

    static func book(_ jurisdiction: String) throws -> RuleBook { try library.book(for: jurisdiction) }

    /// A rule file from text, read as `inclusio` reads one.
    static func book(text: String) throws(RuleError) -> RuleBook {
        try RuleBook.read(Data(text.utf8), file: "test-rules.xml", schemas: schemas, listSeparator: "、")
    }

    static func node(_ xml: String) throws -> FactNode {
        FactNode(try XMLTree(data: Data(xml.utf8), file: "test.xml").rootElement())
    }

    /// The ids of the rules that fired.
    static func fired(_ book: RuleBook, _ check: String, _ xml: String) throws -> [String] {
        let root = try node(xml)
        return try book.findings(check: check, on: root).map(\.rule)
    }

    /// A CN school with classes of `year` 1 holding pupils of the given categories.
    static func cnSchool(classes: [[String]], resourceRoom: Bool = false, funds: String? = "950") -> String {
        var pupil = 0
        let body = classes.enumerated().map { index, categories in
            "<class id=\"1-\(index + 1)\" year=\"1\">" + categories.map { category in
                pupil += 1
                return "<pupil ref=\"S-\(pupil)\" category=\"\(category)\"/>"
            }.joined() + "</class>"
        }.joined()
        return "<school xmlns=\"urn:inclusio:school-classes:1\" jurisdiction=\"CN-FJ\" code=\"1\" name=\"S\" resourceRoom=\"\(resourceRoom)\""
            + (funds.map { " ordinaryPerPupilFunds=\"\($0)\"" } ?? "") + ">\(body)</school>"
    }

    /// A CN placement record (only the fields the rules read).
    static func cnPlacement(conclusion: String = "适宜随班就读", type: String = "初次认定", application: String? = nil,
                            previous: String? = nil, form: String = "随班就读（就近入学）", level: String = "小学") -> String {
        """
        <placement xmlns="urn:inclusio:placement:1" id="T-1" version="1" jurisdiction="CN-FJ">
          <school><level>\(level)</level></school>
          <cn>\(application.map { "<applicationDate>\($0)</applicationDate>" } ?? "")
            <disability><category>听力残疾</category></disability>
            <expertAssessment><assessmentType>\(type)</assessmentType><assessmentDate>2026-10-01</assessmentDate>
              \(previous.map { "<previousAssessmentDate>\($0)</previousAssessmentDate>" } ?? "")
              <conclusion>\(conclusion)</conclusion></expertAssessment>
            <placementForm>\(form)</placementForm>
          </cn>
        </placement>
        """
    }

    /// A JP placement record with the given types and degrees (only the fields the rules read).
    static func jpPlacement(types: [String], degrees: [String], exemption: Bool = false, guardianHeard: Bool = true) -> String {
        """
        <placement xmlns="urn:inclusio:placement:1" id="T-2" version="1" jurisdiction="JP-11"><jp>
        \(types.map { "<disabilityType>\($0)</disabilityType>" }.joined())
        \(degrees.map { "<disabilityDegree>\($0)</disabilityDegree>" }.joined())
        \(exemption ? "<exemption><measure>就学義務の猶予</measure><guardianRequestDate>2025-12-01</guardianRequestDate><reason>療養</reason></exemption>" : "")
        <consultation><guardianHeard>\(guardianHeard)</guardianHeard><expertsHeard>true</expertsHeard><wishesRespected>true</wishesRespected><consensusReached>true</consensusReached></consultation>
        </jp></placement>
        """
    }
}
