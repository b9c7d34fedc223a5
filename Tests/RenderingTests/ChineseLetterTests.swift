import Foundation
import Rendering
import Testing

@Suite struct ChineseLetterTests {
    @Test func letterHasTwoA4PagesWithEmbeddedSubsetFontsAndPageNumbers() throws {
        let pdf = try RenderingFixtures.render([RenderingFixtures.document("cn-letter.fo")])
        defer { try? FileManager.default.removeItem(at: pdf.deletingLastPathComponent()) }
        let info = try Poppler.info(pdf)
        #expect(info["Pages"] == "2")
        let size = try #require(try Poppler.pageSize(pdf))
        #expect(abs(size.width - 595.28) < 0.01 && abs(size.height - 841.89) < 0.01, "A4 is 595.28 × 841.89 pt")
        let fonts = try Poppler.fonts(pdf)
        #expect(!fonts.isEmpty)
        for font in fonts { #expect(font.embedded && font.subset, "font \(font.name) must be embedded as a subset") }
        let first = try Poppler.text(pdf, first: 1, last: 1)
        let second = try Poppler.text(pdf, first: 2, last: 2)
        #expect(first.contains("第 1 页 共 2 页"))
        #expect(second.contains("第 2 页 共 2 页"))
        #expect(first.contains("福建省某某县教育局") && second.contains("福建省某某县教育局"), "the header is on every page")
        #expect(first.contains("关于随班就读安置的函"))
        #expect(second.contains("签发页见第 2 页"), "the citation names the page the signature block starts on")
    }
}
