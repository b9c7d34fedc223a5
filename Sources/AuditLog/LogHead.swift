import Foundation

/// The log's size and RFC 6962 tree head at one moment: what the archive's index records at
/// each commit, so that a log folder rolled back behind the index is found without keys.
public struct LogHead: Sendable, Equatable {
    /// Entries in the log.
    public let size: Int
    /// Tree head of those entries.
    public let root: Data

    public init(size: Int, root: Data) {
        self.size = size
        self.root = root
    }
}
