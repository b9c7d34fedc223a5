import Foundation
import Support

/// Writes records into a folder all-or-nothing (through ``AtomicFiles``), replacing earlier
/// versions of the same files: a run never leaves a partial record behind.
public enum RecordWriter {
    /// Writes `records` into `directory` (created if missing); returns the files written.
    /// - Throws: ``GenerationError/cannotWrite(path:reason:)``.
    public static func write(_ records: [GeneratedRecord], to directory: URL) throws(GenerationError) -> [URL] {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: directory.path, reason: "the folder cannot be created")
        }
        let files = records.map { (url: directory.appendingPathComponent($0.fileName), data: $0.data, mode: mode_t(0o644)) }
        do {
            try AtomicFiles.create(files, replacing: true)
        } catch {
            throw .cannotWrite(path: error.path, reason: error.reason)
        }
        return files.map(\.url)
    }
}
