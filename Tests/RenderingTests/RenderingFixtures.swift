import Foundation
import Rendering
import TestSupport

/// Fixture FO files and helpers that judge our PDFs with poppler's tools.
///
/// `Fixtures/seal.png` (40×40, a red ring) was written by a few lines of Python with `zlib`
/// (PNG signature, IHDR 40×40 RGB 8-bit, one deflated IDAT, IEND).
enum RenderingFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func url(_ name: String) -> URL { folder.appendingPathComponent(name) }

    /// The fixture `name`, parsed and checked.
    static func document(_ name: String) throws -> FODocument {
        try FODocument(data: Data(contentsOf: url(name)), source: "Fixtures/\(name)", resourceDirectory: folder)
    }

    /// A document made of `text`, named `source`.
    static func document(text: String, source: String = "test.fo") throws(RenderingError) -> FODocument {
        try FODocument(data: Data(text.utf8), source: source, resourceDirectory: folder)
    }

    /// An A4 page with 25 mm margins whose flow holds `blocks`, in language `lang`.
    static func simplePage(_ blocks: String, lang: String = "zh-CN", attributes: String = "") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" xml:lang="\(lang)" font-size="11pt">
          <fo:layout-master-set>
            <fo:simple-page-master master-name="p" page-width="210mm" page-height="297mm" margin="25mm">
              <fo:region-body/>
            </fo:simple-page-master>
          </fo:layout-master-set>
          <fo:page-sequence master-reference="p" id="s"\(attributes)>
            <fo:flow flow-name="xsl-region-body">
        \(blocks)
            </fo:flow>
          </fo:page-sequence>
        </fo:root>
        """
    }

    /// A new temporary folder holding a copy of the fixture `name`.
    static func temporaryCopy(of name: String) throws -> URL {
        let folder = try Run.temporaryFolder()
        try FileManager.default.copyItem(at: url(name), to: folder.appendingPathComponent(name))
        return folder
    }

    /// Renders `documents` into a new temporary folder; returns the PDF's URL.
    static func render(_ documents: [FODocument], renderer: PDFRenderer = PDFRenderer()) throws -> URL {
        let output = try Run.temporaryFolder().appendingPathComponent("out.pdf")
        try renderer.render(documents, to: output)
        return output
    }

    /// `pdftotext` of `pdf` (pages `first`…`last` when given): `-raw` (content order, spaces
    /// between CJK characters kept), or `-layout` when asked.
    static func text(_ pdf: URL, first: Int? = nil, last: Int? = nil, layout: Bool = false) throws -> String {
        var arguments = layout ? ["-layout"] : ["-raw"]
        if let first { arguments += ["-f", "\(first)"] }
        if let last { arguments += ["-l", "\(last)"] }
        let run = try Run.program("pdftotext", arguments + [pdf.path, "-"])
        guard run.status == 0 else { throw ToolFailure(tool: "pdftotext", stderr: run.stderr) }
        return run.stdout
    }

    /// `pdfinfo`'s fields (`Pages`, `Page size`, …).
    static func info(_ pdf: URL) throws -> [String: String] {
        let run = try Run.program("pdfinfo", [pdf.path])
        guard run.status == 0 else { throw ToolFailure(tool: "pdfinfo", stderr: run.stderr) }
        var fields: [String: String] = [:]
        for line in run.stdout.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return fields
    }

    /// The page size `pdfinfo` reports, in points.
    static func pageSize(_ pdf: URL) throws -> (width: Double, height: Double)? {
        let fields = (try info(pdf))["Page size"]?.split(separator: " ") ?? []
        guard fields.count >= 3, let width = Double(fields[0]), let height = Double(fields[2]) else { return nil }
        return (width, height)
    }

    /// `pdffonts`' rows: font name, whether embedded, whether subset.
    static func fonts(_ pdf: URL) throws -> [(name: String, embedded: Bool, subset: Bool)] {
        let run = try Run.program("pdffonts", [pdf.path])
        guard run.status == 0 else { throw ToolFailure(tool: "pdffonts", stderr: run.stderr) }
        // name type encoding emb sub uni object ID: the three yes/no columns come before "object ID".
        return run.stdout.split(separator: "\n").dropFirst(2).map { line in
            let fields = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            let flags = fields.count >= 5 ? Array(fields[(fields.count - 5)..<(fields.count - 2)]) : []
            return (fields.first ?? "", flags.first == "yes", flags.dropFirst().first == "yes")
        }
    }

    struct ToolFailure: Error, CustomStringConvertible {
        let tool: String
        let stderr: String
        var description: String { "\(tool) failed: \(stderr)" }
    }
}

/// Word boxes and images of a PDF, as poppler's `pdftotext -bbox` and `pdfimages -list` see them.
enum Poppler {
    static func bbox(_ pdf: URL) throws -> [(word: String, xMin: Double, yMin: Double)] {
        let run = try Run.program("pdftotext", ["-bbox", pdf.path, "-"])
        guard run.status == 0 else { throw RenderingFixtures.ToolFailure(tool: "pdftotext -bbox", stderr: run.stderr) }
        return run.stdout.split(separator: "\n").compactMap { line in
            guard line.contains("<word"), let open = line.firstIndex(of: ">"), let close = line.range(of: "</word>") else { return nil }
            func number(_ name: String) -> Double? {
                guard let range = line.range(of: "\(name)=\"") else { return nil }
                return Double(line[range.upperBound...].prefix { $0 != "\"" })
            }
            guard let x = number("xMin"), let y = number("yMin") else { return nil }
            return (String(line[line.index(after: open)..<close.lowerBound]), x, y)
        }
    }

    static func images(_ pdf: URL) throws -> [(object: String, width: Int, height: Int)] {
        let run = try Run.program("pdfimages", ["-list", pdf.path])
        guard run.status == 0 else { throw RenderingFixtures.ToolFailure(tool: "pdfimages", stderr: run.stderr) }
        // page num type width height color comp bpc enc interp object ID …
        return run.stdout.split(separator: "\n").dropFirst(2).compactMap { line in
            let fields = line.split(separator: " ").map(String.init)
            guard fields.count > 11, let width = Int(fields[3]), let height = Int(fields[4]) else { return nil }
            return (fields[10], width, height)
        }
    }
}
