import Foundation
import Jurisdictions
import Support
import XML

/// The rules folder (`Rules/` by default): one `<jurisdiction>/rules.xml` per jurisdiction,
/// checked against the schemas of `Schemas/rules/` each time it is read, so an edited file
/// takes effect at the next command.
public struct RuleLibrary: Sendable {
    public let directory: URL
    /// The catalog of `Schemas/rules/` (rules.xsd, school-classes.xsd).
    public let schemas: SchemaCatalog
    /// The declared jurisdictions, whose manifests give each book its list separator.
    public let jurisdictions: JurisdictionCatalog

    public init(directory: URL, schemas: SchemaCatalog, jurisdictions: JurisdictionCatalog) {
        self.directory = directory
        self.schemas = schemas
        self.jurisdictions = jurisdictions
    }

    /// Where the rules of `jurisdiction` are (`nil` for a code that is not a jurisdiction code).
    public func file(for jurisdiction: String) -> URL? {
        guard jurisdiction.wholeMatch(of: /[A-Z]{2}-[A-Z0-9]{1,3}/) != nil else { return nil }
        return directory.appendingPathComponent(jurisdiction, isDirectory: true).appendingPathComponent("rules.xml")
    }

    /// Reads and checks the rules of `jurisdiction`.
    /// - Throws: ``RuleError/noRules(jurisdiction:file:)``, ``RuleError/brokenRules(file:problems:)``,
    ///   ``RuleError/undeclared(_:)``.
    public func book(for jurisdiction: String) throws(RuleError) -> RuleBook {
        let shown = directory.appendingPathComponent(jurisdiction).appendingPathComponent("rules.xml").path
        guard let url = file(for: jurisdiction), FileManager.default.fileExists(atPath: url.path) else {
            throw .noRules(jurisdiction: jurisdiction, file: shown)
        }
        let data: Data
        do { data = try XMLTree.read(url, file: url.path) } catch { throw .brokenRules(file: url.path, problems: [
            Diagnostic(line: 0, field: "", message: error.reason)]) }
        let declared: Jurisdiction
        do { declared = try jurisdictions.jurisdiction(jurisdiction) } catch { throw .undeclared(error) }
        return try RuleBook.read(data, file: url.path, schemas: schemas, listSeparator: declared.listSeparator)
    }
}
