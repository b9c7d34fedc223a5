import Foundation
import XML

/// The schemas the archive validates against: record kinds (`Schemas/`) and its own policy
/// (`Schemas/archive/`).
public struct ArchiveSchemas: Sendable {
    public let records: SchemaCatalog
    let policy: SchemaCatalog

    /// Reads the catalogs under `directory` (the project's `Schemas/`).
    /// - Throws: ``ArchiveError/record(_:)`` when a folder holds no schema.
    public init(directory: URL) throws(ArchiveError) {
        do {
            records = try SchemaCatalog(directory: directory)
            policy = try SchemaCatalog(directory: directory.appendingPathComponent("archive", isDirectory: true))
        } catch {
            throw .record(.xml(error))
        }
    }
}
