import Support

/// A failed SQLite call: its result code, SQLite's message and the SQL, never the bound values
/// (they may be personal data).
public struct SQLiteError: CategorizedError, Sendable {
    /// The extended result code (`SQLITE_BUSY` = 5, `SQLITE_CORRUPT` = 11, …).
    public let code: Int32
    public let message: String
    /// The statement, with `?` placeholders; empty when opening the database.
    public let sql: String

    public var description: String {
        "SQLite error \(code): \(message)" + (sql.isEmpty ? "" : " (in: \(sql.prefix(120)))")
    }

    /// A damaged index is wrong data (restore it); any other SQLite failure is internal.
    public var category: FailureCategory { isCorruption ? .data : .internal }

    /// Whether the database file is damaged or not a database at all.
    public var isCorruption: Bool { code & 0xFF == 11 || code & 0xFF == 26 }
}
