/// Splitting CSV text (RFC 4180) into records of cells, shared by the readers of CSV input.
public enum CSVRecords {
    /// RFC 4180 records (quoted cells may span lines) with the line each starts on, split over
    /// UTF-8 bytes: the delimiters are ASCII, so multi-byte characters pass through untouched.
    /// `unclosedQuote` is the line of a record whose quoted cell is never closed.
    public static func split(_ text: String) -> (records: [(cells: [String], line: Int)], unclosedQuote: Int?) {
        let bytes = Array(text.utf8)
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
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
