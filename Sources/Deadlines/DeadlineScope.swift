/// Who a pupil's deadline applies to (`<scope>` of a rule in `Rules/<jurisdiction>/deadlines.xml`):
/// every condition given must hold; a rule without a scope applies to every pupil.
public struct DeadlineScope: Sendable {
    /// Only the coming school year's entrants: children who reach `entryAge` by `cutoff` so as
    /// to start in the school year after the one judged (JP 入学期日及び学校指定通知, 002 §2).
    public struct Entrants: Sendable {
        public let entryAge: Int
        public let cutoff: MonthDay
        public init(entryAge: Int, cutoff: MonthDay) {
            self.entryAge = entryAge
            self.cutoff = cutoff
        }
    }

    public let entrants: Entrants?
    /// Only pupils whose latest placement has this admission type (JP 就学, not 転学).
    public let admission: String?
    /// Leave out pupils whose duty to attend school is postponed or waived.
    public let excludeExempted: Bool
    /// `first`: only until the pupil has an evidence document from an earlier year (a first drafting,
    /// IT PDF in December, 003 Art.5 A.2); `later`: only once they have one dated before the window
    /// opens (a verification of what exists, Art.5 A.3).
    public let drafting: Drafting?

    public enum Drafting: String, Sendable { case first, later }

    public init(entrants: Entrants? = nil, admission: String? = nil, excludeExempted: Bool = false, drafting: Drafting? = nil) {
        self.entrants = entrants
        self.admission = admission
        self.excludeExempted = excludeExempted
        self.drafting = drafting
    }

    /// Whether the rule applies to a pupil with `facts` and evidence `dates` in the year starting
    /// `start` whose window opens on `opens`, `entryYear` being the school year (by its first
    /// calendar year) that the pupil's entry date falls in, if known; `nil` when a fact it needs
    /// is not known.
    func applies(to facts: PupilFacts, dates: [CalendarDay], yearStart start: CalendarDay, opens: CalendarDay, entryYear: Int?) -> Bool? {
        // A pupil with no placement yet has no admission type and no exemption: an entrant to be placed.
        // A known transfer or exemption settles it before the year of entry is asked for.
        if let admission, let known = facts.admission, known != admission { return false }
        if excludeExempted, facts.exempted == true { return false }
        if let entrants {
            if let entryYear {
                if entryYear != start.year + 1 { return false }
            } else {
                guard let birth = facts.birthDate else { return nil }
                let late = (birth.month, birth.day) > (entrants.cutoff.month, entrants.cutoff.day)
                if birth.year + entrants.entryAge + (late ? 1 : 0) != start.year + 1 { return false }
            }
        }
        switch drafting {
        case .first?: return !dates.contains { $0 < start }
        case .later?: return dates.contains { $0 < opens }
        case nil: return true
        }
    }
}
