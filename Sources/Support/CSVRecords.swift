/// Splitting CSV text (RFC 4180) into records of cells, shared by the readers of CSV input.
public enum CSVRecords {
    /// RFC 4180 records (quoted cells may span lines) with the line each starts on, split over
    /// UTF-8 bytes: the delimiters are ASCII, so multi-byte characters pass through untouched.
    /// `unclosedQuote` is the line of a record whose quoted cell is never closed. `separator`
    /// is the byte between cells: `,` by default, `;` or a tab as spreadsheets in some locales save.
    public static func split(_ text: String, separator: UInt8 = UInt8(ascii: ",")) -> (records: [(cells: [String], line: Int)], unclosedQuote: Int?) {
        let bytes = Array(text.utf8)
        let quote = UInt8(ascii: "\""), comma = separator, newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
        var records: [(cells: [String], line: Int)] = []
        var cells: [String] = [], cell: [UInt8] = [], line = 1, recordLine = 1
        var index = 0, quoted = false, atCellStart = true
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if quoted {
                if byte == quote {
                    if index < bytes.count, bytes[index] == quote { cell.append(quote); index += 1 } else { quoted = false }
                } else {
                    if byte == newline { line += 1 }
                    cell.append(byte)
                }
                continue
            }
            switch byte {
            case quote where atCellStart: quoted = true; atCellStart = false
            case comma: cells.append(String(decoding: cell, as: UTF8.self)); cell.removeAll(keepingCapacity: true); atCellStart = true
            case carriageReturn: continue
            case newline:
                cells.append(String(decoding: cell, as: UTF8.self))
                records.append((cells, recordLine))
                cells = []; cell.removeAll(keepingCapacity: true); atCellStart = true
                line += 1; recordLine = line
            default: cell.append(byte); atCellStart = false
            }
        }
        if !cells.isEmpty || !cell.isEmpty { cells.append(String(decoding: cell, as: UTF8.self)); records.append((cells, recordLine)) }
        return (records, quoted ? recordLine : nil)
    }

    /// The separator of a CSV text, from its first line outside quotes: the one of `,`, `;` and tab
    /// it has most of (`,` when it has none, or on a tie with it).
    public static func separator(of text: String) -> UInt8 {
        var counts: [UInt8: Int] = [:]
        var quoted = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\"") { quoted.toggle(); continue }
            if quoted { continue }
            if byte == UInt8(ascii: "\n") { break }
            if [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")].contains(byte) { counts[byte, default: 0] += 1 }
        }
        let comma = UInt8(ascii: ",")
        return counts.max { ($0.value, $0.key == comma ? 1 : 0) < ($1.value, $1.key == comma ? 1 : 0) }?.key ?? comma
    }

    /// How a message names a separator: `comma`, `semicolon`, `tab`.
    public static func name(ofSeparator separator: UInt8) -> String {
        switch separator {
        case UInt8(ascii: ";"): "semicolon"
        case UInt8(ascii: "\t"): "tab"
        default: "comma"
        }
    }

    /// The byte offset of the first byte that is not part of well-formed UTF-8, or `nil` when all are.
    public static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length: Int
            switch lead {
            case 0x00...0x7F: index += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            guard index + length <= bytes.count else { return index }
            let second = bytes[index + 1]
            let secondRange: ClosedRange<UInt8> = switch lead {
            case 0xE0: 0xA0...0xBF
            case 0xED: 0x80...0x9F
            case 0xF0: 0x90...0xBF
            case 0xF4: 0x80...0x8F
            default: 0x80...0xBF
            }
            guard secondRange.contains(second), bytes[(index + 2)..<(index + length)].allSatisfy({ (0x80...0xBF).contains($0) }) else { return index }
            index += length
        }
        return nil
    }

    /// Spreadsheet column name: 0 → A, 26 → AA.
    public static func columnName(_ column: Int) -> String {
        var name = "", n = column + 1
        while n > 0 {
            let remainder = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            n = (n - 1) / 26
        }
        return name
    }
}
