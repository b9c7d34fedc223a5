import Foundation
import Jurisdictions
import Rendering

/// The words of an access report in one jurisdiction's language, read from
/// `Forms/<jurisdiction>/audit-labels.json`, with the language, time zone and fonts the
/// jurisdiction's manifest declares; a new language needs no Swift change.
public struct ReportLabels: Sendable {
    /// BCP 47 tag, e.g. `zh-CN` (the manifest's).
    public let language: String
    /// The zone in which times are shown and office hours judged (the manifest's).
    public let zone: TimeZone
    /// What the chart's generic `sans-serif` stands for (the manifest's).
    public let fonts: FontChoice
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

    /// The file's words; everything else comes from the manifest.
    private struct Words: Decodable {
        let pupilTitle, operatorTitle, anomalyTitle, chartTitle: String
        let columns, actions, outcomes, kinds: [String: String]
    }

    /// The IANA name of ``zone``.
    public var timeZone: String { zone.identifier }

    /// The labels of `jurisdiction` in the forms folder `forms`.
    /// - Throws: ``AuditReportError/noLabels(jurisdiction:file:)``, ``AuditReportError/badLabels(file:reason:)``.
    public static func load(_ jurisdiction: Jurisdiction, forms: URL) throws(AuditReportError) -> ReportLabels {
        let file = forms.appendingPathComponent(jurisdiction.code).appendingPathComponent("audit-labels.json")
        guard let data = FileManager.default.contents(atPath: file.path) else { throw .noLabels(jurisdiction: jurisdiction.code, file: file.path) }
        let words: Words
        do { words = try JSONDecoder().decode(Words.self, from: data) } catch {
            throw .badLabels(file: file.path, reason: "\(error)")
        }
        let missing = AccessReport.columnKeys.filter { words.columns[$0] == nil }
        guard missing.isEmpty else { throw .badLabels(file: file.path, reason: "no heading for column(s) \(missing.joined(separator: ", "))") }
        return ReportLabels(language: jurisdiction.language, zone: jurisdiction.timeZone,
                            fonts: FontChoice(generic: jurisdiction.fontFamilies, fallback: jurisdiction.fallbackFonts),
                            pupilTitle: words.pupilTitle, operatorTitle: words.operatorTitle, anomalyTitle: words.anomalyTitle,
                            chartTitle: words.chartTitle, columns: words.columns, actions: words.actions, outcomes: words.outcomes,
                            kinds: words.kinds)
    }

    func action(_ action: String) -> String { actions[action] ?? action }
    func outcome(_ outcome: String) -> String { outcomes[outcome] ?? outcome }
    func kind(_ kind: String?) -> String { kind.map { kinds[$0] ?? $0 } ?? "" }
}
