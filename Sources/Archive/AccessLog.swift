import Foundation
import Support

/// One access to the archive, as the log keeps it: who, what, which pupil (by pseudonym),
/// which document, why, and whether it was allowed. No name or national id.
public struct AccessEvent: Sendable, Codable, Equatable {
    public enum Outcome: String, Sendable, Codable { case granted, denied, failed }

    public var sequence: Int = 0
    public var time: String = ""
    public let operatorId: String
    public let role: String
    public let organisation: String
    /// `ingest`, `read`, `search`, `export`, `shred`, `policy` …
    public let action: String
    public let pupil: String?
    public let document: String?
    public let version: Int?
    /// SHA-256 (hex) of the document version's content.
    public let sha256: String?
    public let purpose: String
    public let recipient: String?
    public let outcome: Outcome
}

/// The archive's access log: one JSON line per event, appended under an exclusive lock
/// (so sequence numbers stay dense across processes) and `fsync`'d before the caller
/// releases any data. The Merkle tree and signed checkpoints over it are the audit stage's.
struct AccessLog {
    let url: URL

    /// Appends `events` with the next sequence numbers and the current UTC time.
    /// - Throws: ``ArchiveError/cannotWrite(_:)``: the caller must then not release data.
    func append(_ events: [AccessEvent]) throws(ArchiveError) {
        guard !events.isEmpty else { return }
        let descriptor = open(url.path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure(errno) }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_EX) == 0 else { throw failure(errno) }
        var next = Self.lastSequence(descriptor) + 1
        let time = Self.timestamp(Date())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var lines = Data()
        for var event in events {
            event.sequence = next
            event.time = time
            next += 1
            // Encoding plain strings and numbers cannot fail.
            lines += (try? encoder.encode(event)) ?? Data()
            lines.append(0x0A)
        }
        let code = lines.withUnsafeBytes { AtomicFiles.writeAll(descriptor, $0) } ?? (fsync(descriptor) == 0 ? nil : errno)
        if let code { throw failure(code) }
    }

    /// Every complete entry, in order, and whether a torn last line (a crash mid-append, never
    /// acknowledged; the next append cuts it off) follows them.
    func events() throws(ArchiveError) -> (events: [AccessEvent], tornTail: Bool) {
        guard let data = FileManager.default.contents(atPath: url.path), !data.isEmpty else { return ([], false) }
        let tornTail = data.last != 0x0A
        var lines = data.split(separator: 0x0A)
        if tornTail { lines.removeLast() }
        let decoder = JSONDecoder()
        var events: [AccessEvent] = []
        for (index, line) in lines.enumerated() {
            guard let event = try? decoder.decode(AccessEvent.self, from: Data(line)) else {
                throw .damaged(what: "The access log", reason: "line \(index + 1) is not a log entry")
            }
            events.append(event)
        }
        return (events, tornTail)
    }

    /// The sequence number of the last entry (0 for an empty log). A torn last line (a crash
    /// mid-append, never acknowledged to its caller) is cut off first.
    private static func lastSequence(_ descriptor: Int32) -> Int {
        var size = Int(lseek(descriptor, 0, SEEK_END))
        guard size > 0 else { return 0 }
        let window = min(size, 8192)
        var tail = [UInt8](repeating: 0, count: window)
        guard pread(descriptor, &tail, window, off_t(size - window)) == window else { return 0 }
        if tail.last != 0x0A {
            let cut = tail.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            size -= window - cut
            ftruncate(descriptor, off_t(size))
            tail.removeSubrange(cut...)
        }
        guard let last = tail.split(separator: 0x0A).last,
              let event = try? JSONDecoder().decode(AccessEvent.self, from: Data(last)) else { return 0 }
        return event.sequence
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    private func failure(_ code: Int32) -> ArchiveError {
        .cannotWrite(.init(path: url.path, reason: String(cString: strerror(code))))
    }
}
