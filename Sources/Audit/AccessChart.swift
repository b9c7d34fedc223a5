import Archive
import AuditLog
import Foundation
import Rendering

/// Accesses per day and operator, as a stacked bar chart: where people would rather look than read.
public enum AccessChart {
    /// The chart of `trail`'s entries (only those about `pupil` when given; from day `since` on),
    /// one bar per local day from the first access to the last, one colour per operator.
    public static func perDayAndOperator(_ trail: AuditTrail, pupil: String?, since: String?, labels: ReportLabels) throws(AuditReportError) -> StackedBarChart {
        let start = try since.map { (day) throws(AuditReportError) in try LocalTime.startOfDay(day, in: labels.zone) }
        let calendar = LocalTime.calendar(labels.zone)
        var counts: [String: [Date: Int]] = [:]
        for event in trail.events where pupil == nil || event.pupil == pupil {
            guard let date = LocalTime.date(event.time), start.map({ date >= $0 }) ?? true else { continue }
            counts[event.operatorId, default: [:]][calendar.startOfDay(for: date), default: 0] += 1
        }
        let days = counts.values.flatMap(\.keys)
        guard let first = days.min(), let last = days.max() else {
            return StackedBarChart(title: labels.chartTitle, language: labels.language, fonts: labels.fonts, categories: [], series: [])
        }
        var all: [Date] = []
        var day = first
        while day <= last {
            all.append(day)
            guard let next = calendar.date(byAdding: .day, value: 1, to: day) else { break }
            day = next
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = labels.zone
        formatter.dateFormat = "MM-dd"
        return StackedBarChart(title: labels.chartTitle, language: labels.language, fonts: labels.fonts, categories: all.map(formatter.string),
                               series: counts.keys.sorted().map { op in (op, all.map { counts[op]?[$0] ?? 0 }) })
    }
}
