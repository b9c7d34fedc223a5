import Foundation

/// What ``LogVerifier`` found.
public struct LogVerification: Sendable, Encodable {
    /// One thing wrong with the log, at an entry when it can be placed.
    ///
    /// Not a `Diagnostic`: an entry is a sequence number of the hash chain (the number
    /// `audit prove --entry` takes), not a place in a text file. It can name an entry the file
    /// no longer holds (the one after a cut-short log), and most problems concern a stored or
    /// exported checkpoint, which the message names, rather than a line of the log.
    public struct Problem: Sendable, Encodable, CustomStringConvertible {
        /// The entry (sequence number, from 1) concerned, if one can be named.
        public let entry: Int?
        public let message: String
        /// Whether the message names the entry itself ("entry 25 is missing").
        let namesEntry: Bool

        init(entry: Int?, message: String, namesEntry: Bool = false) {
            self.entry = entry
            self.message = message
            self.namesEntry = namesEntry
        }

        public var description: String { namesEntry ? message : entry.map { "entry \($0): \(message)" } ?? message }

        private enum CodingKeys: String, CodingKey { case entry, message }
    }

    /// Entries in the log.
    public var entries = 0
    /// Bytes of the log.
    public var bytes = 0
    /// Stored checkpoints checked.
    public var checkpoints = 0
    /// Exported checkpoints checked.
    public var exportedCheckpoints = 0
    /// The tree head of the whole log (hex).
    public var root = ""
    /// The newest stored checkpoint's size and time.
    public var latestCheckpoint: (size: Int, time: String)?
    /// Damage or tampering; empty when the log is intact.
    public var problems: [Problem] = []
    /// Facts that are not damage, such as a torn last line or entries not yet covered by a checkpoint.
    public var notes: [String] = []

    /// Whether nothing is wrong.
    public var isIntact: Bool { problems.isEmpty }

    private enum CodingKeys: String, CodingKey { case entries, bytes, checkpoints, exportedCheckpoints, root, latestCheckpointSize, latestCheckpointTime, problems, notes, intact }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(entries, forKey: .entries)
        try container.encode(bytes, forKey: .bytes)
        try container.encode(checkpoints, forKey: .checkpoints)
        try container.encode(exportedCheckpoints, forKey: .exportedCheckpoints)
        try container.encode(root, forKey: .root)
        try container.encodeIfPresent(latestCheckpoint?.size, forKey: .latestCheckpointSize)
        try container.encodeIfPresent(latestCheckpoint?.time, forKey: .latestCheckpointTime)
        try container.encode(problems, forKey: .problems)
        try container.encode(notes, forKey: .notes)
        try container.encode(isIntact, forKey: .intact)
    }
}
