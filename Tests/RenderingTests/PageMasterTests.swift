import Foundation
import Rendering
import TestSupport
import Testing

/// Odd and even page masters, the last page's master, `force-page-count` and documents that
/// start on a recto page, judged by `pdfinfo` and `pdftotext -bbox`.
@Suite struct PageMasterTests {
    /// A document whose odd pages number at the right, even ones at the left, whose last page
    /// carries "LAST" in its footer, with `pages` pages of flow.
    static func alternating(pages: Int, force: String = "no-force", marker: String = "doc") -> String {
        let flow = (1...pages).map { "<fo:block\($0 > 1 ? " break-before=\"page\"" : "")>\(marker) body \($0)</fo:block>" }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" xml:lang="it" font-size="11pt">
              <fo:layout-master-set>
                <fo:simple-page-master master-name="odd" page-width="210mm" page-height="297mm" margin="20mm 26mm 20mm 28mm">
                  <fo:region-body margin-bottom="15mm"/><fo:region-after extent="10mm" region-name="odd-after"/>
                </fo:simple-page-master>
                <fo:simple-page-master master-name="even" page-width="210mm" page-height="297mm" margin="20mm 28mm 20mm 26mm">
                  <fo:region-body margin-bottom="15mm"/><fo:region-after extent="10mm" region-name="even-after"/>
                </fo:simple-page-master>
                <fo:simple-page-master master-name="last" page-width="210mm" page-height="297mm" margin="20mm 28mm 20mm 26mm">
                  <fo:region-body margin-bottom="40mm"/><fo:region-after extent="35mm" region-name="last-after"/>
                </fo:simple-page-master>
                <fo:page-sequence-master master-name="pages">
                  <fo:repeatable-page-master-alternatives>
                    <fo:conditional-page-master-reference master-reference="last" page-position="last" odd-or-even="even"/>
                    <fo:conditional-page-master-reference master-reference="odd" odd-or-even="odd"/>
                    <fo:conditional-page-master-reference master-reference="even" odd-or-even="even"/>
                  </fo:repeatable-page-master-alternatives>
                </fo:page-sequence-master>
              </fo:layout-master-set>
              <fo:page-sequence master-reference="pages" force-page-count="\(force)">
                <fo:static-content flow-name="odd-after"><fo:block text-align="end">ODD<fo:page-number/></fo:block></fo:static-content>
                <fo:static-content flow-name="even-after"><fo:block text-align="start">EVEN<fo:page-number/></fo:block></fo:static-content>
                <fo:static-content flow-name="last-after"><fo:block>LAST<fo:page-number/></fo:block></fo:static-content>
                <fo:flow flow-name="xsl-region-body">\(flow)</fo:flow>
              </fo:page-sequence>
            </fo:root>
            """
    }

    @Test func oddAndEvenPagesTakeTheirOwnMastersAndTheLastEvenPageItsOwn() throws {
        let pdf = try RenderingFixtures.render([try RenderingFixtures.document(text: Self.alternating(pages: 3, force: "end-on-even"))])
        defer { try? FileManager.default.removeItem(at: pdf.deletingLastPathComponent()) }
        #expect(try Poppler.info(pdf)["Pages"] == "4", "end-on-even adds a fourth page")
        let words = try Poppler.bbox(pdf)
        let odd = words.filter { $0.word.hasPrefix("ODD") }, even = words.filter { $0.word.hasPrefix("EVEN") }
        #expect(odd.map(\.word) == ["ODD1", "ODD3"] && even.map(\.word) == ["EVEN2"], "\(words.map(\.word))")
        // Odd numbers end at the right margin (210 − 26 mm), even ones start at the left (26 mm).
        #expect(odd.allSatisfy { abs($0.xMax - 184 * 72 / 25.4) < 1 }, "\(odd)")
        #expect(even.allSatisfy { abs($0.xMin - 26 * 72 / 25.4) < 1 }, "\(even)")
        #expect(words.filter { $0.word.hasPrefix("LAST") }.map(\.word) == ["LAST4"])
        #expect(try Poppler.text(pdf, first: 4, last: 4).trimmingCharacters(in: .whitespacesAndNewlines) == "LAST4")
    }

    @Test func aPageMasterThatNamesNoMasterIsRefused() throws {
        let text = Self.alternating(pages: 1).replacingOccurrences(of: "master-reference=\"odd\"", with: "master-reference=\"odds\"")
        #expect(throws: RenderingError.self) { try RenderingFixtures.document(text: text) }
        let unknownRegion = Self.alternating(pages: 1).replacingOccurrences(of: "flow-name=\"odd-after\"", with: "flow-name=\"odd-before\"")
        #expect(throws: RenderingError.self) { try RenderingFixtures.document(text: unknownRegion) }
    }

    /// `render --merge`: printed double-sided, no sheet holds the end of one document and the start of the next.
    @Test func mergedDocumentsEachStartOnARectoPage() throws {
        let documents = try [3, 1, 2].enumerated().map { index, pages in
            try RenderingFixtures.document(text: Self.alternating(pages: pages, marker: "doc\(index)"))
        }
        let output = try Run.temporaryFolder().appendingPathComponent("merged.pdf")
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        try PDFRenderer().render(documents, to: output, rectoStarts: true)
        #expect(try Poppler.info(output)["Pages"] == "8")
        for (index, page) in [1, 5, 7].enumerated() {
            #expect(try Poppler.text(output, first: page, last: page).hasPrefix("doc\(index) body 1"), "document \(index) on page \(page)")
        }
        #expect(try Poppler.text(output, first: 4, last: 4).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
    }
}
