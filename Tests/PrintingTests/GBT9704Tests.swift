import Foundation
import Printing
import Records
import Rendering
import XML
import TestSupport
import Testing

/// The CN-FJ placement letters measured against GB/T 9704-2012 as an outsider would: positions
/// from `pdftotext -bbox`, rules from the pixels of `pdftoppm`, faces from `pdffonts` and
/// fontconfig. Millimetres from the page's top left; A4, 版心 156 × 225 mm from 37 mm down,
/// 28 mm in on odd pages and 26 mm on even ones.
@Suite struct GBT9704Tests {
    struct Word { let text: String; let page: Int; let xMin, yMin, xMax, yMax: Double }

    static let mm = 72 / 25.4
    static let letters = ["CN-FJ-placement.xml", "CN-FJ-placement-home-teaching.xml"]

    /// Each letter rendered once: its PDF in a temporary folder.
    static let rendered: [String: URL] = {
        var result: [String: URL] = [:]
        guard let folder = try? Run.temporaryFolder(), let catalog = try? SchemaCatalog(directory: Run.project.appendingPathComponent("Schemas")),
              let jurisdictions = try? ProjectJurisdictions.catalog() else { return result }
        let printer = RecordPrinter(validator: RecordValidator(catalog: catalog),
                                    forms: FormCatalog(directory: Run.project.appendingPathComponent("Forms"), jurisdictions: jurisdictions))
        for name in letters {
            guard let data = try? Data(contentsOf: Run.project.appendingPathComponent("Tests/Fixtures/records/" + name)),
                  let document = try? printer.prepare(data: data, file: name),
                  let pdf = try? PDFRenderer().pdfData([document.document]) else { continue }
            let url = folder.appendingPathComponent(name + ".pdf")
            try? pdf.write(to: url)
            result[name] = url
        }
        return result
    }()

    static func words(_ pdf: URL) throws -> [Word] {
        let run = try Run.program("pdftotext", ["-bbox", pdf.path, "-"])
        #expect(run.status == 0, "pdftotext (poppler-utils) must be installed")
        var words: [Word] = [], page = 0
        for line in run.stdout.split(separator: "\n") {
            if line.contains("<page ") { page += 1; continue }
            guard let match = line.firstMatch(of: /xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/) else { continue }
            words.append(Word(text: String(match.5), page: page, xMin: Double(match.1)! / mm, yMin: Double(match.2)! / mm,
                              xMax: Double(match.3)! / mm, yMax: Double(match.4)! / mm))
        }
        return words
    }

    static func pages(_ pdf: URL) throws -> Int {
        let info = try Run.program("pdfinfo", [pdf.path]).stdout
        return Int(info.firstMatch(of: /Pages:\s+(\d+)/)?.1 ?? "") ?? 0
    }

    /// Rows (in mm from the top) of page `page` that are dark across at least `minimum` mm.
    static func rules(_ pdf: URL, page: Int, minimum: Double = 150) throws -> [Double] {
        let prefix = pdf.deletingPathExtension().path + "-p\(page)"
        let run = try Run.program("pdftoppm", ["-gray", "-r", "144", "-f", "\(page)", "-l", "\(page)", "-singlefile", pdf.path, prefix])
        #expect(run.status == 0)
        let data = try Data(contentsOf: URL(fileURLWithPath: prefix + ".pgm"))
        // P5 header: magic, width, height, maximum, each followed by white space.
        var fields: [Int] = [], index = 2, current = ""
        while fields.count < 3 {
            let byte = data[index]; index += 1
            if byte == 0x20 || byte == 0x0A { if !current.isEmpty { fields.append(Int(current)!); current = "" } } else { current.append(Character(UnicodeScalar(byte))) }
        }
        let (width, height) = (fields[0], fields[1])
        let pixels = [UInt8](data[index...])
        var rows: [Double] = []
        for row in 0..<height {
            let dark = (0..<width).reduce(0) { $0 + (pixels[row * width + $1] < 128 ? 1 : 0) }
            if Double(dark) / 144 * 25.4 >= minimum { rows.append(Double(row) / 144 * 25.4) }
        }
        return rows
    }

    /// The top of the first ink below `below` mm on page 1 (the 发文机关标志).
    static func firstInk(_ pdf: URL) throws -> Double? {
        let prefix = pdf.deletingPathExtension().path + "-ink"
        _ = try Run.program("pdftoppm", ["-gray", "-r", "288", "-f", "1", "-l", "1", "-singlefile", pdf.path, prefix])
        let data = try Data(contentsOf: URL(fileURLWithPath: prefix + ".pgm"))
        let header = String(decoding: data.prefix(20), as: UTF8.self).split(whereSeparator: \.isWhitespace)
        let width = Int(header[1]) ?? 0, height = Int(header[2]) ?? 0, start = data.count - width * height
        for row in 0..<height where data[(start + row * width)..<(start + (row + 1) * width)].contains(where: { $0 < 160 }) {
            return Double(row) / 288 * 25.4
        }
        return nil
    }

    @Test(arguments: letters)
    func markNumberRuleAndTitleSitWhereTheStandardPutsThem(_ letter: String) throws {
        let pdf = try #require(Self.rendered[letter])
        let words = try Self.words(pdf).filter { $0.page == 1 }
        // 发文机关标志: centred, the top of its characters 35 mm below the text area's top (±1 mm).
        let ink = try #require(try Self.firstInk(pdf))
        #expect(abs(ink - (37 + 35)) < 1, "the mark's top is at \(ink) mm")
        let mark = try #require(words.first)
        #expect(abs((mark.xMin + mark.xMax) / 2 - (28 + 78)) < 1, "the mark is centred on the text area")
        // 发文字号 below it, centred; the red rule 4 mm below; the title below the rule, centred.
        let number = try #require(words.first { $0.text.contains("〔") })
        #expect(number.yMin > mark.yMax && abs((number.xMin + number.xMax) / 2 - 106) < 1)
        let title = try #require(words.first { ["随班就读认定书", "安置建议书"].contains($0.text) })
        #expect(abs((title.xMin + title.xMax) / 2 - 106) < 1 && title.yMin > number.yMax + 15, "title at \(title)")
        #expect(abs((title.xMax - title.xMin) / Double(title.text.count) * Self.mm - 22) < 0.3, "the title is 2号 (22pt)")
        let rule = try Self.rules(pdf, page: 1).filter { $0 > number.yMax && $0 < title.yMin }
        #expect(!rule.isEmpty, "a rule as wide as the text between number and title")
    }

    @Test(arguments: letters)
    func bodyLinesHold28CharactersAnd22LinesAPage(_ letter: String) throws {
        let pdf = try #require(Self.rendered[letter])
        let words = try Self.words(pdf)
        // Body text: 16pt Noto Serif CJK boxes are 23.2pt tall; CJK-only lines that fill the measure.
        // (On page 1, from the 主送 down: the 发文字号 above it is set apart.)
        let salutation = try #require(words.first { $0.page == 1 && $0.text.hasSuffix("）：") })
        let body = words.filter { abs(($0.yMax - $0.yMin) * Self.mm - 23.17) < 0.2 && $0.yMin > 37 && $0.yMax < 262
            && ($0.page > 1 || $0.yMin >= salutation.yMin) }
        let cjkOnly = body.filter { $0.text.unicodeScalars.allSatisfy { $0.value > 0x2E80 } }
        let full = cjkOnly.filter { $0.xMax - $0.xMin > 150 }
        // 28 a line; 27 where the 28th would start the next line's closing punctuation (禁则) and is carried over.
        #expect(full.count >= 3 && full.filter { $0.text.count == 28 }.count * 2 > full.count && full.allSatisfy { $0.text.count >= 27 },
                "full lines: \(full.map { $0.text.count })")
        #expect(cjkOnly.allSatisfy { $0.text.count <= 28 })
        for page in Set(body.map(\.page)) {
            let tops = Set(body.filter { $0.page == page }.map { ($0.yMin * 100).rounded() / 100 }).sorted()
            #expect(tops.count <= 22, "page \(page) has \(tops.count) lines")
            for (upper, lower) in zip(tops, tops.dropFirst()) {
                let pitch = (lower - upper) * Self.mm
                #expect(abs(pitch / 28.95 - (pitch / 28.95).rounded()) < 0.01, "lines \(pitch)pt apart on page \(page)")
            }
            // Within the text area: 28 mm in on odd pages, 26 mm on even ones, 156 mm wide.
            let left = page % 2 == 1 ? 28.0 : 26.0
            #expect(body.filter { $0.page == page }.allSatisfy { $0.xMin >= left - 0.3 && $0.xMax <= left + 156 + 0.3 })
        }
        // A page wholly of body text (page 2 of the longer letter) holds exactly 22 lines.
        if letter == "CN-FJ-placement.xml" {
            #expect(Set(body.filter { $0.page == 2 }.map { ($0.yMin * 100).rounded() }).count == 22)
        }
    }

    @Test(arguments: letters)
    func pageNumbersAndTheBanjiFollowTheStandard(_ letter: String) throws {
        let pdf = try #require(Self.rendered[letter])
        let words = try Self.words(pdf)
        let count = try Self.pages(pdf)
        #expect(count % 2 == 0, "the 版记 is on an even last page")
        for page in 1...count {
            // "— N —" below the text area, one 4号 character in from the outside edge.
            let line = words.filter { $0.page == page && $0.yMin > 262 }
            #expect(line.map(\.text) == ["—", "\(page)", "—"], "page \(page): \(line.map(\.text))")
            guard let first = line.first, let last = line.last else { continue }
            #expect(first.yMin < 262 + 10)
            if page % 2 == 1 {
                #expect(abs(last.xMax - (184 - 14 / Self.mm)) < 0.5, "odd page \(page) number ends at \(last.xMax) mm")
            } else {
                #expect(abs(first.xMin - (26 + 14 / Self.mm)) < 0.5, "even page \(page) number starts at \(first.xMin) mm")
            }
        }
        // 版记 on the last page only, its last rule on the text area's bottom edge (262 mm).
        let copies = words.filter { $0.text.hasPrefix("抄送：") }
        #expect(copies.map(\.page) == [count])
        #expect(words.filter { $0.text.hasSuffix("印发") }.map(\.page) == [count])
        let rules = try Self.rules(pdf, page: count)
        #expect(rules.contains { abs($0 - 262) < 0.4 }, "rules at \(rules)")
        #expect(!words.contains { $0.text.contains("印章") }, "no printed seal placeholder")
    }

    /// Every character of the letters has a glyph in the face chosen for it: the body's 仿宋
    /// substitute (Noto Serif CJK SC) and the 楷体 substitute (AR PL UKai CN, fonts-arphic-ukai).
    @Test func everyCharacterHasAGlyphInTheChosenFaces() throws {
        for (letter, pdf) in Self.rendered.sorted(by: { $0.key < $1.key }) {
            let fonts = try Run.program("pdffonts", [pdf.path]).stdout
            #expect(fonts.contains("NotoSerifCJKsc-Regular") && fonts.contains("UKaiCN"), "\(letter): \(fonts)")
            let text = try Run.program("pdftotext", ["-raw", "-enc", "UTF-8", pdf.path, "-"]).stdout
            let characters = Set(text.unicodeScalars.filter { $0.value > 0x2E80 }.map(\.value))
            for family in ["Noto Serif CJK SC", "AR PL UKai CN"] {
                let file = try Run.program("fc-match", ["-f", "%{file}", family]).stdout
                let charset = try Run.program("fc-query", ["-i", "0", "-f", "%{charset}", file]).stdout
                var covered = Set<UInt32>()
                for part in charset.split(separator: " ") {
                    let bounds = part.split(separator: "-").compactMap { UInt32($0, radix: 16) }
                    if let low = bounds.first, let high = bounds.last, low <= high { covered.formUnion(low...high) }
                }
                let missing = characters.subtracting(covered).compactMap(Unicode.Scalar.init).map(String.init).joined()
                #expect(missing.isEmpty, "\(letter): \(family) (\(file)) has no glyph for \(missing)")
            }
        }
    }
}
