/// One deadline of a jurisdiction, as its rule file (`Rules/<jurisdiction>/deadlines.xml`) states it.
public struct DeadlineRule: Sendable {
    /// When the rule falls due.
    public enum Timing: Sendable {
        /// Once a year: a window from `from` to `by` (see ``Window``).
        case window(Window)
        /// After the newest evidence document: opens after `opensMonths`, due after `dueMonths` (never overdue when `nil`).
        case interval(opensMonths: Int, dueMonths: Int?)
        /// Not a date but a fact of the latest placement to look at, shown while it stands
        /// (``DueStatus/flagged``, dated on the placement's issue date).
        case flag(Flag)
    }

    /// What a flag rule looks at in the pupil's latest placement (`<flag fact=…/>`).
    public enum Flag: String, Sendable, Hashable {
        /// The decision does not follow the guardian's (and child's) wish (JP 002 I).
        case wishNotFollowed = "wish-not-followed"
        /// The guardian's opinion was not heard (JP 002 I, 施行令改正 4).
        case guardianNotHeard = "guardian-not-heard"
    }

    /// A yearly window in the school (or calendar) year.
    public struct Window: Sendable {
        /// Which documents count towards the window.
        public enum Counted: String, Sendable {
            /// Dated from `from` to `by`.
            case window
            /// Dated in the year, up to `by`.
            case year
            /// Dated any time up to `by`.
            case ever
        }

        public let from: MonthDay
        public let by: MonthDay
        /// Documents needed.
        public let count: Int
        public let counts: Counted
        /// Whether the year is the calendar year (from 1 January) rather than the school year.
        public let calendarYear: Bool

        public init(from: MonthDay, by: MonthDay, count: Int = 1, counts: Counted = .window, calendarYear: Bool = false) {
            self.from = from
            self.by = by
            self.count = count
            self.counts = counts
            self.calendarYear = calendarYear
        }
    }

    /// Where the rule comes from: a paragraph of a source text, quoted.
    public struct Citation: Sendable, Encodable {
        /// The source's id in the rule file (`003`).
        public let source: String
        /// The seed file the source is.
        public let file: String
        public let paragraph: String
        public let quote: String
        /// How a loose date of the source was read, when it was.
        public let reading: String?
    }

    public let id: String
    public let title: String
    /// The document kinds that show the rule was met; `nil` for an office task the archive cannot see.
    public let evidence: Set<String>?
    public let timing: Timing
    /// What the person who decides may do, in the jurisdiction's language.
    public let advice: String
    public let citations: [Citation]
    /// Which pupils the rule applies to; `nil`: every pupil with the jurisdiction.
    public let scope: DeadlineScope?

    public init(id: String, title: String, evidence: Set<String>?, timing: Timing, advice: String = "", citations: [Citation] = [],
                scope: DeadlineScope? = nil) {
        self.id = id
        self.title = title
        self.evidence = evidence
        self.timing = timing
        self.advice = advice
        self.citations = citations
        self.scope = scope
    }

    /// The citations in short: `003 Art.4 A.1; 003 Art.5 B.2`.
    public var sources: String {
        var seen: [String] = []
        for citation in citations where !seen.contains("\(citation.source) \(citation.paragraph)") {
            seen.append("\(citation.source) \(citation.paragraph)")
        }
        return seen.joined(separator: "; ")
    }
}
