import Foundation
import Rules
import XML

extension InclusioHome {
    /// The rules of `--rules`, or of the home's `Rules/`, with the schemas of `Schemas/rules/`.
    static func ruleLibrary(_ arguments: ParsedArguments) throws(CLIError) -> RuleLibrary {
        let folder = try self.folder(.rules, explicit: arguments.value(HomeOptions.rules))
        return RuleLibrary(directory: folder, schemas: try schemaCatalog("rules", arguments), jurisdictions: try jurisdictionCatalog())
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
