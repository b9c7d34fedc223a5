/// The due dates of a set of pupils on one day: per pupil and rule, and counted per school.
public struct DueReport: Sendable, Encodable {
    /// One rule for one pupil, or an office reminder (no pupil, no school).
    public struct Finding: Sendable, Encodable {
        public let jurisdiction: String
        public let school: String?
        public let pupil: String?
        public let rule: String
        public let title: String
        public let status: DueStatus
        public let date: CalendarDay
        public let last: CalendarDay?
        public let found: Int
        public let needed: Int
        /// The cited paragraphs in short (`003 Art.4 A.1`).
        public let sources: String

        // Title and sources are written once per rule, in ``DueReport/rules``, not in every finding.
        enum CodingKeys: String, CodingKey {
            case jurisdiction, school, pupil, rule, status, date, last, found, needed
        }
    }

    /// A rule that the findings name: what it is, the advice, and the paragraphs it applies.
    public struct RuleEntry: Sendable, Encodable {
        public let jurisdiction: String
        public let id: String
        public let title: String
        public let advice: String
        public let citations: [DeadlineRule.Citation]
    }

    /// How many findings of each status a school (or a jurisdiction's office) has.
    public struct SchoolSummary: Sendable, Encodable {
        public let jurisdiction: String
        public let school: String?
        /// Whether this is the jurisdiction's office (its reminders) rather than a school.
        public let office: Bool
        public let pupils: Int
        public let counts: [String: Int]

        /// The count of `status`.
        public func count(_ status: DueStatus) -> Int { counts[status.rawValue] ?? 0 }
    }

    /// The day asked about.
    public let on: CalendarDay
    /// Days of notice: a deadline within this many days is due.
    public let within: Int
    public let findings: [Finding]
    /// Every rule that some finding names, in the order of the rule files.
    public let rules: [RuleEntry]
    public let schools: [SchoolSummary]
    /// Rules not applied because the operator may not read every kind of document they count.
    public let withheldRules: [String]
    /// Pupils of jurisdictions that have no deadlines file.
    public let pupilsWithoutRules: Int
    /// Rules scoped by facts (birth date, admission type, exemption) that the source of the dates
    /// did not give for some pupils: those pupils were not judged by them, and how many.
    public let unjudged: [Unjudged]

    /// A scoped rule some pupils could not be judged by.
    public struct Unjudged: Sendable, Encodable, Equatable {
        public let rule: String
        public let pupils: Int
    }
}
