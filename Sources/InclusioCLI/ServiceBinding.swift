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

    /// Files a command wrote, by the name it was given (`-o copy.xml`).
    final class Files: Sendable {
        private let written = Mutex<[(name: String, data: Data)]>([])
        func collect(_ name: String, _ data: Data) { written.withLock { $0.append((name, data)) } }
        var all: [(name: String, data: Data)] { written.withLock { $0 } }
    }

    @TaskLocal static var current: ServiceBinding?
}
