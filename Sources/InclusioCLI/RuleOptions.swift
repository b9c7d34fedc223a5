import Foundation
import Rules
import XML

extension CommandSpec {
    static let rules = Option(names: ["--rules"], value: "dir", help: "Folder of rule files, <jurisdiction>/rules.xml (default: Rules/ of the Inclusio home).")
}

extension InclusioHome {
    /// The rules of `--rules`, or of the home's `Rules/`, with the schemas of `Schemas/rules/`.
    static func ruleLibrary(_ arguments: ParsedArguments) throws(CLIError) -> RuleLibrary {
        let folder: URL
        do { folder = try self.folder("Rules", explicit: arguments.value(CommandSpec.rules)) } catch {
            if case let .missingSchemas(searched) = error { throw .missingRules(searched: searched) }
            throw error
        }
        let schemas = try self.folder("Schemas", explicit: arguments.value(CommandSpec.schemas)).appendingPathComponent("rules", isDirectory: true)
        let jurisdictions = try jurisdictionCatalog()
        do { return RuleLibrary(directory: folder, schemas: try SchemaCatalog(directory: schemas), jurisdictions: jurisdictions) } catch { throw .failed(error) }
    }
}

/// The rule books of the jurisdictions a command meets, each read once per command.
final class RuleBooks {
    private let library: RuleLibrary
    private var books: [String: RuleBook] = [:]

    init(_ library: RuleLibrary) { self.library = library }

    func book(for jurisdiction: String) throws(CLIError) -> RuleBook {
        if let book = books[jurisdiction] { return book }
        do {
            let book = try library.book(for: jurisdiction)
            books[jurisdiction] = book
            return book
        } catch { throw .failed(error) }
    }
}
