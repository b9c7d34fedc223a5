import Foundation
import Support

/// The cosigned checkpoints of a log, kept beside it in `cosignatures.jsonl` (one
/// `{"note": …}` per line: a checkpoint with one or more witnesses' cosignatures), appended and
/// `fsync`'d as each witness answers. Only what witnesses signed is kept, so nobody who can
/// write the folder can add a cosignature: ``LogVerifier`` checks each against the policy's keys.
public struct CosignatureStore: Sendable {
    public let file: URL

    /// The store of the log in `folder`.
    public init(folder: URL) {
        file = folder.appendingPathComponent("cosignatures.jsonl")
    }

    private struct Stored: Encodable { let note: String }

    /// Appends `cosigned` durably.
    /// - Throws: ``AuditLogError/cannotWrite(_:)``.
    public func append(_ cosigned: CosignedCheckpoint) throws(AuditLogError) {
        var line = (try? JSONEncoder().encode(Stored(note: cosigned.note))) ?? Data()
        line.append(0x0A)
        let descriptor = open(file.path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .cannotWrite(FileWriteError(path: file.path, reason: String(cString: strerror(errno)))) }
        defer { close(descriptor) }
        if let code = line.withUnsafeBytes({ AtomicFiles.writeAll(descriptor, $0) }) ?? (fsync(descriptor) == 0 ? nil : errno) {
            throw .cannotWrite(FileWriteError(path: file.path, reason: String(cString: strerror(code))))
        }
    }

    /// Every stored cosigned checkpoint, oldest first; a torn last line is skipped.
    /// - Throws: ``AuditLogError/unreadable(path:)``, ``AuditLogError/notACheckpoint(file:reason:)`` for a damaged line.
    public func all() throws(AuditLogError) -> [CosignedCheckpoint] {
        guard FileManager.default.fileExists(atPath: file.path) else { return [] }
        guard let data = FileManager.default.contents(atPath: file.path) else { throw .unreadable(path: file.path) }
        let lines = data.split(separator: 0x0A)
        var stored: [CosignedCheckpoint] = []
        for (index, line) in lines.enumerated() {
            let place = "\(file.path) line \(index + 1)"
            guard case let .string(note)? = FlatJSON.decode(Data(line))?["note"] else {
                if index == lines.count - 1 && data.last != 0x0A { break }
                throw .notACheckpoint(file: place, reason: "the line is not a stored cosigned checkpoint")
            }
            stored.append(try CosignedCheckpoint(note: note, file: place))
        }
        return stored
    }
}
