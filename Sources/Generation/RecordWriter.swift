import Foundation

/// Writes records into a folder all-or-nothing: every record goes to a hidden temporary
/// file first, and only when all are written are they renamed into place. A failure
/// removes the temporary files, so a run never leaves a partial record behind.
public enum RecordWriter {
    /// Writes `records` into `directory` (created if missing); returns the files written.
    /// - Throws: ``GenerationError/cannotWrite(path:reason:)``.
    public static func write(_ records: [GeneratedRecord], to directory: URL) throws(GenerationError) -> [URL] {
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: directory.path, reason: "the folder cannot be created")
        }
        var staged: [(temporary: URL, final: URL)] = []
        func discard() { for file in staged { try? manager.removeItem(at: file.temporary) } }
        let token = UUID().uuidString.prefix(8)
        for record in records {
            let final = directory.appendingPathComponent(record.fileName)
            let temporary = directory.appendingPathComponent(".\(record.fileName).\(token).tmp")
            guard manager.createFile(atPath: temporary.path, contents: record.data) else {
                discard()
                throw .cannotWrite(path: final.path, reason: "the file cannot be created")
            }
            staged.append((temporary, final))
        }
        for file in staged {
            guard rename(file.temporary.path, file.final.path) == 0 else {
                discard()
                throw .cannotWrite(path: file.final.path, reason: String(cString: strerror(errno)))
            }
        }
        return staged.map(\.final)
    }
}
