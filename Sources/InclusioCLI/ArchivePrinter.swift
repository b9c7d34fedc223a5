import Archive
import Foundation

/// Archive look-ups as a command's result: the value for JSON, aligned text on a terminal.
enum ArchivePrinter {
    static func result(_ pupils: [PupilSummary]) -> CommandResult {
        CommandResult(["pupils": pupils]) {
            guard !pupils.isEmpty else { return "No pupil found in your scope." }
            let rows = pupils.map { [$0.pseudonym, $0.placement.jurisdiction, school($0.placement), "\($0.documents)", String($0.updated.prefix(10)), $0.status] }
            return table(["pupil", "jurisdiction", "school", "documents", "updated", "status"], rows)
        }
    }

    static func result(_ file: PupilFile) -> CommandResult {
        CommandResult(file) {
            let summary = file.summary
            var lines = ["Pupil \(summary.pseudonym) (\(summary.status)), \(summary.placement.jurisdiction), \(school(summary.placement))"]
            if let identity = file.identity {
                lines.append("  \(identity.family) \(identity.given), born \(identity.birthDate)" + (identity.nationalId.map { ", national id \($0)" } ?? ""))
            }
            var rows: [[String]] = []
            for document in file.documents {
                for version in document.versions {
                    rows.append([document.id, document.kind, document.recordId ?? "", "v\(version.version)", version.isCurrent ? "current" : "superseded",
                                 version.issued ?? "", String(version.ingested.prefix(10)), version.ingestedBy, version.title ?? ""])
                }
            }
            lines.append(rows.isEmpty ? "No documents you may read."
                         : table(["document", "kind", "record", "version", "status", "issued", "filed", "by", "title"], rows))
            if file.withheld > 0 { lines.append("\(file.withheld) document(s) of kinds your role may not read are not shown.") }
            return lines.joined(separator: "\n")
        }
    }

    private static func school(_ placement: PupilPlacement) -> String {
        placement.schoolCode ?? placement.schoolName ?? "-"
    }

    /// `rows` under `header` in aligned columns.
    static func table(_ header: [String], _ rows: [[String]]) -> String {
        let table = [header] + rows
        let cellWidths = table.map { $0.map(width) }
        let widths = header.indices.map { column in cellWidths.map { $0[column] }.max() ?? 0 }
        return zip(table, cellWidths).map { row, rowWidths in
            var line = ""
            for (column, cell) in row.enumerated() {
                if column > 0 { line += "  " }
                line += cell
                if column < row.count - 1 { line += String(repeating: " ", count: widths[column] - rowWidths[column]) }
            }
            while line.utf8.last == UInt8(ascii: " ") { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }

    /// Terminal columns of `text`: East Asian wide and full-width characters take two.
    private static func width(_ text: String) -> Int {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.utf8.count }
        return text.unicodeScalars.reduce(0) { total, scalar in
            switch scalar.value {
            case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
                 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD: total + 2
            default: total + 1
            }
        }
    }
}
