/// One problem at a place: the file, where in it (a line and perhaps a column of text, or a
/// CSV row and perhaps its column), the field's path, and what a clerk should know.
///
/// The one type every stage uses for "a problem at a place". Messages never repeat the
/// offending value: they end up in terminals, logs and e-mails.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The file as the user named it, or empty.
    public var file: String
    /// 1-based line, or 0 when unknown or not line-based.
    public var line: Int
    /// For CSV input: the 1-based row (the header is row 1), else 0.
    public var row: Int
    /// 1-based column, or 0 when unknown: the character on ``line`` (a JSON syntax error), or
    /// the cell of ``row``, which ``place`` names by its letter as a spreadsheet does (6 is `F`).
    public var column: Int
    /// The field: an element path (`pupil/birthDate`), a JSON path or a CSV header; or empty.
    public var field: String
    /// What is wrong and, where possible, what is expected.
    public var message: String

    public init(file: String = "", line: Int = 0, row: Int = 0, column: Int = 0, field: String = "", message: String) {
        self.file = file
        self.line = line
        self.row = row
        self.column = column
        self.field = field
        self.message = message
    }

    /// `line 12`, `line 4, column 7`, `row 5`, `row 5, column F`, or empty.
    public var place: String {
        if row > 0 { return column > 0 ? "row \(row), column \(CSVRecords.columnName(column - 1))" : "row \(row)" }
        guard line > 0 else { return "" }
        return column > 0 ? "line \(line), column \(column)" : "line \(line)"
    }

    /// `file: line 12: field: message`, leaving out what is unknown.
    public var description: String {
        ([file, place, field].filter { !$0.isEmpty } + [message]).joined(separator: ": ")
    }

    private enum CodingKeys: String, CodingKey { case file, line, row, column, field, place, message }

    /// Reads what ``encode(to:)`` wrote (`place` is made from the rest): a document the archive service answered.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        file = try container.decode(String.self, forKey: .file)
        line = try container.decodeIfPresent(Int.self, forKey: .line) ?? 0
        row = try container.decodeIfPresent(Int.self, forKey: .row) ?? 0
        column = try container.decodeIfPresent(Int.self, forKey: .column) ?? 0
        field = try container.decode(String.self, forKey: .field)
        message = try container.decode(String.self, forKey: .message)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        if line > 0 { try container.encode(line, forKey: .line) }
        if row > 0 { try container.encode(row, forKey: .row) }
        if column > 0 { try container.encode(column, forKey: .column) }
        try container.encode(place, forKey: .place)
        try container.encode(field, forKey: .field)
        try container.encode(message, forKey: .message)
    }
}
