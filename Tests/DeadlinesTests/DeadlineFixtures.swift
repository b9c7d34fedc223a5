import Deadlines
import Foundation
import Testing
import TestSupport
import XML

/// The project's own rule files, read as `inclusio due` reads them.
enum DeadlineFixtures {
    static let project = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let rules = project.appendingPathComponent("Rules")
    static let schemas = project.appendingPathComponent("Schemas/rules")

    static func catalog(_ folder: URL = rules) throws -> DeadlineCatalog {
        try DeadlineCatalog(folder: folder, schemas: SchemaCatalog(directory: schemas), jurisdictions: ProjectJurisdictions.catalog())
    }

    static func day(_ text: String) -> CalendarDay { CalendarDay(text)! }
}

/// One boundary case of one rule: the documents a pupil has, the day asked about, what must come out,
/// and the paragraph of the seed it checks (the rule must cite it).
struct DeadlineCase: CustomTestStringConvertible, Sendable {
    let jurisdiction: String
    let rule: String
    let cites: String
    let documents: [String]
    let on: String
    var within = 30
    let status: DueStatus?
    var date: String? = nil
    /// For a flag rule: what the latest placement (the last of `documents`) says.
    var flags: Set<DeadlineRule.Flag> = []

    var testDescription: String { "\(rule) (\(cites)) on \(on) with [\(documents.joined(separator: ", "))]" }
}
