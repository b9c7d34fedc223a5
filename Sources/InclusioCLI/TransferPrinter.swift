import Transfer

/// How the transfer commands list a pupil's checklist on a terminal.
enum TransferPrinter {
    /// The checklist's lines: the pupil and level, each kind with its documents or gap, then `outcome`.
    static func checklist(_ checklist: TransferChecklist, outcome: String) -> [String] {
        var lines = ["\(checklist.pupil)  \(checklist.level)" + (checklist.nextLevel.map { " → \($0)" } ?? "") + "  [\(checklist.rule)]"]
        let width = checklist.rows.map(\.kind.count).max() ?? 0
        for row in checklist.rows {
            let kind = row.kind.padding(toLength: width, withPad: " ", startingAt: 0)
            if row.documents.isEmpty {
                lines.append("  \(row.required ? "✗" : "·") \(kind)  \(row.required ? "MISSING (required)" : "none")")
            }
            for document in row.documents {
                lines.append("  ✓ \(kind)  \(document.recordId ?? document.id) (\(document.id) v\(document.version))")
            }
        }
        return lines + ["  → \(outcome)"]
    }
}
