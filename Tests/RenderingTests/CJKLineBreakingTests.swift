import Foundation
import Rendering
import Testing

@Suite struct CJKLineBreakingTests {
    /// Closing punctuation that must never start a line in Chinese.
    static let closing: Set<Character> = ["。", "、", "，", "」", "）", "；", "：", "！", "？", "》"]

    @Test func closingPunctuationNeverStartsALine() throws {
        // One long paragraph, set at many widths so that line ends fall on every kind of mark.
        let sentence = "学校应当为其制定个别化教育计划，配备资源教师、提供辅助器具（见附件）。「家长意见」已确认；请于十日内办理！是否同意？见《条例》。"
        let blocks = (0..<24).map { index in
            "<fo:block end-indent=\"\(index * 3)pt\" space-after=\"6pt\">\(String(repeating: sentence, count: 3))</fo:block>"
        }.joined(separator: "\n")
        let pdf = try RenderingFixtures.render([try RenderingFixtures.document(text: RenderingFixtures.simplePage(blocks, lang: "zh-CN"))])
        defer { try? FileManager.default.removeItem(at: pdf.deletingLastPathComponent()) }
        let lines = try Poppler.text(pdf, layout: true).split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        #expect(lines.count > 100, "enough lines to meet every mark at a line end")
        for line in lines {
            #expect(!Self.closing.contains(line.first ?? " "), "a line starts with closing punctuation: \(line.prefix(4))")
        }
        // The test is only worth something if breaks did fall right after those marks.
        #expect(lines.filter { Self.closing.contains($0.last ?? " ") }.count >= 10)
    }

    @Test(arguments: [("zh-CN", "CJKsc"), ("ja", "CJKjp")])
    func languagePicksItsGlyphForms(lang: String, face: String) throws {
        let pdf = try RenderingFixtures.render([try RenderingFixtures.document(text: RenderingFixtures.simplePage("<fo:block>直角骨</fo:block>", lang: lang))])
        defer { try? FileManager.default.removeItem(at: pdf.deletingLastPathComponent()) }
        let fonts = try Poppler.fonts(pdf)
        #expect(!fonts.isEmpty && fonts.allSatisfy { $0.name.contains(face) }, "\(lang) text is set in Noto \(face): \(fonts.map(\.name))")
    }
}
