import Foundation

/// A file that could not be written, and why (the system's reason).
public struct FileWriteError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let reason: String
    /// Whether the file was refused because it already exists.
    public let alreadyExists: Bool

    public init(path: String, reason: String, alreadyExists: Bool = false) {
        self.path = path
        self.reason = reason
        self.alreadyExists = alreadyExists
    }

    public var description: String { "\(path) cannot be written (\(reason)); check the folder, its permissions and free space." }
}

/// Writes groups of files all-or-nothing: each file goes to a hidden temporary beside it,
/// and only when every one is complete are they moved into place. A failure removes the
/// temporaries, so a run never leaves a partial file behind.
public enum AtomicFiles {
    /// The hidden temporary used for `final` in a run identified by `token`.
    public static func temporary(for final: URL, token: String) -> URL {
        final.deletingLastPathComponent().appendingPathComponent(".\(final.lastPathComponent).\(token).tmp")
    }

    /// A token for one run's temporaries.
    public static func token() -> String { String(UUID().uuidString.prefix(8)) }

    /// Writes every file (both cores busy for large groups), then moves them into place.
    /// With `replacing` false, no existing file is touched: the run fails instead.
    /// - Throws: ``FileWriteError`` for the first file that failed; nothing of the group remains.
    public static func create(_ files: [(url: URL, data: Data, mode: mode_t)], replacing: Bool = false) throws(FileWriteError) {
        let token = token()
        let temporaries = files.map { temporary(for: $0.url, token: token).path }
        let failures = ConcurrentSlots<FileWriteError>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            if let reason = write(temporaries[index], files[index].data, mode: files[index].mode) {
                failures[index] = FileWriteError(path: files[index].url.path, reason: reason)
            }
        }
        if let failure = failures.values.first {
            for path in temporaries { unlink(path) }
            throw failure
        }
        try moveIntoPlace(zip(temporaries, files.map(\.url.path)).map { ($0, $1) }, replacing: replacing)
    }

    /// Renames each temporary to its final path. Without `replacing`, an existing final path
    /// fails the whole group and the files already placed by this call are removed again.
    /// - Throws: ``FileWriteError``; every temporary is gone afterwards.
    public static func moveIntoPlace(_ pairs: [(temporary: String, final: String)], replacing: Bool) throws(FileWriteError) {
        for (index, pair) in pairs.enumerated() {
            // link() never replaces: it fails with EEXIST, which makes "no overwrite" race-free.
            let moved = replacing ? rename(pair.temporary, pair.final) == 0 : link(pair.temporary, pair.final) == 0
            if moved { if !replacing { unlink(pair.temporary) }; continue }
            let code = errno
            for later in pairs[index...] { unlink(later.temporary) }
            if !replacing { for placed in pairs[..<index] { unlink(placed.final) } }
            throw FileWriteError(path: pair.final, reason: String(cString: strerror(code)), alreadyExists: code == EEXIST)
        }
    }

    /// Creates `path` (which must not exist) holding `data`; the failure's reason, or `nil`.
    public static func write(_ path: String, _ data: Data, mode: mode_t = 0o644) -> String? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        defer { close(descriptor) }
        guard let code = data.withUnsafeBytes({ writeAll(descriptor, $0) }) else { return nil }
        unlink(path)
        return String(cString: strerror(code))
    }

    /// Writes all of `bytes` to `descriptor`, retrying short writes; the `errno` of a failure, or `nil`.
    public static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return written < 0 ? errno : ENOSPC }
            offset += written
        }
        return nil
    }
}
