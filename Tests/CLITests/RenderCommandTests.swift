import Foundation
import TestSupport
import Testing

/// `inclusio render`, judged by poppler's tools (pdfinfo, pdffonts, pdftotext).
@Suite struct RenderCommandTests {
    /// What a record says that its PDF must show.
    struct Expected: Sendable {
        let record: String
        let pupil: String
        let reference: String
        let placement: String?
    }

    /// Every sample record, rendered once for all tests (rendering is the slow part).
    struct Rendered: Sendable {
        let records: URL
        let pdfs: URL
        let run: Run
        let expected: [String: Expected]  // by PDF name
    }

    static let shared: Result<Rendered, RenderTestError> = {
        do {
            let folder = try Run.temporaryFolder()
            let records = folder.appendingPathComponent("records"), pdfs = folder.appendingPathComponent("pdf")
            let generated = try Run.inclusio(["generate", "Samples/cases", "-o", records.path])
            guard generated.status == 0 else { return .failure(RenderTestError(message: generated.stderr)) }
            let run = try Run.inclusio(["render", records.path, "-o", pdfs.path])
            var expected: [String: Expected] = [:]
            for name in Run.files(in: records) {
                let xml = try String(contentsOf: records.appendingPathComponent(name), encoding: .utf8)
                let pupil = section(xml, "pupil")
                let family = first(pupil, "family") ?? "", given = first(pupil, "given") ?? ""
                expected[name.replacingOccurrences(of: ".xml", with: ".pdf")] = Expected(
                    record: name, pupil: family + given, reference: first(xml, "referenceNumber") ?? rootId(xml),
                    placement: first(xml, "placementForm") ?? first(xml, "placementKind") ?? first(xml, "measure"))
            }
            return .success(Rendered(records: records, pdfs: pdfs, run: run, expected: expected))
        } catch {
            return .failure(RenderTestError(message: "\(error)"))
        }
    }()

    private static func section(_ xml: String, _ tag: String) -> String {
        guard let start = xml.range(of: "<\(tag)>"), let end = xml.range(of: "</\(tag)>", range: start.upperBound..<xml.endIndex) else { return "" }
        return String(xml[start.upperBound..<end.lowerBound])
    }

    /// The record number (root `id`), for records without a reference number.
    private static func rootId(_ xml: String) -> String {
        guard let start = xml.range(of: " id=\""), let end = xml[start.upperBound...].firstIndex(of: "\"") else { return "" }
        return String(xml[start.upperBound..<end])
    }

    private static func first(_ xml: String, _ tag: String) -> String? {
        let value = section(xml, tag)
        return value.isEmpty ? nil : value
    }

    /// Text without any white space (justified CJK lines may be spaced out by pdftotext).
    private static func squeezed(_ text: String) -> String { String(text.unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) }.map(Character.init)) }

    /// The PDF's text as pdftotext reads it in reading order and in `-layout` mode, run together:
    /// a value split across cells is whole in one of the two (an ideographic space between family
    /// and given name splits the reading order; a wrapped neighbouring cell splits layout lines).
    private static func text(of pdf: URL, page: Int? = nil) throws -> String {
        let pages = page.map { ["-f", "\($0)", "-l", "\($0)"] } ?? []
        var text = ""
        for mode in [[], ["-layout"]] {
            let run = try Run.program("pdftotext", pages + mode + ["-enc", "UTF-8", pdf.path, "-"])
            #expect(run.status == 0, "pdftotext must be installed (poppler-utils): \(run.stderr)")
            text += squeezed(run.stdout) + "\n"
        }
        return text
    }

    private static func pages(of pdf: URL) throws -> Int {
        let info = try Run.program("pdfinfo", [pdf.path])
        return info.stdout.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
    }

    @Test func everySampleRecordIsRenderedAndNamedWithoutPersonalData() throws {
        let rendered = try Self.shared.get()
        #expect(rendered.run.status == 0, "\(rendered.run.stderr)")
        #expect(rendered.expected.count == 23)
        let files = Run.files(in: rendered.pdfs)
        #expect(files == rendered.expected.keys.sorted(), "one PDF per record, named like it, no temporary left")
        let pattern = /^[a-z-]+-[0-9a-f]{12}-v[0-9]+\.pdf$/
        #expect(files.allSatisfy { $0.wholeMatch(of: pattern) != nil })
        #expect(rendered.run.stdout.hasPrefix("Rendered 23 of 23 records into \(rendered.pdfs.path):"))
    }

    @Test func everyPDFIsA4WithEveryFontEmbedded() throws {
        let rendered = try Self.shared.get()
        for name in rendered.expected.keys.sorted() {
            let pdf = rendered.pdfs.appendingPathComponent(name)
            let info = try Run.program("pdfinfo", [pdf.path])
            #expect(info.status == 0 && info.stdout.contains("(A4)"), "\(name): \(info.stdout)\(info.stderr)")
            let fonts = try Run.program("pdffonts", [pdf.path])
            let rows = fonts.stdout.split(separator: "\n").dropFirst(2)
            #expect(fonts.status == 0 && !rows.isEmpty, "\(name): pdffonts lists no font")
            for row in rows {
                // columns: name type encoding emb sub uni object ID — emb is the 5th from the end.
                let columns = row.split(separator: " ")
                #expect(columns.count >= 5 && columns[columns.count - 5] == "yes", "\(name): not embedded: \(row)")
            }
        }
    }

    @Test func everyPDFShowsThePupilTheReferenceAndThePlacement() throws {
        let rendered = try Self.shared.get()
        for (name, expected) in rendered.expected.sorted(by: { $0.key < $1.key }) {
            let text = try Self.text(of: rendered.pdfs.appendingPathComponent(name))
            #expect(!expected.pupil.isEmpty && text.contains(Self.squeezed(expected.pupil)), "\(expected.record): pupil's name missing")
            #expect(!expected.reference.isEmpty && text.contains(Self.squeezed(expected.reference)), "\(expected.record): reference or record number missing")
            if name.hasPrefix("placement-"), let placement = expected.placement {
                #expect(text.contains(Self.squeezed(placement)), "\(expected.record): placement missing")
            }
        }
    }

    /// Codici fiscali, record numbers and dates that a PDF prints are printed on one line:
    /// a break (or a hyphen) changes an identifier. Judged on `pdftotext -raw`'s words.
    @Test func identifiersAndDatesAreNeverBroken() throws {
        let rendered = try Self.shared.get()
        var checked = 0
        for (name, expected) in rendered.expected.sorted(by: { $0.key < $1.key }) {
            let xml = try String(contentsOf: rendered.records.appendingPathComponent(expected.record), encoding: .utf8)
            var identifiers = Set(xml.matches(of: /<itCodiceFiscale>([A-Z0-9]{16})</).map { String($0.1) })
            identifiers.formUnion(xml.matches(of: /[A-Z]{2}-\d{4}-[A-Z0-9]+(?:-[A-Z0-9]+)*/).map { String($0.0) })
            if expected.record.hasPrefix("IT-MO") || xml.contains("jurisdiction=\"IT-MO\"") {
                identifiers.formUnion(xml.matches(of: />(\d{4})-(\d{2})-(\d{2})</).map { "\($0.3)/\($0.2)/\($0.1)" })
            }
            let pdf = rendered.pdfs.appendingPathComponent(name)
            let squeezedText = try Self.text(of: pdf)
            let words = try Run.program("pdftotext", ["-raw", "-enc", "UTF-8", pdf.path, "-"]).stdout.split(whereSeparator: \.isWhitespace)
            for identifier in identifiers where squeezedText.contains(identifier) {
                #expect(words.contains { $0.contains(identifier) }, "\(expected.record): \(identifier) is broken across lines")
                checked += 1
            }
            #expect(!squeezedText.contains("\u{2010}"), "\(expected.record): a hyphen was inserted")
        }
        #expect(checked > 40, "only \(checked) identifiers were found printed")
    }

    @Test func lettersFollowTheirJurisdictionsLayout() throws {
        let rendered = try Self.shared.get()
        let letters = rendered.expected.filter { $0.key.hasPrefix("placement-") }
        let chinese = try #require(letters.first { $0.value.reference.contains("〔") })
        let cn = try Self.text(of: rendered.pdfs.appendingPathComponent(chinese.key))
        let cnPages = try Self.pages(of: rendered.pdfs.appendingPathComponent(chinese.key))
        #expect(cn.contains("—1—") && cn.contains("—\(cnPages)—") && cn.contains("抄送") && cnPages % 2 == 0)
        let japanese = try #require(letters.first { $0.value.reference.contains("川教") })
        let jp = try Self.text(of: rendered.pdfs.appendingPathComponent(japanese.key))
        #expect(jp.contains("様") && jp.contains("記") && jp.contains("以上") && jp.contains("1/"))
    }

    @Test func mergeGivesOnePDFWithThePagesInInputOrder() throws {
        let rendered = try Self.shared.get()
        let names = ["placement", "iep", "certificate"].compactMap { kind in rendered.expected.keys.sorted().first { $0.hasPrefix(kind + "-") } }
        let folder = try Run.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let merged = folder.appendingPathComponent("all.pdf")
        let run = try Run.inclusio(["render"] + names.map { rendered.records.appendingPathComponent(rendered.expected[$0]!.record).path } + ["--merge", merged.path])
        #expect(run.status == 0, "\(run.stderr)")
        let counts = try names.map { try Self.pages(of: rendered.pdfs.appendingPathComponent($0)) }
        // Every record starts on a recto (odd) page: an empty page follows a record that ends on one.
        let starts = counts.dropLast().reduce(into: [1]) { starts, count in starts.append(starts.last! + count + count % 2) }
        #expect(try Self.pages(of: merged) == starts.last! + counts.last! - 1)
        for (name, first) in zip(names, starts) {
            let page = try Self.text(of: merged, page: first)
            #expect(page.contains(Self.squeezed(rendered.expected[name]!.reference)), "\(name) must start at page \(first)")
            #expect(first % 2 == 1)
        }
        #expect(Run.files(in: folder) == ["all.pdf"])
    }

    @Test func aCaseFileIsGeneratedThenRendered() throws {
        let folder = try Run.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Run.inclusio(["render", "Samples/cases/JP-11/notices.csv", "-o", folder.path, "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect(((json?["result"] as? [String: Any])?["rendered"] as? [Any])?.count == 6 && (json?["failures"] as? [Any])?.isEmpty == true)
        #expect(Run.files(in: folder).count == 6)
    }

    /// An XML case file is a case by its root namespace, whatever the extension says.
    @Test func anXMLCaseFileIsGeneratedThenRendered() throws {
        let folder = try Run.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Run.inclusio(["render", "Samples/cases/IT-MO/case-02.xml", "-o", folder.path, "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let rendered = (json?["result"] as? [String: Any])?["rendered"] as? [[String: Any]] ?? []
        #expect(!rendered.isEmpty && (json?["failures"] as? [Any])?.isEmpty == true, "\(run.stdout)")
        #expect(rendered.allSatisfy { ($0["file"] as? String)?.hasPrefix("Samples/cases/IT-MO/case-02.xml") == true }, "\(run.stdout)")
        let records = try Run.inclusio(["generate", "Samples/cases/IT-MO/case-02.xml", "-o", folder.appendingPathComponent("records").path, "--json"])
        let generated = ((try JSONSerialization.jsonObject(with: Data(records.stdout.utf8)) as? [String: Any])?["result"] as? [String: Any])?["records"] as? [Any]
        #expect(rendered.count == generated?.count && Run.files(in: folder).filter { $0.hasSuffix(".pdf") }.count == rendered.count)
    }

    /// The pupil's name of `fixture` replaced by one with its own order and separator.
    private static func renamed(_ fixture: String, family: String, given: String, attributes: String) throws -> String {
        let xml = try String(contentsOf: Run.project.appendingPathComponent("Tests/Fixtures/records/\(fixture).xml"), encoding: .utf8)
        let pupil = try #require(xml.range(of: "<pupil>"))
        let open = try #require(xml.range(of: "<name>", range: pupil.upperBound..<xml.endIndex))
        let close = try #require(xml.range(of: "</name>", range: open.upperBound..<xml.endIndex))
        return xml.replacingCharacters(in: open.lowerBound..<close.upperBound,
                                       with: "<name \(attributes)><family>\(family)</family><given>\(given)</given></name>")
    }

    // A Uyghur name is written given name · family name (买买提·艾力), not 艾力买买提; each form prints the
    // record's own order and separator: the CN letter, the CN form, the JP letter, the IT form.
    @Test(arguments: [
        ("CN-FJ-placement", "艾力", "买买提", "order=\"given-first\" separator=\"·\"", "买买提·艾力", "艾力买买提"),
        ("CN-FJ-certificate", "艾力", "买买提", "order=\"given-first\" separator=\"·\"", "买买提·艾力", "艾力买买提"),
        ("JP-11-placement", "スミス", "ジョン", "order=\"given-first\" separator=\"・\"", "ジョン・スミス", "スミスジョン"),
        ("IT-MO-iep", "Verdi", "Anna", "order=\"given-first\"", "AnnaVerdi", "VerdiAnna"),
        ("CN-FJ-placement", "陈", "一鸣", "", "陈一鸣", "一鸣陈"),
    ])
    func namesArePrintedInTheRecordsOrderWithItsSeparator(fixture: String, family: String, given: String, attributes: String,
                                                          printed: String, never: String) throws {
        let folder = try Run.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let record = folder.appendingPathComponent("\(fixture).xml")
        try Self.renamed(fixture, family: family, given: given, attributes: attributes).write(to: record, atomically: true, encoding: .utf8)
        let validated = try Run.inclusio(["validate", record.path])
        #expect(validated.status == 0, "\(validated.stderr)")
        let run = try Run.inclusio(["render", record.path, "-o", folder.path])
        #expect(run.status == 0, "\(run.stderr)")
        let pdf = try #require(Run.files(in: folder).first { $0.hasSuffix(".pdf") })
        let text = try Self.text(of: folder.appendingPathComponent(pdf))
        #expect(text.contains(printed))
        #expect(!text.contains(never))
    }

    /// `fixture` with `edit` applied, validated, rendered; the PDF's text (white space removed).
    private static func rendered(_ fixture: String, _ edit: (String) -> String = { $0 }) throws -> String {
        let folder = try Run.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let xml = try String(contentsOf: Run.project.appendingPathComponent("Tests/Fixtures/records/\(fixture).xml"), encoding: .utf8)
        let record = folder.appendingPathComponent("\(fixture).xml")
        try edit(xml).write(to: record, atomically: true, encoding: .utf8)
        let validated = try Run.inclusio(["validate", record.path])
        #expect(validated.status == 0, "\(validated.stderr)")
        let run = try Run.inclusio(["render", record.path, "-o", folder.path])
        #expect(run.status == 0, "\(run.stderr)")
        let pdf = try #require(Run.files(in: folder).first { $0.hasSuffix(".pdf") })
        return try text(of: folder.appendingPathComponent(pdf))
    }

    // 001 第三步 calls the 随班就读认定/安置建议书 advice (安置建议), so neither letter says 现决定; 000 §2: the guardian
    // applies through the school for 复测和重新认定, at intervals "一般不短于一个学期".
    @Test(arguments: [("CN-FJ-placement-home-teaching", "提出安置建议如下", "特此告知"), ("CN-FJ-placement", "予以认定", "特此通知")])
    func chineseLettersSayWhatTheNoticeSays(fixture: String, wording: String, closing: String) throws {
        // GB/T 9704 page numbers ("— 1 —") fall between one page's last words and the next's: left out.
        let text = try Self.rendered(fixture).replacing(/—\d+—/, with: "")
        #expect(text.contains(wording) && text.contains(closing))
        #expect(!text.contains("现决定"))
        #expect(text.contains("监护人可通过学校向属地教育行政部门申请复测和重新认定"))
        #expect(text.contains("申请复测和重新认定时间间隔一般不短于一个学期"))
        #expect(!text.contains("两次评估间隔不少于一学期"))
    }

    // 002 §3: a deferral (猶予) is notified as a deferral, not as 区分 就学.
    @Test func japaneseDeferralIsNotifiedAsADeferral() throws {
        let text = try Self.rendered("JP-11-placement-exemption")
        #expect(text.contains("就学義務の猶予について（通知）"))
        #expect(text.contains("就学義務の猶予を決定しました"))
        #expect(text.contains("区分就学義務の猶予"))
        #expect(text.range(of: "区分就学[0-9]", options: .regularExpression) == nil)   // 区分 then the next item's number
    }

    // 002 §2 (12月上旬): the 特別支援学校等への就学の通知 goes from the municipal board to the prefectural board with the
    // 就学・転学相談票; it is not a letter to the guardian.
    @Test func japaneseReportToThePrefectureIsItsOwnDocument() throws {
        let text = try Self.rendered("JP-11-placement") { xml in
            xml.replacingOccurrences(of: "<documentType>入学期日及び学校指定通知</documentType>", with: "<documentType>特別支援学校等への就学の通知</documentType>")
                .replacingOccurrences(of: "<documentType>就学先決定の通知</documentType>", with: "<documentType>特別支援学校等への就学の通知</documentType>")
                .replacingOccurrences(of: "</consultation>", with: "</consultation><consultationSheet><preparedDate>2026-11-27</preparedDate></consultationSheet>")
        }
        #expect(text.contains("埼玉県教育委員会教育長様"))
        #expect(text.contains("特別支援学校等への就学の通知"))
        #expect(text.contains("就学・転学相談票を添えて通知します"))
        #expect(text.contains("添付書類就学・転学相談票（令和8年11月27日作成）"))
        #expect(!text.contains("保護者山田") && !text.contains("（通知）"))
    }
}

struct RenderTestError: Error, Sendable { let message: String }
