import Foundation
import Rendering
import Testing

@Suite struct ParagraphTests {
    /// The right edge of the body on `RenderingFixtures.simplePage` (A4, 25 mm margins).
    static let bodyRight = 595.28 - 25 * 72 / 25.4

    @Test(arguments: [
        ("text-align=\"end\"", bodyRight),
        ("text-align=\"start\" text-align-last=\"end\"", bodyRight),
        ("text-align=\"justify\" text-align-last=\"end\"", bodyRight),
    ])
    func lastLineTakesItsAlignment(attributes: String, right: Double) throws {
        let pdf = try RenderingFixtures.render([try RenderingFixtures.document(text: RenderingFixtures.simplePage(
            "<fo:block \(attributes)>Firma</fo:block>", lang: "it"))])
        defer { try? FileManager.default.removeItem(at: pdf.deletingLastPathComponent()) }
        let word = try #require(try Poppler.bbox(pdf).first { $0.word == "Firma" })
        #expect(abs(word.xMax - right) < 1, "\(attributes): ends at \(word.xMax)")
    }

    @Test func spacesResolveToTheLargerAndVanishAtThePageTop() throws {
        let blocks = """
            <fo:block space-before="30pt">A</fo:block>
            <fo:block space-after="10pt">B</fo:block>
            <fo:block space-before="20pt">C</fo:block>
            """
        let pdf = try RenderingFixtures.render([try RenderingFixtures.document(text: RenderingFixtures.simplePage(blocks, lang: "it"))])
        defer { try? FileManager.default.removeItem(at: pdf.deletingLastPathComponent()) }
        let words = try Poppler.bbox(pdf)
        let a = try #require(words.first { $0.word == "A" }), b = try #require(words.first { $0.word == "B" })
        let c = try #require(words.first { $0.word == "C" })
        #expect(a.yMin < 25 * 72 / 25.4 + 3, "space-before at the top of the page is dropped: \(a.yMin)")
        let line = b.yMin - a.yMin
        #expect(abs(line - 11 * 1.2) < 0.5, "line-height normal is 1.2 em: \(line)")
        #expect(abs(c.yMin - b.yMin - line - 20) < 0.5, "10pt after and 20pt before make 20pt: \(c.yMin - b.yMin - line)")
    }
}
