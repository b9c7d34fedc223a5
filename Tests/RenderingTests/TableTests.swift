import Foundation
import Rendering
import Testing

@Suite struct TableTests {
    @Test func longTableContinuesOnPageTwoUnderItsRepeatedHeader() throws {
        let pdf = try RenderingFixtures.render([RenderingFixtures.document("it-table.fo")])
        defer { try? FileManager.default.removeItem(at: pdf.deletingLastPathComponent()) }
        #expect(try Poppler.info(pdf)["Pages"] == "2")
        let first = try Poppler.text(pdf, first: 1, last: 1)
        let second = try Poppler.text(pdf, first: 2, last: 2)
        #expect(first.contains("Pagina 1 di 2") && second.contains("Pagina 2 di 2"))
        // The header row comes first in the table on both pages (after the running header).
        for page in [first, second] {
            let lines = page.split(separator: "\n").map(String.init)
            let header = lines.firstIndex(of: "Area Obiettivo Verifica")
            let firstRow = lines.firstIndex { $0.hasPrefix("Area ") && $0 != "Area Obiettivo Verifica" }
            #expect(header != nil && firstRow != nil && header! < firstRow!, "header row above the rows: \(lines.prefix(4))")
        }
        // Every row exactly once, in order, whole rows on each page.
        let all = try Poppler.text(pdf)
        let numbers = all.split(separator: "\n").compactMap { line -> Int? in
            guard line.hasPrefix("Area "), let number = Int(line.dropFirst(5).prefix { $0.isNumber }) else { return nil }
            return number
        }
        #expect(numbers == [1, 2, 3, 4, 5] + Array(7...45), "rows 5 and 6 share the spanned cell 'Area 5–6'")
        #expect(all.contains("Obiettivo 6: autonomia"))
        #expect(!second.contains("Area 1 ") && second.contains("Area 45"))
    }

    @Test func rowTallerThanAPageIsSplitAcrossPages() throws {
        let paragraph = String(repeating: "Una riga di testo molto lunga che ripete le osservazioni del consiglio di classe. ", count: 30)
        let cells = (0..<6).map { "<fo:block space-after=\"4pt\">\($0 + 1). \(paragraph)</fo:block>" }.joined()
        let table = """
            <fo:table border="0.5pt solid black"><fo:table-column column-width="30mm"/><fo:table-column/>
            <fo:table-header><fo:table-row><fo:table-cell><fo:block>Voce</fo:block></fo:table-cell><fo:table-cell><fo:block>Testo</fo:block></fo:table-cell></fo:table-row></fo:table-header>
            <fo:table-body><fo:table-row><fo:table-cell><fo:block>Note</fo:block></fo:table-cell><fo:table-cell>\(cells)<fo:block>FINE</fo:block></fo:table-cell></fo:table-row></fo:table-body>
            </fo:table>
            """
        let pdf = try RenderingFixtures.render([try RenderingFixtures.document(text: RenderingFixtures.simplePage(table, lang: "it"))])
        defer { try? FileManager.default.removeItem(at: pdf.deletingLastPathComponent()) }
        let pages = Int(try Poppler.info(pdf)["Pages"] ?? "") ?? 0
        #expect(pages >= 2)
        let last = try Poppler.text(pdf, first: pages, last: pages)
        #expect(last.hasPrefix("Voce Testo"), "the header is repeated above the continuation")
        #expect(last.contains("FINE"))
        #expect(try Poppler.text(pdf).components(separatedBy: "1. Una riga").count == 2, "no line is lost or doubled")
    }

    @Test func pageNumbersAndIdsInCellsFollowTheirRows() throws {
        let rows = (1...70).map { number in
            "<fo:table-row\(number == 65 ? " id=\"late\"" : "")><fo:table-cell><fo:block>r\(number) p<fo:page-number/></fo:block></fo:table-cell></fo:table-row>"
        }.joined()
        let blocks = """
            <fo:block>late row on <fo:page-number-citation ref-id="late"/></fo:block>
            <fo:table><fo:table-body>\(rows)</fo:table-body></fo:table>
            """
        let pdf = try RenderingFixtures.render([try RenderingFixtures.document(text: RenderingFixtures.simplePage(blocks, lang: "it"))])
        defer { try? FileManager.default.removeItem(at: pdf.deletingLastPathComponent()) }
        #expect(try Poppler.info(pdf)["Pages"] == "2")
        let second = try Poppler.text(pdf, first: 2, last: 2)
        #expect(second.contains("r65 p2") && second.contains("r70 p2") && !second.contains(" p1"))
        #expect(try Poppler.text(pdf, first: 1, last: 1).contains("late row on 2"))
    }
}
