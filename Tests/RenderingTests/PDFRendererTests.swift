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
        #expect(try RenderingFixtures.info(pdf)["Pages"] == "5")
        #expect(try RenderingFixtures.text(pdf, first: 2, last: 2).contains("第 2 页 共 2 页"))
        #expect(try RenderingFixtures.text(pdf, first: 3, last: 3).contains("1 / 1"), "the notice counts its own pages")
        #expect(try RenderingFixtures.text(pdf, first: 5, last: 5).contains("Pagina 2 di 2"))
        for font in try RenderingFixtures.fonts(pdf) { #expect(font.embedded && font.subset, "\(font.name)") }
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
                    return try RenderingFixtures.text(url)
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
}
