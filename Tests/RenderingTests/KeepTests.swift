import Foundation
import Rendering
import Testing

@Suite struct KeepTests {
    /// Filler that leaves about three lines free at the foot of page 1.
    static func filler(lines: Int) -> String {
        (1...lines).map { "<fo:block>riga \($0)</fo:block>" }.joined(separator: "\n")
    }

    @Test(arguments: [true, false])
    func aHeadingKeptWithNextMovesToThePageOfItsText(nested: Bool) throws {
        // 11pt × 1.2 = 13.2pt lines; the body is 247 mm = 700.2pt: 53 lines fit.
        let section = """
            <fo:block keep-with-next.within-page="always">TITOLO</fo:block>
            <fo:block keep-together.within-page="always">\((1...4).map { "<fo:block>testo \($0)</fo:block>" }.joined())</fo:block>
            """
        let body = Self.filler(lines: 51) + (nested ? "<fo:block>\(section)</fo:block>" : section)
        let pdf = try RenderingFixtures.render([try RenderingFixtures.document(text: RenderingFixtures.simplePage(body, lang: "it"))])
        defer { try? FileManager.default.removeItem(at: pdf.deletingLastPathComponent()) }
        let second = try Poppler.text(pdf, first: 2, last: 2)
        #expect(second.hasPrefix("TITOLO\ntesto 1"), "heading and kept text start page 2: \(second.prefix(30))")
        #expect(try Poppler.text(pdf, first: 1, last: 1).contains("riga 51"))
    }
}
