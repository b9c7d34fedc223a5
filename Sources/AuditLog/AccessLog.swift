import Cryptography
import Foundation
import Support
import Synchronization

/// The archive's access log, in its folder: `access.jsonl` (one entry per line, append-only,
/// `fsync`'d before the caller releases any data), `checkpoints.jsonl` (signed tree heads) and
/// `tree.state` (the Merkle frontier, a cache rebuilt from the log when missing or stale).
///
/// Appends take an exclusive lock on `access.jsonl`, so sequence numbers stay dense and the
/// frontier stays right across processes. Each entry records the leaf hash of the one before
/// it and, when the writer holds the ``LogKeys``, a seal: an entry changed, removed or forged
/// later is named by ``LogVerifier``.
public struct AccessLog: Sendable {
    /// The log folder.
    public let folder: URL
    /// A checkpoint is signed at least every this many entries (and at the end of every command).
    public let checkpointInterval: Int

    public var entriesFile: URL { folder.appendingPathComponent("access.jsonl") }
    public var checkpointsFile: URL { folder.appendingPathComponent("checkpoints.jsonl") }
    var stateFile: URL { folder.appendingPathComponent("tree.state") }

    public init(folder: URL, checkpointInterval: Int = 256) {
        self.folder = folder
        self.checkpointInterval = checkpointInterval
    }

    /// Appends `events` with the next sequence numbers and the current UTC time, sealed when
    /// `keys` are given, then signs a checkpoint if `checkpointInterval` entries went unsigned.
    /// - Returns: the log's size afterwards.
    /// - Throws: ``AuditLogError/cannotWrite(_:)``: the caller must then not release data.
    @discardableResult
    public func append(_ events: [AccessEvent], keys: LogKeys?) throws(AuditLogError) -> Int {
        try locked { (descriptor, state) throws(AuditLogError) in
            let time = Self.timestamp(Date())
            let hasher = MerkleHasher()
            var lines = Data()
            for var event in events {
                event.sequence = state.frontier.size + 1
                event.time = time
                event.previous = state.last
                let line = LogLine.encode(event, sealedWith: keys?.seal)
                let leaf = hasher.leaf(line)
                state.frontier.append(leaf, hasher: hasher)
                state.last = leaf.hexadecimal
                lines += line
                lines.append(0x0A)
            }
            if let code = lines.withUnsafeBytes({ AtomicFiles.writeAll(descriptor, $0) }) ?? (fsync(descriptor) == 0 ? nil : errno) {
                throw failure(entriesFile, code)
            }
            state.offset += lines.count
            if let keys, state.frontier.size - state.checkpointed >= checkpointInterval {
                try sign(&state, keys: keys)
            }
            return state.frontier.size
        }
    }

    /// Signs a checkpoint of the log as it stands, unless the last one already covers every entry.
    /// - Returns: the latest checkpoint's size.
    @discardableResult
    public func checkpoint(keys: LogKeys) throws(AuditLogError) -> Int {
        try locked { (_, state) throws(AuditLogError) in
            if state.frontier.size > state.checkpointed || !FileManager.default.fileExists(atPath: checkpointsFile.path) {
                try sign(&state, keys: keys)
            }
            return state.checkpointed
        }
    }

    /// The log's size and tree head as they stand.
    public func head() throws(AuditLogError) -> LogHead {
        try locked { (_, state) throws(AuditLogError) in LogHead(size: state.frontier.size, root: state.frontier.root(hasher: MerkleHasher())) }
    }

    /// Every complete line of the log, in order, and whether a torn last line (a crash
    /// mid-append, never acknowledged; the next append cuts it off) follows them.
    public func lines() throws(AuditLogError) -> (lines: [Data], tornTail: Bool) {
        guard FileManager.default.fileExists(atPath: entriesFile.path) else { return ([], false) }
        guard let data = FileManager.default.contents(atPath: entriesFile.path) else { throw .unreadable(path: entriesFile.path) }
        let tornTail = !data.isEmpty && data.last != 0x0A
        // A byte scan with memchr: Data.split costs more than hashing the whole log.
        var lines: [Data] = []
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            guard let base = bytes.baseAddress else { return }
            var start = 0
            while start < bytes.count, let found = memchr(base + start, 0x0A, bytes.count - start) {
                let end = base.distance(to: UnsafeRawPointer(found))
                lines.append(Data(bytes: base + start, count: end - start))
                start = end + 1
            }
        }
        return (lines, tornTail)
    }

    /// Every complete entry that parses, in order (for reports; ``LogVerifier`` checks them).
    public func events() throws(AuditLogError) -> [AccessEvent] {
        try lines().lines.compactMap(LogLine.decode)
    }

    /// The stored checkpoints, oldest first; a torn last line is skipped.
    public func checkpoints() throws(AuditLogError) -> [Checkpoint] {
        guard FileManager.default.fileExists(atPath: checkpointsFile.path) else { return [] }
        guard let data = FileManager.default.contents(atPath: checkpointsFile.path) else { throw .unreadable(path: checkpointsFile.path) }
        var stored: [Checkpoint] = []
        let lines = data.split(separator: 0x0A)
        for (index, line) in lines.enumerated() {
            // The flat scanner, not JSONDecoder: a long log has tens of thousands of checkpoints, and
            // Foundation's decoder made reading them a sixth of `audit verify`.
            guard case let .string(note)? = FlatJSON.decode(Data(line))?["note"] else {
                if index == lines.count - 1 && data.last != 0x0A { break }
                throw .notACheckpoint(file: "\(checkpointsFile.path) line \(index + 1)", reason: "the line is not a stored checkpoint")
            }
            stored.append(try Checkpoint(note: note, file: "\(checkpointsFile.path) line \(index + 1)"))
        }
        return stored
    }

    /// `date` as the log writes times: UTC, ISO 8601 with milliseconds.
    public static func timestamp(_ date: Date) -> String {
        formatter.withLock { $0.string(from: date) }
    }

    /// Made once: making an `ISO8601DateFormatter` (ICU) costs about 170 µs, using one 1 µs. It is
    /// not documented as safe to use from several threads at once, hence the mutex.
    /// (`Date.ISO8601FormatStyle` would be cheaper still, but it truncates milliseconds where this rounds.)
    private static let formatter: Mutex<ISO8601DateFormatter> = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return Mutex(formatter)
    }()

    // MARK: Locking and the frontier

    /// A line of `checkpoints.jsonl`: the note, and the verifier key that checks it (absent on lines written before it was published).
    private struct StoredCheckpoint: Encodable {
        let note: String
        var key: String?
    }

    /// Runs `body` with the log open for appending under an exclusive lock, a torn tail cut off
    /// and the tree state brought up to date; saves the state afterwards.
    private func locked<T>(_ body: (Int32, inout TreeState) throws(AuditLogError) -> T) throws(AuditLogError) -> T {
        let descriptor = open(entriesFile.path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure(entriesFile, errno) }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_EX) == 0 else { throw failure(entriesFile, errno) }
        let size = try cutTornTail(descriptor)
        var state = TreeState.load(from: stateFile, logSize: size) ?? TreeState()
        if state.offset < size { try catchUp(&state, descriptor: descriptor, to: size) }
        let result = try body(descriptor, &state)
        state.save(to: stateFile)
        return result
    }

    /// Truncates a last line without its newline (a crash mid-append); returns the file's size.
    private func cutTornTail(_ descriptor: Int32) throws(AuditLogError) -> Int {
        let size = Int(lseek(descriptor, 0, SEEK_END))
        guard size > 0 else { return 0 }
        let window = min(size, 1 << 16)
        var tail = [UInt8](repeating: 0, count: window)
        guard pread(descriptor, &tail, window, off_t(size - window)) == window else { throw failure(entriesFile, errno) }
        guard tail.last != 0x0A else { return size }
        let kept = size - window + (tail.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0)
        guard ftruncate(descriptor, off_t(kept)) == 0 else { throw failure(entriesFile, errno) }
        return kept
    }

    /// Hashes the lines after `state.offset` into the frontier (all of them when the state was lost).
    private func catchUp(_ state: inout TreeState, descriptor: Int32, to size: Int) throws(AuditLogError) {
        var pending = [UInt8](repeating: 0, count: size - state.offset)
        guard pread(descriptor, &pending, pending.count, off_t(state.offset)) == pending.count else { throw failure(entriesFile, errno) }
        let hasher = MerkleHasher()
        for line in pending.split(separator: 0x0A) {
            let leaf = hasher.leaf(Data(line))
            state.frontier.append(leaf, hasher: hasher)
            state.last = leaf.hexadecimal
        }
        state.offset = size
    }

    private func sign(_ state: inout TreeState, keys: LogKeys) throws(AuditLogError) {
        let checkpoint = try Checkpoint.signed(origin: keys.origin, size: state.frontier.size,
                                               root: state.frontier.root(hasher: MerkleHasher()), time: Self.timestamp(Date()), key: keys.signing)
        // Encoding a string cannot fail.
        let published = StoredCheckpoint(note: checkpoint.note, key: Checkpoint.verifierKey(origin: keys.origin, key: keys.signing.publicKey))
        var line = (try? JSONEncoder().encode(published)) ?? Data()
        line.append(0x0A)
        let descriptor = open(checkpointsFile.path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure(checkpointsFile, errno) }
        defer { close(descriptor) }
        if let code = line.withUnsafeBytes({ AtomicFiles.writeAll(descriptor, $0) }) ?? (fsync(descriptor) == 0 ? nil : errno) {
            throw failure(checkpointsFile, code)
        }
        state.checkpointed = state.frontier.size
    }

    private func failure(_ url: URL, _ code: Int32) -> AuditLogError {
        .cannotWrite(FileWriteError(path: url.path, reason: String(cString: strerror(code))))
    }
}
