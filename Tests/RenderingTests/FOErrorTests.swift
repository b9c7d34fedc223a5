import Foundation
import Rendering
import Testing

@Suite struct FOErrorTests {
    /// Each broken flow: its content (line 10 of the page is the first line of `blocks`) and what the message must name.
    @Test(arguments: [
        ("<fo:float><fo:block>x</fo:block></fo:float>", "line 10: fo:float is not supported by the renderer (see Forms/FO-SUBSET.md)"),
        ("<fo:block hyphenate=\"true\">x</fo:block>", "line 10: property hyphenate on fo:block is not supported"),
        ("<fo:block font-size=\"12 pt\">x</fo:block>", "line 10: font-size=\"12 pt\" cannot be used"),
        ("<fo:block color=\"purple\">x</fo:block>", "line 10: color=\"purple\" cannot be used"),
        ("<fo:block><fo:external-graphic src=\"url('missing.png')\"/></fo:block>", "line 10: the image missing.png cannot be found"),
        ("<fo:block><fo:external-graphic src=\"url('../RenderingFixtures.swift')\"/></fo:block>", "is not a PNG image"),
        ("<fo:block><fo:page-number-citation-last ref-id=\"nowhere\"/></fo:block>", "line 10: ref-id=\"nowhere\" names no element"),
        ("<fo:inline>x</fo:inline>", "line 10: fo:inline cannot stand inside fo:flow"),
        ("<fo:block>x</fo:block>\n<fo:block>y</fo:bloc>", "line 11: the form's output is not usable XML"),
        ("<fo:block xmlns:x=\"urn:x\"><x:b/></fo:block>", "line 10: b is not supported by the renderer"),
    ])
    func brokenFOIsRefusedWithSourceAndLine(blocks: String, message: String) throws {
        let error = #expect(throws: RenderingError.self) {
            try RenderingFixtures.document(text: RenderingFixtures.simplePage(blocks), source: "Forms/CN-FJ/letter.xsl")
        }
        let description = error?.description ?? ""
        #expect(description.hasPrefix("Forms/CN-FJ/letter.xsl line"), "names the form: \(description)")
        #expect(description.contains(message), "\(description)")
    }

    @Test func theLineOfTheSimplePageIsTheOneTheTestsAssume() throws {
        let page = RenderingFixtures.simplePage("<fo:block>x</fo:block>")
        #expect(page.split(separator: "\n", omittingEmptySubsequences: false)[9].contains("<fo:block>x</fo:block>"))
    }

    @Test func anUndecodableImageFailsTheRenderAndLeavesNoFile() throws {
        let folder = try RenderingFixtures.temporaryCopy(of: "seal.png")
        defer { try? FileManager.default.removeItem(at: folder) }
        // A PNG header with a valid size, then garbage: the reader accepts it, Cairo cannot decode it.
        var bytes = try Data(contentsOf: folder.appendingPathComponent("seal.png")).prefix(33)
        bytes.append(Data(repeating: 0x55, count: 64))
        try bytes.write(to: folder.appendingPathComponent("broken.png"))
        let document = try FODocument(data: Data(RenderingFixtures.simplePage("<fo:block><fo:external-graphic src=\"broken.png\"/></fo:block>").utf8),
                                      source: "broken.fo", resourceDirectory: folder)
        let output = folder.appendingPathComponent("out.pdf")
        let error = #expect(throws: RenderingError.self) { try PDFRenderer().render([document], to: output) }
        #expect(error?.description.contains("broken.fo line 10: the image broken.png cannot be decoded as PNG") == true, "\(String(describing: error))")
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: folder.path)) == ["seal.png", "broken.png"], "nothing partial is left")
    }

    @Test func anUnwritableOutputIsNamed() throws {
        let document = try RenderingFixtures.document(text: RenderingFixtures.simplePage("<fo:block>x</fo:block>"))
        let error = #expect(throws: RenderingError.self) {
            try PDFRenderer().render([document], to: URL(fileURLWithPath: "/nonexistent-folder/out.pdf"))
        }
        #expect(error?.description.hasPrefix("/nonexistent-folder/out.pdf cannot be written") == true)
    }

    @Test func nothingToRenderIsAnError() {
        #expect(throws: RenderingError.nothingToRender) { try PDFRenderer().pdfData([]) }
    }
}
