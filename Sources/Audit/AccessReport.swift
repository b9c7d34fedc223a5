import Archive
import AuditLog
import Foundation

/// One access in a report, with its time in the jurisdiction's zone and names in its language.
public struct AccessReportRow: Sendable, Encodable {
    public let sequence: Int
    /// UTC, as logged.
    public let time: String
    /// In the report's time zone, `yyyy-MM-dd HH:mm`.
    public let localTime: String
    public let operatorId: String
    public let role: String
    public let organisation: String
    public let action: String
    public let pupil: String?
    public let kind: String?
    public let document: String?
    public let version: Int?
    /// The purpose in the report's language (a code's label, its case reference in brackets).
    public let purpose: String
    /// The purpose as logged (`CODE` or `CODE:REFERENCE`).
    public let purposeCode: String
    public let recipient: String?
    public let outcome: String
}

/// The record of requests and disclosures for one pupil, or one operator's activity: who,
/// when, what, why, to whom, with what outcome. As a terminal table, CSV (UTF-8 with BOM, so
/// spreadsheet programs read CJK text) or JSON.
public struct AccessReport: Sendable, Encodable {
    /// Column keys, in order; headings come from ``ReportLabels/columns``.
    public static let columnKeys = ["sequence", "time", "operator", "role", "organisation", "action", "pupil", "kind",
                                    "document", "version", "purpose", "recipient", "outcome"]

    public let title: String
    /// The pupil pseudonym or operator id reported on.
    public let subject: String
    public let language: String
    public let timeZone: String
    public let rows: [AccessReportRow]
    let labels: ReportLabels

    private enum CodingKeys: String, CodingKey { case title, subject, language, timeZone, rows }

    /// Every access to pupil `pupil`'s file.
    public static func pupil(_ pupil: String, trail: AuditTrail, labels: ReportLabels) -> AccessReport {
        AccessReport(title: labels.pupilTitle, subject: pupil, labels: labels, trail: trail) { $0.pupil == pupil }
    }

    /// Everything operator `id` did (or was refused), since the start of day `since` (`yyyy-MM-dd`) in the report's zone.
    public static func operatorActivity(_ id: String, since: String?, trail: AuditTrail, labels: ReportLabels) throws(AuditReportError) -> AccessReport {
        let start = try since.map { (day) throws(AuditReportError) in try LocalTime.startOfDay(day, in: labels.zone) }
        return AccessReport(title: labels.operatorTitle, subject: id, labels: labels, trail: trail) { event in
            guard event.operatorId == id else { return false }
            guard let start, let date = LocalTime.date(event.time) else { return true }
            return date >= start
        }
    }

    private init(title: String, subject: String, labels: ReportLabels, trail: AuditTrail, including: (AccessEvent) -> Bool) {
        self.title = title
        self.subject = subject
        self.labels = labels
        language = labels.language
        timeZone = labels.timeZone
        rows = trail.events.filter(including).map { event in
            AccessReportRow(sequence: event.sequence, time: event.time, localTime: LocalTime.format(event.time, in: labels.zone),
                            operatorId: event.operatorId, role: event.role, organisation: event.organisation, action: event.action,
                            pupil: event.pupil, kind: event.document.flatMap { trail.kinds[$0] }, document: event.document,
                            version: event.version, purpose: trail.purpose(event.purpose, in: labels.language), purposeCode: event.purpose,
                            recipient: event.recipient, outcome: event.outcome.rawValue)
        }
    }

    /// Headings in the report's language.
    public var headings: [String] { Self.columnKeys.map { labels.columns[$0] ?? $0 } }

    /// Each row's cells in column order, actions, outcomes and kinds named in the report's language.
    public var cells: [[String]] {
        rows.map { row in
            ["\(row.sequence)", row.localTime, row.operatorId, row.role, row.organisation, labels.action(row.action), row.pupil ?? "",
             labels.kind(row.kind), row.document ?? "", row.version.map(String.init) ?? "", row.purpose, row.recipient ?? "",
             labels.outcome(row.outcome)]
        }
    }

    /// RFC 4180 CSV with a UTF-8 byte order mark.
    public func csv() -> Data {
        CSV.document([headings] + cells)
    }
}
