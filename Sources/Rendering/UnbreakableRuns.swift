/// Finds the identifiers, dates and codes of a paragraph, which must never be broken across
/// lines: a printed break (or a hyphen) changes an identifier.
///
/// A run is a stretch of ASCII letters and digits, joined by `-`, `/`, `.`, `_` or `:`, or
/// followed by the date and number marks 年, 月, 日, 号 and the brackets 〔〕, that holds at
/// least one digit: a codice fiscale, a pseudonym (`P-29W2HRSK5H-QP`), a date (`17/02/2020`,
/// `2026年6月15日`), a record number (`MO-2026-0001-PEI`), a 文号 (`〔2026〕12号`). Runs longer than
/// ``longest`` characters (a SHA-256 in a narrow column) may still break, without a hyphen.
///
/// A run takes the punctuation around it (`(`, `,`, `.`, `。`…): Pango would otherwise break
/// at the run's edge, leaving a comma at the start of a line. A 文号's 机关代字 (up to six
/// ideographs before `〔`) goes with its number.
enum UnbreakableRuns {
    static let longest = 40

    /// Byte ranges (UTF-8) of the runs in `text`.
    static func ranges(in text: String) -> [Range<Int>] {
        let scalars = Array(text.unicodeScalars)
        var offsets: [Int] = [], total = 0
        for scalar in scalars { offsets.append(total); total += scalar.utf8.count }
        offsets.append(total)
        return runs(scalars).map { run in
            var (lower, upper) = (run.lowerBound, run.upperBound)
            if scalars[lower] == "〔" {
                var taken = 0
                while lower > 0, taken < 6, (0x4E00...0x9FFF).contains(scalars[lower - 1].value) { lower -= 1; taken += 1 }
            }
            while lower > 0, opening.contains(scalars[lower - 1]) { lower -= 1 }
            while upper < scalars.count, closing.contains(scalars[upper]) { upper += 1 }
            return offsets[lower]..<offsets[upper]
        }
    }

    /// The runs, as scalar index ranges.
    private static func runs(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start: Int?, end = 0, count = 0, hasDigit = false
        func close() {
            if let first = start, hasDigit, count > 1, count <= longest { result.append(first..<end) }
            start = nil
            count = 0
            hasDigit = false
        }
        for (index, scalar) in scalars.enumerated() {
            let isDigit = ("0"..."9").contains(scalar)
            let isCore = isDigit || ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar)
            if isCore || (start != nil && (joiners.contains(scalar) || marks.contains(scalar))) || (start == nil && scalar == "〔") {
                if start == nil { start = index }
                count += 1
                hasDigit = hasDigit || isDigit
                // A trailing joiner (a full stop, a colon) is not part of the run.
                if !joiners.contains(scalar) { end = index + 1 }
            } else {
                close()
            }
        }
        close()
        return result
    }

    private static let opening: Set<Unicode.Scalar> = ["(", "[", "«", "“", "‘", "\"", "'", "（", "「", "『", "【", "《"]
    private static let closing: Set<Unicode.Scalar> = [
        ".", ",", ";", ":", "!", "?", ")", "]", "»", "”", "’", "\"", "'", "、", "。", "，", "；", "：", "！", "？", "）", "」", "』", "】", "》",
    ]
    private static let joiners: Set<Unicode.Scalar> = ["-", "/", ".", "_", ":"]
    private static let marks: Set<Unicode.Scalar> = ["年", "月", "日", "号", "〔", "〕"]
}
