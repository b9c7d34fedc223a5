import Foundation
import TestSupport

/// What poppler's tools (`pdftotext`, `pdfinfo`, `pdffonts`, `pdfimages`) see in a PDF:
/// outsiders judging our output.
enum Poppler {
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

    static func bbox(_ pdf: URL) throws -> [(word: String, xMin: Double, yMin: Double, xMax: Double)] {
        let run = try Run.program("pdftotext", ["-bbox", pdf.path, "-"])
        guard run.status == 0 else { throw ToolFailure(tool: "pdftotext -bbox", stderr: run.stderr) }
        return run.stdout.split(separator: "\n").compactMap { line in
            guard line.contains("<word"), let open = line.firstIndex(of: ">"), let close = line.range(of: "</word>") else { return nil }
            func number(_ name: String) -> Double? {
                guard let range = line.range(of: "\(name)=\"") else { return nil }
                return Double(line[range.upperBound...].prefix { $0 != "\"" })
            }
            guard let x = number("xMin"), let y = number("yMin"), let xMax = number("xMax") else { return nil }
            return (String(line[line.index(after: open)..<close.lowerBound]), x, y, xMax)
        }
    }

    static func images(_ pdf: URL) throws -> [(object: String, width: Int, height: Int)] {
        let run = try Run.program("pdfimages", ["-list", pdf.path])
        guard run.status == 0 else { throw ToolFailure(tool: "pdfimages", stderr: run.stderr) }
        // page num type width height color comp bpc enc interp object ID …
        return run.stdout.split(separator: "\n").dropFirst(2).compactMap { line in
            let fields = line.split(separator: " ").map(String.init)
            guard fields.count > 11, let width = Int(fields[3]), let height = Int(fields[4]) else { return nil }
            return (fields[10], width, height)
        }
    }

    /// A poppler tool that failed, with what it printed.
    struct ToolFailure: Error, CustomStringConvertible {
        let tool: String
        let stderr: String
        var description: String { "\(tool) failed: \(stderr)" }
    }
}
