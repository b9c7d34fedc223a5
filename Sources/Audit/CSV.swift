import Foundation

/// RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, quote or line break,
/// and a UTF-8 byte order mark so spreadsheet programs read Chinese and Japanese text.
public enum CSV {
    /// `rows` as a CSV file.
    public static func document(_ rows: [[String]]) -> Data {
        Data([0xEF, 0xBB, 0xBF]) + Data(rows.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined().utf8)
    }

    private static func field(_ value: String) -> String {
        // Bytes, not Characters: no grapheme breaking for the many thousand cells of a large report.
        guard value.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
