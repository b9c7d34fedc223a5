import Foundation

/// A progress bar on stderr for long batches, drawn only on a terminal (and never with
/// `--json`); elsewhere it stays silent and the command prints its usual listing.
final class Progress: @unchecked Sendable {
    private let total: Int
    private let label: String
    private let enabled: Bool
    private let lock = NSLock()
    private var done = 0

    /// A bar of `total` steps; `quiet` (with `--json`) keeps it off.
    init(total: Int, label: String, quiet: Bool) {
        self.total = total
        self.label = label
        self.enabled = !quiet && isatty(STDERR_FILENO) == 1 && total > 1
        draw()
    }

    /// One more item finished (from any thread).
    func advance() {
        lock.withLock { done += 1 }
        draw()
    }

    /// Clears the bar so the listing starts on a clean line.
    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    private func draw() {
        guard enabled else { return }
        let count = lock.withLock { done }
        let width = 30
        let filled = total == 0 ? width : width * count / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data("\r\(label) \(bar) \(count)/\(total)".utf8))
    }
}
