import Deadlines

/// The type of an option's value, checked once when the command line is parsed: a wrong
/// value is a usage error naming the option (never repeating the value, which may be
/// confidential), before anything is read or written.
enum OptionType: Sendable {
    /// Any text.
    case text
    /// A day written `YYYY-MM-DD`.
    case day
    /// A calendar year, 1900 to 2200.
    case year
    /// Two hours of the day, `H-H`, the first before the second.
    case hours
    /// A whole number in the range.
    case integer(ClosedRange<Int>)
    /// A file to write, its format told by its extension (lower case, without the dot).
    case file(extensions: [String])

    /// `text` read as this type, or a usage error naming the option as `name` was typed.
    func parse(_ text: String, name: String, command: CommandSpec) throws(CLIError) -> OptionValue {
        switch self {
        case .text:
            return .text(text)
        case .day:
            guard text.count == 10, let day = CalendarDay(text) else {
                throw .usage("\(name) takes a day written YYYY-MM-DD, e.g. 2026-09-30.", command: command)
            }
            return .day(day)
        case .year:
            guard let year = Int(text), (1900...2200).contains(year) else { throw .usage("\(name) takes a year, e.g. 2031.", command: command) }
            return .integer(year)
        case .hours:
            let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
            guard parts.count == 2, let opening = parts[0], let closing = parts[1], opening >= 0, opening < closing, closing <= 24 else {
                throw .usage("\(name) takes two hours of the day, the earlier first, e.g. 7-19.", command: command)
            }
            return .hours(opening, closing)
        case let .integer(range):
            guard let value = Int(text), range.contains(value) else {
                let bounds = range.upperBound == Int.max ? "\(range.lowerBound) or more" : "from \(range.lowerBound) to \(range.upperBound)"
                throw .usage("\(name) takes a whole number, \(bounds).", command: command)
            }
            return .integer(value)
        case let .file(extensions):
            let lowered = text.lowercased()
            guard let format = extensions.first(where: { lowered.hasSuffix("." + $0) }) else {
                let listed = extensions.map { "." + $0 }
                let choice = listed.count == 1 ? listed[0] : listed.dropLast().joined(separator: ", ") + " or " + listed[listed.count - 1]
                throw .usage("\(name) writes a \(choice) file.", command: command)
            }
            return .file(text, format: format)
        }
    }
}

/// An option's value, read by its ``OptionType``.
enum OptionValue {
    case text(String)
    case day(CalendarDay)
    case integer(Int)
    case hours(Int, Int)
    case file(String, format: String)

    /// The value as text: what was given (a day as `YYYY-MM-DD`).
    var text: String {
        switch self {
        case let .text(text), let .file(text, _): text
        case let .day(day): day.description
        case let .integer(value): String(value)
        case let .hours(opening, closing): "\(opening)-\(closing)"
        }
    }
}
