import Foundation
import Rendering
import Testing

@Suite struct PDFRendererTests {
    @Test func documentsMergeInOrderEachNumberingItsOwnPages() throws {
        let renderer = PDFRenderer()
        let documents = try ["cn-letter.fo", "jp-notice.fo", "it-table.fo"].map(RenderingFixtures.document)
        let pdf = try RenderingFixtures.render(documents, renderer: renderer)
        defer { try? FileManager.default.removeItem(at: pdf.deletingLastPathComponent()) }
        #expect(renderer.lastPageCount == 5)
        #expect(try Poppler.info(pdf)["Pages"] == "5")
        #expect(try Poppler.text(pdf, first: 2, last: 2).contains("第 2 页 共 2 页"))
        #expect(try Poppler.text(pdf, first: 3, last: 3).contains("1 / 1"), "the notice counts its own pages")
        #expect(try Poppler.text(pdf, first: 5, last: 5).contains("Pagina 2 di 2"))
        for font in try Poppler.fonts(pdf) { #expect(font.embedded && font.subset, "\(font.name)") }
    }

    @Test func twoRenderersOnTwoThreadsGiveTheSameText() async throws {
        let document = try RenderingFixtures.document("it-table.fo")
        let texts = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<2 {
                group.addTask {
                    let renderer = PDFRenderer()
                    var data = Data()
                    for _ in 0..<5 { data = try renderer.pdfData([document]) }
                    let folder = try RenderingFixtures.temporaryCopy(of: "seal.png")
                    defer { try? FileManager.default.removeItem(at: folder) }
                    let url = folder.appendingPathComponent("out.pdf")
                    try data.write(to: url)
                    return try Poppler.text(url)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(texts.count == 2 && texts[0] == texts[1] && texts[0].contains("Area 45"))
    }

    @Test func absoluteContainerSitsAtItsPlaceOnTheBodyAndImagesAreEmbeddedOnce() throws {
        let pdf = try RenderingFixtures.render([RenderingFixtures.document("seal-box.fo")])
        defer { try? FileManager.default.removeItem(at: pdf.deletingLastPathComponent()) }
        let run = try Poppler.bbox(pdf)
        let mm = 72 / 25.4
        // Container: body origin (25 mm, 25 mm) + left 110 mm, top 100 mm, then 1 pt border and 2 mm padding.
        let seal = try #require(run.first { $0.word == "（盖章处）" })
        #expect(seal.xMin >= 135 * mm && seal.xMin < 185 * mm, "x \(seal.xMin)")
        #expect(seal.yMin >= 125 * mm && seal.yMin < 135 * mm, "y \(seal.yMin)")
        // The flow is not pushed down by the container.
        let first = try #require(run.first { $0.word.hasPrefix("正文第一行") })
        #expect(first.yMin < 30 * mm)
        let images = try Poppler.images(pdf)
        #expect(images.count == 2 && Set(images.map(\.object)).count == 1, "one image object drawn twice: \(images)")
        #expect(images.allSatisfy { $0.width == 40 && $0.height == 40 })
    }

    @Test func citationsFindBlocksInlinesTablesAndSequencesAheadOfThem() throws {
        let blocks = """
            <fo:block>see <fo:page-number-citation ref-id="b"/>, <fo:page-number-citation ref-id="i"/>, <fo:page-number-citation ref-id="t"/>, <fo:page-number-citation ref-id="s"/> of <fo:page-number-citation-last ref-id="s"/></fo:block>
            <fo:block break-before="page" id="b">two</fo:block>
            <fo:block break-before="page">three <fo:inline id="i">here</fo:inline></fo:block>
            <fo:table id="t" break-before="page"><fo:table-body><fo:table-row><fo:table-cell><fo:block>four</fo:block></fo:table-cell></fo:table-row></fo:table-body></fo:table>
            """
        let pdf = try RenderingFixtures.render([try RenderingFixtures.document(text: RenderingFixtures.simplePage(blocks, lang: "it", attributes: " initial-page-number=\"7\""))])
        defer { try? FileManager.default.removeItem(at: pdf.deletingLastPathComponent()) }
        #expect(try Poppler.info(pdf)["Pages"] == "4")
        #expect(try Poppler.text(pdf, first: 1, last: 1).contains("see 8, 9, 10, 7 of 10"))
    }

    @Test func xmlWhiteSpaceCollapsesButAnIdeographicSpaceStays() throws {
        let blocks = "<fo:block>就学先：\n    第一小学校\u{3000}特別支援学級  (A)</fo:block>"
        let pdf = try RenderingFixtures.render([try RenderingFixtures.document(text: RenderingFixtures.simplePage(blocks, lang: "ja"))])
        defer { try? FileManager.default.removeItem(at: pdf.deletingLastPathComponent()) }
        // pdftotext writes U+3000 as a plain space; the gap before the next word tells them apart.
        #expect(try Poppler.text(pdf).contains("就学先： 第一小学校 特別支援学級 (A)"))
        let words = try Poppler.bbox(pdf)
        let school = try #require(words.first { $0.word == "第一小学校" })
        let kind = try #require(words.first { $0.word == "特別支援学級" })
        #expect(abs(kind.xMin - school.xMax - 11) < 1, "an ideographic space is 1 em (11pt) wide: \(kind.xMin - school.xMax)")
    }
}
