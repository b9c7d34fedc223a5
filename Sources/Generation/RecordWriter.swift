import Foundation
import Support

/// Writes records into a folder all-or-nothing: every record goes to a hidden temporary
/// file first, and only when all are written are they renamed into place. A failure
/// removes the temporary files, so a run never leaves a partial record behind.
public enum RecordWriter {
    /// Writes `records` into `directory` (created if missing); returns the files written.
    /// - Throws: ``GenerationError/cannotWrite(path:reason:)``.
    public static func write(_ records: [GeneratedRecord], to directory: URL) throws(GenerationError) -> [URL] {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: directory.path, reason: "the folder cannot be created")
        }
        let token = UUID().uuidString.prefix(8)
        let finals = records.map { directory.appendingPathComponent($0.fileName).path }
        let temporaries = records.map { directory.appendingPathComponent(".\($0.fileName).\(token).tmp").path }
        // File creation dominates a large batch; both cores keep the disk busier.
        let failures = ConcurrentSlots<(index: Int, reason: String)>(count: records.count)
        DispatchQueue.concurrentPerform(iterations: records.count) { index in
            if let reason = create(temporaries[index], with: records[index].data) { failures[index] = (index, reason) }
        }
        if let (index, reason) = failures.values.first {
            for path in temporaries { unlink(path) }
            throw .cannotWrite(path: finals[index], reason: reason)
        }
        for index in records.indices where rename(temporaries[index], finals[index]) != 0 {
            let reason = String(cString: strerror(errno))
            for path in temporaries[index...] { unlink(path) }
            throw .cannotWrite(path: finals[index], reason: reason)
        }
        return finals.map { URL(fileURLWithPath: $0) }
    }

    /// Creates `path` (which must not exist) holding `data`; the failure's reason, or `nil`.
    private static func create(_ path: String, with data: Data) -> String? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        defer { close(descriptor) }
        let written = data.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        return written == data.count ? nil : String(cString: strerror(written < 0 ? errno : ENOSPC))
    }
}
