import Transfer

/// How the transfer commands list a pupil's checklist on a terminal.
enum TransferPrinter {
    static func checklist(_ checklist: TransferChecklist, outcome: String, console: Console, progress: Progress) {
        progress.finish()
        console.out("\(checklist.pupil)  \(checklist.level)" + (checklist.nextLevel.map { " → \($0)" } ?? "") + "  [\(checklist.rule)]")
        let width = checklist.rows.map(\.kind.count).max() ?? 0
        for row in checklist.rows {
            let kind = row.kind.padding(toLength: width, withPad: " ", startingAt: 0)
            if row.documents.isEmpty {
                console.out("  \(row.required ? "✗" : "·") \(kind)  \(row.required ? "MISSING (required)" : "none")")
            }
            for document in row.documents {
                console.out("  ✓ \(kind)  \(document.recordId ?? document.id) (\(document.id) v\(document.version))")
            }
        }
        console.out("  → \(outcome)")
    }
}
