/// What a rule found: advice for the person who decides, with the criterion and its source.
public struct Finding: Sendable, Encodable, Equatable {
    /// What kind of advice it is.
    public enum Kind: String, Sendable, Encodable {
        /// The criterion allows ``Finding/placement``.
        case allows
        /// Something to look at before deciding.
        case flag
        /// A reminder of the procedure or of who decides.
        case note
        /// An amount computed for the decider.
        case figure
    }

    /// The rule's id in its file.
    public let rule: String
    public let kind: Kind
    /// The source paragraph (`seed 000 §4`).
    public let cite: String
    /// For ``Kind/allows``: the placement the criterion allows.
    public let placement: String?
    /// What the finding is about inside the data (a class id); `nil` for the whole record or school.
    public let subject: String?
    /// The criterion in the words of the source text.
    public let criterion: String
    /// What the decider should consider.
    public let advice: String
    public let measures: [FindingMeasure]
}

/// A figure shown with a finding.
public struct FindingMeasure: Sendable, Encodable, Equatable {
    public let label: String
    /// The values found, joined with the jurisdiction's list separator; empty when the data has none.
    public let value: String
    public let unit: String?
}
