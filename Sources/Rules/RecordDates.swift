import Support
import XML

/// Dates a record cannot hold although each is a valid date on its own: a pupil born in the
/// future, after the document about them was issued, or at an age that does not fit the school
/// level the record names (its entry age and years, from the jurisdiction's
/// `Rules/<jurisdiction>/transfer.xml`).
///
/// Messages name the fields and the bounds, never the dates themselves.
public struct RecordDates: Sendable {
    /// A school level's entry age and length in years.
    public struct LevelAge: Sendable {
        public let entryAge: Int
        public let years: Int
        public init(entryAge: Int, years: Int) {
            self.entryAge = entryAge
            self.years = years
        }

        /// The youngest plausible age on a day of the level: a year before the entry age (an early entrant).
        public var youngest: Int { entryAge - 1 }
        /// The oldest plausible age: the last year of the level, plus three years of deferrals and
        /// repeated years (pupils with disabilities may stay longer; a later age is a slip of the year).
        public var oldest: Int { entryAge + years + 3 }
    }

    /// Today, `YYYY-MM-DD`, in the jurisdiction's time zone.
    public let today: String
    /// The levels with known ages, by the school level's name as records write it.
    public let levels: [String: LevelAge]
    /// Where the ages come from, as messages name it (`Rules/JP-11/transfer.xml`).
    public let source: String

    public init(today: String, levels: [String: LevelAge], source: String) {
        self.today = today
        self.levels = levels
        self.source = source
    }

    /// Every impossible or implausible birth date of `record`'s pupils (`pupil` children of the root).
    public func problems(in record: FactNode) -> [Diagnostic] {
        let issued = record.children.first { $0.name == "header" }?.children.first { $0.name == "issuedDate" }
        let level = record.children.first { $0.name == "school" }?.children.first { $0.name == "level" }?.text
        let issuedPath = ElementPath.join(record.name, "header/issuedDate")
        var problems: [Diagnostic] = []
        for pupil in record.children where pupil.name == "pupil" {
            guard let birth = pupil.children.first(where: { $0.name == "birthDate" }), let born = Self.day(birth.text) else { continue }
            let place = { (message: String) in Diagnostic(line: birth.line, field: birth.path, message: message) }
            if let now = Self.day(today), born > now {
                problems.append(place("is after today: a pupil cannot be born in the future; check the year"))
                continue
            }
            let issuedDay = issued.flatMap { Self.day($0.text) }
            if let issuedDay, born > issuedDay {
                problems.append(place("is after \(issuedPath): the pupil would be born after the document was issued; check both dates"))
                continue
            }
            guard let reference = issuedDay ?? Self.day(today) else { continue }
            let on = issuedDay == nil ? "today" : "on \(issuedPath)"
            let age = Self.age(born: born, on: reference)
            if let level, let bounds = levels[level] {
                if age < bounds.youngest || age > bounds.oldest {
                    problems.append(place("makes the pupil younger than \(bounds.youngest) or older than \(bounds.oldest) \(on), "
                        + "which does not fit the school level (entry at \(bounds.entryAge), \(bounds.years) years: \(source)); check the year of birth and school/level"))
                }
            } else if let oldest = levels.values.map(\.oldest).max(), age > oldest {
                problems.append(place("makes the pupil older than \(oldest) \(on), older than any school level allows (\(source)); check the year of birth"))
            }
        }
        return problems
    }

    /// `YYYY-MM-DD` as (year, month, day), comparable; `nil` for anything else.
    static func day(_ text: String) -> Day? {
        let parts = text.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return Day(year: parts[0], month: parts[1], day: parts[2])
    }

    /// Whole years from `born` to `day`.
    static func age(born: Day, on day: Day) -> Int {
        day.year - born.year - ((day.month, day.day) < (born.month, born.day) ? 1 : 0)
    }

    struct Day: Comparable {
        let year: Int, month: Int, day: Int
        static func < (a: Day, b: Day) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }
    }
}
