import Foundation
import Rendering
import Testing

/// Type as a reader sees it: spacing, unbroken identifiers, no inserted hyphens, headings with
/// their tables, judged by `pdftotext` (`-raw` and `-bbox`).
@Suite struct TypesettingTests {
    static func render(_ blocks: String, lang: String) throws -> URL {
        try RenderingFixtures.render([try RenderingFixtures.document(text: RenderingFixtures.simplePage(blocks, lang: lang))])
    }

    /// Rounded glyph positions made "N ome" and "Dati delpiano": a search for the words fails.
    @Test func latinWordsKeepTheirSpacesAtSmallSizes() throws {
        let sentence = "Dati del piano educativo individualizzato e del profilo di funzionamento dell'alunno"
        let blocks = [7.5, 8.5, 9, 9.5, 10.5].map { "<fo:block font-size=\"\($0)pt\" font-family=\"sans-serif\">\(sentence)</fo:block>" }.joined()
        let pdf = try Self.render(blocks, lang: "it")
        defer { try? FileManager.default.removeItem(at: pdf.deletingLastPathComponent()) }
        let lines = try Poppler.text(pdf).split(separator: "\n").map(String.init)
        #expect(lines.filter { $0 == sentence }.count == 5, "\(lines)")
    }

    /// 10.5pt CJK text advances 10.5pt a character, not 11pt.
    @Test func cjkAdvancesAreTheFontSize() throws {
        let text = String(repeating: "教育局特殊教育指导中心", count: 2)
        let pdf = try Self.render("<fo:block font-size=\"10.5pt\" font-family=\"serif\">\(text)</fo:block>", lang: "zh-CN")
        defer { try? FileManager.default.removeItem(at: pdf.deletingLastPathComponent()) }
        let words = try Poppler.bbox(pdf)
        let width = (words.map(\.xMax).max() ?? 0) - (words.map(\.xMin).min() ?? 0)
        #expect(abs(width - 22 * 10.5) < 0.5, "22 characters span \(width)pt")
    }

    static let identifiers = ["RSSLCU20B17X000S", "P-29W2HRSK5H-QP", "17/02/2020", "MO-2026-0001-PEI", "2026年6月15日", "闽教特〔2026〕12号"]

    /// In a column narrower than the identifier a line may overflow, but never breaks inside it.
    @Test(arguments: [18.0, 30.0, 45.0])
    func identifiersDatesAndCodesAreNeverBroken(columnMM: Double) throws {
        let cells = Self.identifiers.map { "<fo:table-row><fo:table-cell><fo:block>Codice \($0) del 1</fo:block></fo:table-cell></fo:table-row>" }
        let blocks = """
            <fo:table table-layout="fixed" width="\(columnMM)mm"><fo:table-column column-width="\(columnMM)mm"/>
            <fo:table-body>\(cells.joined())</fo:table-body></fo:table>
            <fo:block text-align="justify">\(String(repeating: "Il codice fiscale RSSLCU20B17X000S e lo pseudonimo P-29W2HRSK5H-QP, nato il 17/02/2020. ", count: 6))</fo:block>
            """
        let pdf = try Self.render(blocks, lang: "it")
        defer { try? FileManager.default.removeItem(at: pdf.deletingLastPathComponent()) }
        let text = try Poppler.text(pdf)
        let words = Set(text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { String($0).trimmingCharacters(in: .punctuationCharacters.subtracting(["-", "/"])) })
        for identifier in Self.identifiers {
            #expect(words.contains(identifier) || text.contains(identifier), "\(identifier) broken at \(columnMM) mm: \(text)")
        }
        #expect(!text.contains("\u{2010}") && text.filter { $0 == "-" }.count == 5 + 2 * 6, "no inserted hyphen: \(text)")
    }

    /// Long words in a narrow column wrap without a printed hyphen.
    @Test func aLongWordWrapsWithoutAnInsertedHyphen() throws {
        let blocks = """
            <fo:table table-layout="fixed" width="12mm"><fo:table-column column-width="12mm"/><fo:table-body><fo:table-row><fo:table-cell>
            <fo:block>psicomotricità neuropsichiatria SCUOLAPRIMARIAMODENA</fo:block></fo:table-cell></fo:table-row></fo:table-body></fo:table>
            """
        let pdf = try Self.render(blocks, lang: "it")
        defer { try? FileManager.default.removeItem(at: pdf.deletingLastPathComponent()) }
        let text = try Poppler.text(pdf)
        #expect(!text.contains("-") && !text.contains("\u{2010}") && !text.contains("\u{AD}"), "\(text)")
    }

    /// A heading with keep-with-next moves with its table's header and first (tall) row, not
    /// just two lines of it.
    @Test func aHeadingStaysWithItsTablesHeaderAndFirstRow() throws {
        let tall = (1...6).map { "<fo:block>obiettivo riga \($0)</fo:block>" }.joined()
        let blocks = KeepTests.filler(lines: 46) + """
            <fo:block keep-with-next.within-page="always">Obiettivi</fo:block>
            <fo:table table-layout="fixed" width="100%"><fo:table-column column-width="100%"/>
            <fo:table-header><fo:table-row><fo:table-cell><fo:block>Area</fo:block></fo:table-cell></fo:table-row></fo:table-header>
            <fo:table-body><fo:table-row><fo:table-cell>\(tall)</fo:table-cell></fo:table-row>
            <fo:table-row><fo:table-cell><fo:block>secondo</fo:block></fo:table-cell></fo:table-row></fo:table-body></fo:table>
            """
        let pdf = try Self.render(blocks, lang: "it")
        defer { try? FileManager.default.removeItem(at: pdf.deletingLastPathComponent()) }
        #expect(try Poppler.text(pdf, first: 2, last: 2).hasPrefix("Obiettivi\nArea\nobiettivo riga 1"))
        #expect(try Poppler.text(pdf, first: 1, last: 1).contains("riga 46"))
    }
}
