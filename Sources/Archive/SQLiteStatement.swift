internal import CSQLite
import Foundation

/// A value bound to a statement's placeholder or read from a row.
enum SQLiteValue: Sendable, Equatable {
    case integer(Int64)
    case text(String)
    case blob(Data)
    case null
}

extension SQLiteValue {
    static func of(_ value: String?) -> SQLiteValue { value.map(SQLiteValue.text) ?? .null }
    static func of(_ value: Int) -> SQLiteValue { .integer(Int64(value)) }
}

/// One row of a result, by column index.
struct SQLiteRow: Sendable {
    let values: [SQLiteValue]

    func text(_ column: Int) -> String? { if case let .text(value) = values[column] { value } else { nil } }
    func blob(_ column: Int) -> Data? { if case let .blob(value) = values[column] { value } else { nil } }
    func integer(_ column: Int) -> Int? { if case let .integer(value) = values[column] { Int(value) } else { nil } }
}

/// A prepared statement; owns its `sqlite3_stmt` and lives only inside one call.
final class SQLiteStatement {
    private let statement: OpaquePointer
    private let database: OpaquePointer
    private let sql: String

    init(_ database: OpaquePointer, _ sql: String) throws(SQLiteError) {
        var statement: OpaquePointer?
        let status = sqlite3_prepare_v2(database, sql, -1, &statement, nil)
        guard status == SQLITE_OK, let statement else {
            throw SQLiteError(code: sqlite3_extended_errcode(database), message: String(cString: sqlite3_errmsg(database)), sql: sql)
        }
        self.statement = statement
        self.database = database
        self.sql = sql
    }

    deinit { sqlite3_finalize(statement) }

    func bind(_ values: [SQLiteValue]) throws(SQLiteError) {
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let status: Int32 = switch value {
            case let .integer(number): sqlite3_bind_int64(statement, index, number)
            case let .text(text): sqlite3_bind_text(statement, index, text, -1, inclusio_sqlite_transient())
            case let .blob(data) where data.isEmpty: sqlite3_bind_zeroblob(statement, index, 0)
            case let .blob(data):
                data.withUnsafeBytes { sqlite3_bind_blob(statement, index, $0.baseAddress, Int32($0.count), inclusio_sqlite_transient()) }
            case .null: sqlite3_bind_null(statement, index)
            }
            guard status == SQLITE_OK else { throw failure() }
        }
    }

    /// Steps to the end, collecting every row.
    func all() throws(SQLiteError) -> [SQLiteRow] {
        var rows: [SQLiteRow] = []
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { return rows }
            guard status == SQLITE_ROW else { throw failure() }
            rows.append(SQLiteRow(values: (0..<sqlite3_column_count(statement)).map(column)))
        }
    }

    private func column(_ index: Int32) -> SQLiteValue {
        switch sqlite3_column_type(statement, index) {
        case SQLITE_INTEGER: .integer(sqlite3_column_int64(statement, index))
        case SQLITE_TEXT: .text(String(cString: sqlite3_column_text(statement, index)))
        case SQLITE_BLOB:
            // A zero-length blob comes back as a null pointer.
            .blob(sqlite3_column_blob(statement, index).map { Data(bytes: $0, count: Int(sqlite3_column_bytes(statement, index))) } ?? Data())
        default: .null
        }
    }

    private func failure() -> SQLiteError {
        SQLiteError(code: sqlite3_extended_errcode(database), message: String(cString: sqlite3_errmsg(database)), sql: sql)
    }
}

@available(*, unavailable) extension SQLiteStatement: Sendable {}
