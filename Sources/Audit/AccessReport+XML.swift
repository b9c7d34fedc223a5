import AuditLog
import Foundation
import XML

extension AccessReport {
    /// The namespace of the report's XML (schema: `Schemas/audit/access-report.xsd`).
    public static let namespace = "urn:inclusio:access-report:1"

    /// The report as XML for the printing form `Forms/<jurisdiction>/access-report.xsl`:
    /// title, subject, headings and rows in the report's language, with who produced it and when.
    public func xml(jurisdiction: String, producedBy: String, at time: Date = Date()) -> Data {
        let attribute = { (text: String) in XMLText.escaped(text, attribute: true) }
        let text = { (text: String) in XMLText.escaped(text, attribute: false) }
        let produced = LocalTime.format(AccessLog.timestamp(time), in: labels.zone)
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <accessReport xmlns="\(Self.namespace)" jurisdiction="\(attribute(jurisdiction))" language="\(attribute(language))" \
        timeZone="\(attribute(timeZone))" produced="\(attribute(produced))" producedBy="\(attribute(producedBy))">
          <title>\(text(title))</title>
          <subject>\(text(subject))</subject>
          <headings>\n
        """
        for (key, heading) in zip(Self.columnKeys, headings) {
            xml += "    <heading key=\"\(key)\">\(text(heading))</heading>\n"
        }
        xml += "  </headings>\n"
        for row in cells {
            xml += "  <row>"
            for (key, cell) in zip(Self.columnKeys, row) { xml += "<cell key=\"\(key)\">\(text(cell))</cell>" }
            xml += "</row>\n"
        }
        xml += "</accessReport>\n"
        return Data(xml.utf8)
    }
}
