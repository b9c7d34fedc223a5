import Archive
import Foundation
import Synchronization

/// What `inclusio serve` binds around one command it runs for a client: the session of the
/// operator the request proved (the command's `--as` and credential options are refused), and
/// where the files the command writes go (back to the client, base64, never to the service's disk).
///
/// A task-local value: the command code is the command line's, unchanged; ``ArchiveOptions``
/// alone looks here.
struct ServiceBinding: Sendable {
    /// The operator's session for the request, with the command's `--purpose`.
    let session: @Sendable (String?) throws(ArchiveError) -> ArchiveSession
    let files: Files
    /// The signing identity and dossier key the service was started with.
    var keys = ServiceKeys()
    /// The lines a command reports as it goes (``ParsedArguments/live(_:)``), for the client to print.
    let live = Lines()

    /// Files a command wrote, by the name it was given (`-o copy.xml`), with their mode.
    final class Files: Sendable {
        private let written = Mutex<[(name: String, data: Data, mode: mode_t)]>([])
        func collect(_ name: String, _ data: Data, mode: mode_t = 0o600) { written.withLock { $0.append((name, data, mode)) } }
        var all: [(name: String, data: Data, mode: mode_t)] { written.withLock { $0 } }
    }

    /// Lines said while a command runs.
    final class Lines: Sendable {
        private let said = Mutex<[String]>([])
        func append(_ line: String) { said.withLock { $0.append(line) } }
        var all: [String] { said.withLock { $0 } }
    }

    @TaskLocal static var current: ServiceBinding?
}
