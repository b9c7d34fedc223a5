/// One pupil's file checked against the required set of their school level: what was found for
/// each kind that travels, and what is missing.
public struct TransferChecklist: Sendable {
    /// One kind of the rule.
    public struct Row: Sendable {
        public let kind: String
        public let required: Bool
        /// The documents of this kind that will travel (none: missing).
        public let documents: [SentDossier.Document]
    }

    public let pupil: String
    public let level: String
    public let nextLevel: String?
    /// The rules file applied, and the paragraph it cites.
    public let rule: String
    public let rows: [Row]

    /// Required kinds with no document.
    public var missing: [String] { rows.filter { $0.required && $0.documents.isEmpty }.map(\.kind) }
}
