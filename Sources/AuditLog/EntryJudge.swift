import Foundation

/// Names what is wrong with the log's entries, each cause once, from the scanned lines in
/// order: a deleted entry is "entry 25 is missing", not every later entry "jumping"; two entries
/// that changed places are named as a pair; a changed entry is named once, not again by the
/// broken link of the entry after it.
///
/// It follows the numbers: `expected` is the number the next line should carry. A line numbered
/// one more is held until the next line shows whether the one between was deleted or comes next
/// (a swap). A link is not checked where the line before was already named.
struct EntryJudge {
    let checksSeals: Bool
    /// How many first entries were sealed with the earlier key (``LogVerifier/EarlierKeys``), and whether that key is given.
    let earlierSize: Int
    let checksEarlierSeals: Bool
    private(set) var problems: [LogVerification.Problem] = []
    /// The position (line, from 1) of the first line a problem was found at: every tree head from there on differs.
    private(set) var firstProblemLine: Int?

    private var expected = 1
    /// The number the log reaches: the last entry's, as the numbering runs (deleted entries counted).
    var lastNumber: Int { expected - 1 }
    private var position = 0
    private var previousLeaf: ScannedEntry.Digest?
    /// A line numbered `expected + 1` seen where `expected` was due, and the position it stood at.
    private var held: (sequence: Int, position: Int)?
    private var linkExplained = false
    private var named = Set<Int>()

    init(checksSeals: Bool, earlierSize: Int = 0, checksEarlierSeals: Bool = false) {
        (self.checksSeals, self.earlierSize, self.checksEarlierSeals) = (checksSeals, earlierSize, checksEarlierSeals)
    }

    /// Judges the next line.
    mutating func judge(_ entry: ScannedEntry) {
        position += 1
        defer { previousLeaf = entry.leaf }
        judgeSeal(entry)
        guard entry.flags.contains(.parsed) else {
            resolveHeld()
            problem(expected, "it is not a log entry (changed or damaged)")
            expected += 1
            linkExplained = true
            return
        }
        let sequence = entry.sequence
        if let held {
            self.held = nil
            if sequence == expected {
                problem(expected, "entries \(expected) and \(held.sequence) are swapped (moved)", at: held.position, namesEntry: true)
                expected = held.sequence + 1
                linkExplained = true
                return
            }
            missing(expected, expected, at: held.position)
            expected = held.sequence + 1
            linkExplained = false
        }
        if sequence == expected {
            if !linkExplained, !linkMatches(entry) {
                problem(sequence - 1, sequence == 1 ? "it is not the log's first entry" : "it no longer matches the hash entry \(sequence) recorded for it: it was changed or replaced")
            }
            expected += 1
            linkExplained = false
        } else if sequence == expected + 1 {
            held = (sequence, position)
        } else if sequence > expected {
            missing(expected, sequence - 1, at: position)
            expected = sequence + 1
            linkExplained = false
        } else {
            problem(sequence, "a second entry numbered \(sequence) stands after entry \(expected - 1): it was copied, inserted or moved")
            linkExplained = true
        }
    }

    /// After the last line: a held line is the last, and the one before it is missing.
    mutating func finish() {
        resolveHeld()
    }

    private mutating func resolveHeld() {
        guard let held else { return }
        self.held = nil
        missing(expected, expected, at: held.position)
        expected = held.sequence + 1
        linkExplained = false
    }

    /// Every entry is sealed (a failed login among the earlier key's entries excepted), with the
    /// earlier key up to ``earlierSize`` and with the log's own key after.
    private mutating func judgeSeal(_ entry: ScannedEntry) {
        guard entry.flags.contains(.parsed) else { return }
        let isEarlier = entry.sequence <= earlierSize
        if entry.flags.contains(.sealed) {
            let (checks, valid) = isEarlier ? (checksEarlierSeals, ScannedEntry.Flags.sealValidEarlier) : (checksSeals, .sealValid)
            if checks, !entry.flags.contains(valid) { problem(entry.sequence, "its seal does not match: it was changed after it was written, or forged") }
        } else if !(isEarlier && entry.flags.contains(.failedLogin)) {
            problem(entry.sequence, "it carries no seal, which every entry has: it was forged")
        }
    }

    private func linkMatches(_ entry: ScannedEntry) -> Bool {
        guard let previousLeaf else { return entry.flags.contains(.noPrevious) }
        return !entry.flags.contains(.noPrevious) && ScannedEntry.equal(entry.previous, previousLeaf)
    }

    private mutating func missing(_ first: Int, _ last: Int, at line: Int) {
        problem(first, first == last ? "entry \(first) is missing (deleted)" : "entries \(first)–\(last) are missing (deleted)", at: line, namesEntry: true)
    }

    private mutating func problem(_ entry: Int, _ message: String, at line: Int? = nil, namesEntry: Bool = false) {
        firstProblemLine = min(firstProblemLine ?? .max, line ?? position)
        guard named.insert(entry).inserted else { return }
        problems.append(.init(entry: entry, message: message, namesEntry: namesEntry))
    }
}
