import Foundation
import XML

extension DueReport {
    /// The namespace of the report's XML (schema: `Schemas/deadlines/due-report.xsd`).
    public static let namespace = "urn:inclusio:due-report:1"

    /// The report as XML for the printing form `Forms/<jurisdiction>/due-dates.xsl`, in the words of
    /// `book`: the counts of up to `schoolLimit` schools, then up to `rowLimit` findings that need
    /// action (overdue first, then by date), and how many were left out, so that it fits one page.
    public func xml(book: DeadlineBook, producedBy: String, produced: String, schoolLimit: Int = 10, rowLimit: Int = 18) -> Data {
        let attribute = { (text: String) in XMLText.escaped(text, attribute: true) }
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <dueReport xmlns="\(Self.namespace)" jurisdiction="\(attribute(book.jurisdiction))" language="\(attribute(book.language))" \
        on="\(on)" within="\(within)" produced="\(attribute(produced))" producedBy="\(attribute(producedBy))">\n
        """
        for (key, text) in book.labels.sorted(by: { $0.key < $1.key }) {
            xml += "  <label key=\"\(attribute(key))\" text=\"\(attribute(text))\"/>\n"
        }
        for summary in schools.prefix(schoolLimit) {
            xml += "  <school name=\"\(attribute(summary.office ? (book.labels["office"] ?? "office") : summary.school ?? "-"))\" "
                + "jurisdiction=\"\(attribute(summary.jurisdiction))\" pupils=\"\(summary.pupils)\""
                + DueStatus.allCases.map { " \($0.rawValue)=\"\(summary.count($0))\"" }.joined() + "/>\n"
        }
        let urgent = findings.filter { [.overdue, .due, .reminder, .flagged].contains($0.status) }
            .sorted { ($0.status == .overdue ? 0 : 1, $0.date) < ($1.status == .overdue ? 0 : 1, $1.date) }
        for finding in urgent.prefix(rowLimit) {
            xml += "  <row school=\"\(attribute(finding.school ?? ""))\" pupil=\"\(attribute(finding.pupil ?? ""))\" "
                + "rule=\"\(attribute(finding.rule))\" title=\"\(attribute(finding.title))\" status=\"\(finding.status.rawValue)\" "
                + "date=\"\(finding.date)\" source=\"\(attribute(finding.sources))\"/>\n"
        }
        xml += "  <more schools=\"\(max(0, schools.count - schoolLimit))\" rows=\"\(max(0, urgent.count - rowLimit))\"/>\n"
        xml += "</dueReport>\n"
        return Data(xml.utf8)
    }
}
