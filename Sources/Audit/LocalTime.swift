import Foundation

/// Log times (UTC, ISO 8601) shown and judged in a jurisdiction's time zone.
enum LocalTime {
    static func date(_ logged: String) -> Date? {
        let parser = ISO8601DateFormatter()
        parser.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return parser.date(from: logged)
    }

    /// `yyyy-MM-dd HH:mm` in `zone`, or the logged text when it is not a time.
    static func format(_ logged: String, in zone: TimeZone) -> String {
        guard let date = date(logged) else { return logged }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }

    /// The calendar of `zone`.
    static func calendar(_ zone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }

    /// Midnight starting `day` (`yyyy-MM-dd`) in `zone`.
    static func startOfDay(_ day: String, in zone: TimeZone) throws(AuditReportError) -> Date {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, let date = calendar(zone).date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])),
              calendar(zone).component(.day, from: date) == parts[2] else { throw .badDate(day) }
        return date
    }
}
