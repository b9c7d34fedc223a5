import Foundation
import Printing
import Rendering
import Records
import XML
import TestSupport
import Testing

/// Paper in the reader's language: no schema code word (an enumeration value, an element or
/// attribute name, a document kind), file path, "UTC" or seed citation on a Chinese, Japanese or
/// Italian document, and full-width punctuation in Chinese and Japanese. Judged on `pdftotext`.
@Suite struct PaperLanguageTests {
    let printer: RecordPrinter

    init() throws {
        let catalog = try SchemaCatalog(directory: Run.project.appendingPathComponent("Schemas"))
        printer = RecordPrinter(validator: RecordValidator(catalog: catalog),
                                forms: FormCatalog(directory: Run.project.appendingPathComponent("Forms"), jurisdictions: try ProjectJurisdictions.catalog()))
    }

    /// Every fixture record, and a handover register of each jurisdiction, rendered through its form.
    @Test(arguments: try Self.documents())
    func noCodeWordOrPathIsPrinted(_ name: String) throws {
        let jurisdiction = try #require(["CN-FJ", "JP-11", "IT-MO"].first { name.split(separator: "/").last?.hasPrefix($0) == true })
        let data = try Data(contentsOf: Run.project.appendingPathComponent("Tests/Fixtures").appendingPathComponent(name))
        let document = if name.hasPrefix("registers/") {
            try printer.prepare(generated: data, file: name, jurisdiction: jurisdiction, kind: "handover-register")
        } else {
            try printer.prepare(data: data, file: name)
        }
        let pdf = try PDFRenderer().pdfData([document.document])
        let text = try Self.text(pdf)
        let found = PaperWords.codeWords(in: text, jurisdiction: jurisdiction)
        #expect(found.isEmpty, "\(name) prints schema code words or paths: \(found.sorted())")
        if jurisdiction != "IT-MO" {
            // Times (10:20) keep their colon; labels and lists take the full-width ones.
            let ascii = text.split(separator: "\n").filter { $0.contains(/[^0-9]:|:[^0-9]|;/) }
            #expect(ascii.isEmpty, "\(name) has ASCII punctuation in \(jurisdiction) text: \(ascii.prefix(5))")
        }
    }

    static func documents() throws -> [String] {
        let records = Run.files(in: Run.project.appendingPathComponent("Tests/Fixtures/records")).filter { $0.hasSuffix(".xml") }
        return records.map { "records/" + $0 } + ["CN-FJ", "JP-11", "IT-MO"].map { "registers/\($0)-handover-register.xml" }
    }

    static func text(_ pdf: Data) throws -> String {
        let folder = try Run.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("out.pdf")
        try pdf.write(to: file)
        let run = try Run.program("pdftotext", ["-raw", "-enc", "UTF-8", file.path, "-"])
        #expect(run.status == 0, "pdftotext (poppler-utils) must be installed: \(run.stderr)")
        return run.stdout
    }
}

/// The words that must never reach paper, read from the project's schemas.
enum PaperWords {
    /// ASCII enumeration values of lists that hold no phrase (a phrase list is itself in the
    /// jurisdiction's words, as `scuola primaria`), element and attribute names in camelCase or
    /// with a digit, and document kinds.
    static let codes: Set<String> = {
        var words: Set<String> = []
        let schemas = FileManager.default.enumerator(at: Run.project.appendingPathComponent("Schemas"), includingPropertiesForKeys: nil)
        while let url = schemas?.nextObject() as? URL {
            guard url.pathExtension == "xsd", let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            for restriction in text.matches(of: /<xs:restriction[^>]*>([\s\S]*?)<\/xs:restriction>/) {
                let values = restriction.1.matches(of: /enumeration value="([^"]+)"/).map { String($0.1) }
                guard values.allSatisfy({ !$0.contains(" ") && $0.unicodeScalars.allSatisfy(\.isASCII) }) else { continue }
                words.formUnion(values.filter { $0.count >= 3 && $0.wholeMatch(of: /[A-Za-z][A-Za-z0-9-]*/) != nil })
            }
            for name in text.matches(of: /<xs:(?:element|attribute) name="([^"]+)"/) where name.1.contains(/[a-z][A-Z]|[0-9]/) {
                words.insert(String(name.1))
            }
        }
        words.insert("UTC")
        return words
    }()

    /// Italian words that are also enumeration values elsewhere ("due" days, "note").
    static let italian: Set<String> = ["due", "note", "date", "area"]

    /// The code words, paths and seed citations `text` holds.
    static func codeWords(in text: String, jurisdiction: String) -> Set<String> {
        var found: Set<String> = []
        for word in text.matches(of: /[A-Za-z][A-Za-z0-9-]*[A-Za-z0-9]/) {
            let token = String(word.0)
            if codes.contains(token), !(jurisdiction == "IT-MO" && italian.contains(token)) { found.insert(token) }
        }
        for path in text.matches(of: /(?:Rules|Forms|Schemas|Jurisdictions)\/|\.xml\b|\.xsl\b|\bseed [0-9]{3}/) { found.insert(String(path.0)) }
        return found
    }
}
