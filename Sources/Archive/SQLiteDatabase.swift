internal import CSQLite
import Foundation

/// One connection to the archive's SQLite index; owns its `sqlite3` handle.
///
/// Not shared across threads (SQLite's "multi-thread" mode: one connection per thread).
/// WAL journal and `synchronous=FULL`: a committed transaction survives a crash or power loss.
/// `secure_delete` zeroes deleted content, so a shredded pupil's wrapped key does not linger
/// in free pages. See https://www.sqlite.org/pragma.html.
final class SQLiteDatabase {
    private let handle: OpaquePointer

    /// Opens (with `create`, creates) the database at `path`, waiting up to `busyTimeout`
    /// seconds for other processes' locks.
    /// - Throws: ``SQLiteError``.
    init(path: String, create: Bool, busyTimeout: Double = 60) throws(SQLiteError) {
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX
        let status = sqlite3_open_v2(path, &handle, flags, nil)
        guard status == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close_v2(handle)
            throw SQLiteError(code: status, message: message, sql: "")
        }
        self.handle = handle
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, Int32(busyTimeout * 1000))
        try execute("PRAGMA journal_mode=WAL")
        try execute("PRAGMA synchronous=FULL")
        try execute("PRAGMA foreign_keys=ON")
        try execute("PRAGMA secure_delete=ON")
    }

    deinit { sqlite3_close_v2(handle) }

    /// Runs one or more statements that take no parameters and return no rows to read.
    func execute(_ sql: String) throws(SQLiteError) {
        let status = sqlite3_exec(handle, sql, nil, nil, nil)
        guard status == SQLITE_OK else { throw failure(status, sql) }
    }

    /// Runs `sql` with `values` bound to its `?` placeholders; returns every row.
    @discardableResult
    func rows(_ sql: String, _ values: [SQLiteValue] = []) throws(SQLiteError) -> [SQLiteRow] {
        let statement = try SQLiteStatement(handle, sql)
        try statement.bind(values)
        return try statement.all()
    }

    /// The first row of `sql`, or `nil`.
    func row(_ sql: String, _ values: [SQLiteValue] = []) throws(SQLiteError) -> SQLiteRow? {
        try rows(sql, values).first
    }

    /// Runs `body` in a transaction taken with the write lock (`BEGIN IMMEDIATE`), so two
    /// processes ingesting at once take turns instead of failing on a lock upgrade.
    /// Commits when `body` returns, rolls back when it throws.
    func writing<T, E: Error>(_ body: () throws(E) -> T) throws(ArchiveTransactionError<E>) -> T {
        do { try execute("BEGIN IMMEDIATE") } catch { throw .database(error) }
        let result: T
        do { result = try body() } catch {
            try? execute("ROLLBACK")
            throw .body(error)
        }
        do { try execute("COMMIT") } catch {
            try? execute("ROLLBACK")
            throw .database(error)
        }
        return result
    }

    /// Result of `PRAGMA integrity_check`: empty when the file is sound.
    func integrityProblems() throws(SQLiteError) -> [String] {
        try rows("PRAGMA integrity_check").compactMap { $0.text(0) }.filter { $0 != "ok" }
    }

    private func failure(_ status: Int32, _ sql: String) -> SQLiteError {
        SQLiteError(code: sqlite3_extended_errcode(handle), message: String(cString: sqlite3_errmsg(handle)), sql: sql)
    }
}

@available(*, unavailable) extension SQLiteDatabase: Sendable {}

/// Why a write transaction failed: the database, or the work inside it.
enum ArchiveTransactionError<Body: Error>: Error {
    case database(SQLiteError)
    case body(Body)
}
