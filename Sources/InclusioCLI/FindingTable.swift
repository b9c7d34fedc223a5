import Rules

/// Findings as a table on the terminal: kind, source, where, and the finding with its criterion
/// and advice on the lines below.
enum FindingTable {
    static func lines(_ findings: [Finding]) -> [String] {
        let rows = findings.map { finding in
            (finding.kind.rawValue.uppercased(), finding.cite, finding.subject ?? "", finding)
        }
        let kindWidth = max(6, rows.map { displayWidth($0.0) }.max() ?? 0)
        let citeWidth = max(4, rows.map { displayWidth($0.1) }.max() ?? 0)
        let whereWidth = max(5, rows.map { displayWidth($0.2) }.max() ?? 0)
        let indent = String(repeating: " ", count: 2 + kindWidth + 2 + citeWidth + 2 + whereWidth + 2)
        var lines = ["  " + pad("KIND", kindWidth) + "  " + pad("CITE", citeWidth) + "  " + pad("WHERE", whereWidth) + "  FINDING"]
        for (kind, cite, subject, finding) in rows {
            let headline = finding.placement ?? finding.rule
            lines.append("  " + pad(kind, kindWidth) + "  " + pad(cite, citeWidth) + "  " + pad(subject, whereWidth) + "  " + headline)
            for measure in finding.measures {
                lines.append(indent + "\(measure.label): \(measure.value.isEmpty ? "—" : measure.value)" + (measure.unit.map { " \($0)" } ?? ""))
            }
            lines.append(indent + "criterion: " + finding.criterion)
            lines.append(indent + "advice:    " + finding.advice)
        }
        return lines
    }

    /// "3 findings (1 allows, 0 flags, 2 notes)".
    static func summary(_ findings: [Finding]) -> String {
        let count = { (kind: Finding.Kind) in findings.filter { $0.kind == kind }.count }
        return "\(findings.count) finding\(findings.count == 1 ? "" : "s"): \(count(.allows)) allows, \(count(.flag)) flag\(count(.flag) == 1 ? "" : "s"), "
            + "\(count(.note)) note\(count(.note) == 1 ? "" : "s"), \(count(.figure)) figure\(count(.figure) == 1 ? "" : "s")"
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - displayWidth(text)))
    }

    /// Columns a terminal gives the text: East Asian wide and full-width characters take two.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            switch scalar.value {
            case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
                 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6: width + 2
            default: width + 1
            }
        }
    }
}
