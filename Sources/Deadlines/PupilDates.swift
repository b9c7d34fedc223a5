/// What deadlines need to know of a pupil: the pseudonym, where they are, and the date of each
/// filed document version by kind (no name, no content), with the few facts that say which
/// rules apply to them (``PupilFacts``), when the caller knows them.
public struct PupilDates: Sendable {
    public let pseudonym: String
    public let jurisdiction: String
    /// The school's code, or its name when it has no code; `nil` when unknown.
    public let school: String?
    /// Issue dates of the pupil's document versions, by document kind.
    public let documents: [String: [CalendarDay]]
    /// What scopes the rules; ``PupilFacts/unknown`` when the source (the archive's index) has none.
    public let facts: PupilFacts

    public init(pseudonym: String, jurisdiction: String, school: String?, documents: [String: [CalendarDay]], facts: PupilFacts = .unknown) {
        self.pseudonym = pseudonym
        self.jurisdiction = jurisdiction
        self.school = school
        self.documents = documents
        self.facts = facts
    }
}

/// The facts of a pupil's records that decide whether a deadline applies to them at all
/// (`<scope>` in `Rules/<jurisdiction>/deadlines.xml`); `nil` where not known.
public struct PupilFacts: Sendable, Equatable {
    public let birthDate: CalendarDay?
    /// The day the pupil enters school for the first time (JP 入学期日 of a 就学 placement): the
    /// school year it falls in is the pupil's year of entry, as a birth date would say.
    public let entryDate: CalendarDay?
    /// The admission type of the latest placement (JP 就学 or 転学).
    public let admission: String?
    /// Whether the latest placement postpones or waives the duty to attend school (JP 猶予・免除).
    public let exempted: Bool?
    /// When the pupil's certificate was revoked (IT revoca: the revocation's effective date, else
    /// the letter's issue date); `nil` when not revoked or not known.
    public let revokedOn: CalendarDay?
    /// What the latest placement says that a flag rule (``DeadlineRule/Flag``) looks at, and its issue date;
    /// empty when there is no placement or it says nothing of the kind.
    public let flags: Set<DeadlineRule.Flag>
    public let placedOn: CalendarDay?

    public init(birthDate: CalendarDay? = nil, entryDate: CalendarDay? = nil, admission: String? = nil, exempted: Bool? = nil,
                revokedOn: CalendarDay? = nil, flags: Set<DeadlineRule.Flag> = [], placedOn: CalendarDay? = nil) {
        self.birthDate = birthDate
        self.entryDate = entryDate
        self.admission = admission
        self.exempted = exempted
        self.revokedOn = revokedOn
        self.flags = flags
        self.placedOn = placedOn
    }

    /// Nothing known: rules with a scope are not judged (and counted as such in the report).
    public static let unknown = PupilFacts()
}
