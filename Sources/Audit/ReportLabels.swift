import Foundation

/// The words of an access report in one jurisdiction's language, and its time zone; read
/// from `Forms/<jurisdiction>/audit-labels.json`, so a new language needs no Swift change.
public struct ReportLabels: Sendable, Decodable {
    /// BCP 47 tag, e.g. `zh-CN`.
    public let language: String
    /// IANA time zone in which times are shown and office hours judged.
    public let timeZone: String
    public let pupilTitle: String
    public let operatorTitle: String
    public let anomalyTitle: String
    public let chartTitle: String
    /// Column headings by column key (`time`, `operator`, …).
    public let columns: [String: String]
    /// Action names by log action.
    public let actions: [String: String]
    /// Outcome names by log outcome.
    public let outcomes: [String: String]
    /// Document kind names by kind.
    public let kinds: [String: String]

    /// The labels of `jurisdiction` in the forms folder `forms`.
    /// - Throws: ``AuditReportError/noLabels(jurisdiction:file:)``, ``AuditReportError/badLabels(file:reason:)``.
    public static func load(jurisdiction: String, forms: URL) throws(AuditReportError) -> ReportLabels {
        let file = forms.appendingPathComponent(jurisdiction).appendingPathComponent("audit-labels.json")
        guard let data = FileManager.default.contents(atPath: file.path) else { throw .noLabels(jurisdiction: jurisdiction, file: file.path) }
        let labels: ReportLabels
        do { labels = try JSONDecoder().decode(ReportLabels.self, from: data) } catch {
            throw .badLabels(file: file.path, reason: "\(error)")
        }
        guard TimeZone(identifier: labels.timeZone) != nil else { throw .badLabels(file: file.path, reason: "unknown time zone \(labels.timeZone)") }
        let missing = AccessReport.columnKeys.filter { labels.columns[$0] == nil }
        guard missing.isEmpty else { throw .badLabels(file: file.path, reason: "no heading for column(s) \(missing.joined(separator: ", "))") }
        return labels
    }

    /// The zone of ``timeZone`` (checked when loaded).
    public var zone: TimeZone { TimeZone(identifier: timeZone) ?? TimeZone(secondsFromGMT: 0)! }

    func action(_ action: String) -> String { actions[action] ?? action }
    func outcome(_ outcome: String) -> String { outcomes[outcome] ?? outcome }
    func kind(_ kind: String?) -> String { kind.map { kinds[$0] ?? $0 } ?? "" }
}
