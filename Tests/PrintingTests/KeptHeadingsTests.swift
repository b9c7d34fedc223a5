import Foundation
import Printing
import Records
import Rendering
import XML
import TestSupport
import Testing

/// No section heading stands alone at the foot of a page, away from its table or fields: judged
/// on `pdftotext -bbox` of every fixture record (a heading is an 11pt line: its Noto CJK box is 15.9pt tall).
@Suite struct KeptHeadingsTests {
    @Test func noPageEndsWithAHeading() throws {
        let catalog = try SchemaCatalog(directory: Run.project.appendingPathComponent("Schemas"))
        let printer = RecordPrinter(validator: RecordValidator(catalog: catalog),
                                    forms: FormCatalog(directory: Run.project.appendingPathComponent("Forms"), jurisdictions: try ProjectJurisdictions.catalog()))
        let folder = try Run.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let records = Run.files(in: Run.project.appendingPathComponent("Tests/Fixtures/records")).filter { $0.hasSuffix(".xml") && !$0.contains("placement") }
        #expect(records.count >= 10)
        for name in records {
            let data = try Data(contentsOf: Run.project.appendingPathComponent("Tests/Fixtures/records/" + name))
            let pdf = folder.appendingPathComponent(name + ".pdf")
            try PDFRenderer().pdfData([try printer.prepare(data: data, file: name).document]).write(to: pdf)
            let run = try Run.program("pdftotext", ["-bbox", pdf.path, "-"])
            var pages: [[(text: String, top: Double, height: Double)]] = []
            for line in run.stdout.split(separator: "\n") {
                if line.contains("<page ") { pages.append([]); continue }
                guard let match = line.firstMatch(of: /yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*)<\/word>/),
                      let top = Double(match.1), let bottom = Double(match.2), !pages.isEmpty else { continue }
                pages[pages.count - 1].append((String(match.3), top, bottom - top))
            }
            for (index, words) in pages.enumerated().dropLast() {
                // The body: below the running header, above the footer (the last 25 mm of the page).
                let body = words.filter { $0.top > 60 && $0.top < 842 - 25 * 72 / 25.4 }
                guard let lowest = body.map(\.top).max() else { continue }
                let lastLine = body.filter { abs($0.top - lowest) < 3 }
                #expect(!lastLine.allSatisfy { abs($0.height - 15.93) < 0.2 },
                        "\(name): page \(index + 1) ends with the heading \(lastLine.map(\.text).joined(separator: " "))")
            }
        }
    }
}
