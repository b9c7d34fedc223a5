import Foundation
import Support

/// The Merkle frontier of the log's first `offset` bytes, kept beside the log so an append
/// need not re-read it. Only a cache: when missing, damaged or ahead of the log (which was
/// then cut short), it is rebuilt from the log, and ``LogVerifier`` never trusts it.
struct TreeState: Codable {
    var frontier = MerkleFrontier()
    /// Bytes of the log covered.
    var offset = 0
    /// Leaf hash (hex) of the last entry covered.
    var last = ""
    /// Size of the last checkpoint signed.
    var checkpointed = 0

    /// The saved state, or `nil` when it is missing, unreadable, or covers more than `logSize` bytes.
    static func load(from url: URL, logSize: Int) -> TreeState? {
        guard let data = FileManager.default.contents(atPath: url.path),
              let state = try? JSONDecoder().decode(TreeState.self, from: data), state.offset <= logSize else { return nil }
        return state
    }

    /// Saves by rename, without `fsync`: after a crash an old or missing state is rebuilt, never trusted.
    /// (Written with `write`, not `FileManager.createFile`, which `fsync`s: a second flush per append.)
    func save(to url: URL) {
        guard let data = try? JSONEncoder().encode(self) else { return }
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".tree.state.\(getpid())")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }
        let failed = data.withUnsafeBytes { AtomicFiles.writeAll(descriptor, $0) } != nil
        close(descriptor)
        if failed { unlink(temporary.path) } else { rename(temporary.path, url.path) }
    }
}
