/// What deadlines need to know of a pupil: the pseudonym, where they are, and the date of each
/// filed document version by kind (no name, no content).
public struct PupilDates: Sendable {
    public let pseudonym: String
    public let jurisdiction: String
    /// The school's code, or its name when it has no code; `nil` when unknown.
    public let school: String?
    /// Issue dates of the pupil's document versions, by document kind.
    public let documents: [String: [CalendarDay]]

    public init(pseudonym: String, jurisdiction: String, school: String?, documents: [String: [CalendarDay]]) {
        self.pseudonym = pseudonym
        self.jurisdiction = jurisdiction
        self.school = school
        self.documents = documents
    }
}
