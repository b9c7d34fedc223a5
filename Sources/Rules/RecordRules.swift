import Support
import XML

/// What `generate` and `validate` require of a record beyond its schema: the binding rules of
/// its jurisdiction's `record` check (`Rules/<jurisdiction>/rules.xml`) and dates that can be.
///
/// Built once per command from the rule books and date bounds of every jurisdiction; read-only,
/// so one value serves all threads.
public struct RecordRules: Sendable {
    public let books: [String: RuleBook]
    public let dates: [String: RecordDates]

    public init(books: [String: RuleBook], dates: [String: RecordDates]) {
        self.books = books
        self.dates = dates
    }

    /// Every problem of `record` (schema-valid), with line and field path; empty when none.
    public func problems(in record: FactNode) -> [Diagnostic] {
        let jurisdiction = record.attributes["jurisdiction"] ?? ""
        return (dates[jurisdiction]?.problems(in: record) ?? []) + (books[jurisdiction]?.violations(of: record) ?? [])
    }

    /// The problems of a parsed, schema-valid record.
    public func problems(in tree: XMLTree) -> [Diagnostic] {
        let root = FactNode(tree.rootElement())
        return withExtendedLifetime(root) { problems(in: root) }
    }
}
