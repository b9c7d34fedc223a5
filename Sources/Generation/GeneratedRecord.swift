import Foundation

/// A validated record ready to be written.
public struct GeneratedRecord: Sendable {
    /// Document kind (schema name).
    public let kind: String
    /// Document id and version, as in the record.
    public let id: String
    public let version: String
    /// File name: kind, a digest of the id, and the version; never personal data.
    public let fileName: String
    /// The record's bytes (UTF-8 XML); the same case data always gives the same bytes.
    public let data: Data
    /// Where the document came from in the case data.
    public let source: SourceLocation
}
