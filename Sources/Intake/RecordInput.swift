import Foundation

/// A record to work on: a record file as read, or a record just generated in memory from a
/// case file (named by its case field, `case-01.json documents[2]`).
public struct RecordInput: Sendable {
    public let name: String
    public let data: Data
}
