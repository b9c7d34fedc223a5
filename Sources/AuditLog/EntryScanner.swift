import Cryptography
import Foundation

/// What the verifier keeps of one log line: its number, its leaf hash, the leaf hash it
/// recorded for the line before it, and what its seal says. 80 bytes, no allocation.
struct ScannedEntry {
    typealias Digest = (UInt64, UInt64, UInt64, UInt64)

    /// The sequence number; 0 when the line is not a log entry.
    var sequence = 0
    var leaf: Digest = (0, 0, 0, 0)
    /// The `previous` member's hash (zero when it is empty, as in the first entry).
    var previous: Digest = (0, 0, 0, 0)
    var flags: Flags = []

    struct Flags: OptionSet {
        let rawValue: UInt8
        /// It parsed as an entry.
        static let parsed = Flags(rawValue: 1)
        /// Its `previous` member is empty (the first entry's).
        static let noPrevious = Flags(rawValue: 2)
        /// It carries a seal.
        static let sealed = Flags(rawValue: 4)
        /// Its seal is the seal key's.
        static let sealValid = Flags(rawValue: 8)
        /// It is a failed login: before the log had its own key, one was written unsealed.
        static let failedLogin = Flags(rawValue: 16)
        /// Its seal is the earlier seal key's (``LogVerifier/EarlierKeys``).
        static let sealValidEarlier = Flags(rawValue: 32)
    }

    static func equal(_ a: Digest, _ b: Digest) -> Bool { a.0 == b.0 && a.1 == b.1 && a.2 == b.2 && a.3 == b.3 }
}

/// Hashes and reads a run of log lines on one thread: each line's leaf hash (RFC 6962), its
/// seal (HMAC-SHA-256 under the seal key, from precomputed key blocks), and its number and link.
///
/// A line whose seal is valid was written by ``LogLine/encode(_:sealedWith:)``, so it is that
/// encoder's JSON: its number and link are found by their keys without parsing the rest (a quote
/// preceded by a comma is never inside a string, where every quote is escaped). Any other line is
/// parsed whole, as before.
struct EntryScanner: Sendable {
    private let seal: HMACSHA256Verifier?
    private let earlierSeal: HMACSHA256Verifier?

    /// `earlierSealKey` is tried on a line the seal key does not open (the log's first entries, before it had its own key).
    init(sealKey: SymmetricKey?, earlierSealKey: SymmetricKey? = nil) {
        seal = sealKey.map(HMACSHA256Verifier.init(key:))
        earlierSeal = earlierSealKey.map(HMACSHA256Verifier.init(key:))
    }

    private static let sealPrefix: StaticString = #","seal":""#
    private static let closingBrace: StaticString = "}"
    private static let sequenceKey: StaticString = #","sequence":"#
    private static let previousKey: StaticString = #","previous":""#

    /// Scans every line of `lines` (whole lines, each ending in a newline).
    func scan(_ lines: UnsafeRawBufferPointer) -> ContiguousArray<ScannedEntry> {
        var entries = ContiguousArray<ScannedEntry>()
        entries.reserveCapacity(lines.count / 200 + 1)
        LogReader.forEachLine(in: lines) { line in entries.append(scan(line: line)) }
        return entries
    }

    private func scan(line: UnsafeRawBufferPointer) -> ScannedEntry {
        var entry = ScannedEntry()
        withUnsafeMutableBytes(of: &entry.leaf) { SHA256.digest(prefix: 0x00, line, into: $0.baseAddress!) }
        let bytes = line.bindMemory(to: UInt8.self)
        // `,"seal":"` + 64 hex digits + `"}` closes a sealed line.
        let sealStart = bytes.count - Self.sealPrefix.utf8CodeUnitCount - 66
        if sealStart > 0, Self.matches(bytes, at: sealStart, Self.sealPrefix) {
            entry.flags.insert(.sealed)
            var code: ScannedEntry.Digest = (0, 0, 0, 0)
            if seal != nil || earlierSeal != nil,
               withUnsafeMutableBytes(of: &code, { Self.hex(bytes, from: sealStart + Self.sealPrefix.utf8CodeUnitCount, count: 32, into: $0) }) {
                // The seal covers the JSON before it, closed: the line up to `,"seal":` and a `}`.
                func opens(_ verifier: HMACSHA256Verifier?) -> Bool {
                    guard let verifier else { return false }
                    return withUnsafeBytes(of: &code) { code in
                        verifier.isValid(code.baseAddress!, for: UnsafeRawBufferPointer(rebasing: line[..<sealStart]),
                                         UnsafeRawBufferPointer(start: Self.closingBrace.utf8Start, count: 1))
                    }
                }
                if opens(seal) { entry.flags.insert(.sealValid) } else if opens(earlierSeal) { entry.flags.insert(.sealValidEarlier) }
            }
        }
        if !entry.flags.isDisjoint(with: [.sealValid, .sealValidEarlier]) { readKnown(bytes, into: &entry) } else { readAny(line, into: &entry) }
        return entry
    }

    /// The number and link of a line this encoder wrote.
    private func readKnown(_ bytes: UnsafeBufferPointer<UInt8>, into entry: inout ScannedEntry) {
        guard let number = Self.find(Self.sequenceKey, in: bytes), let link = Self.find(Self.previousKey, in: bytes) else { return }
        var index = number, sequence = 0
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9"), sequence < Int.max / 10 {
            sequence = sequence * 10 + Int(bytes[index] - UInt8(ascii: "0"))
            index += 1
        }
        guard sequence > 0, readPrevious(bytes, from: link, quoted: true, into: &entry) else { return }
        entry.sequence = sequence
        entry.flags.insert(.parsed)
    }

    /// Any other line: parsed whole.
    private func readAny(_ line: UnsafeRawBufferPointer, into entry: inout ScannedEntry) {
        guard let event = LogLine.decode(Data(line)), event.sequence > 0 else { return }
        let previous = Array(event.previous.utf8)
        let parsed = previous.withUnsafeBufferPointer { readPrevious($0, from: 0, quoted: false, into: &entry) }
        guard parsed else { return }
        entry.sequence = event.sequence
        entry.flags.insert(.parsed)
        if event.action == "login", event.outcome == .denied { entry.flags.insert(.failedLogin) }
    }

    /// Reads the link at `start`: nothing (the first entry's) or 64 hex digits, then a closing
    /// quote when `quoted` (in the line) or the end (in a decoded value).
    private func readPrevious(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, quoted: Bool, into entry: inout ScannedEntry) -> Bool {
        var end = bytes.count
        if quoted {
            guard start < bytes.count, let base = bytes.baseAddress, let found = memchr(base + start, Int32(UInt8(ascii: "\"")), bytes.count - start) else { return false }
            end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
        if end == start {
            entry.flags.insert(.noPrevious)
            return true
        }
        return end - start == 64 && withUnsafeMutableBytes(of: &entry.previous) { Self.hex(bytes, from: start, count: 32, into: $0) }
    }

    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, _ pattern: StaticString) -> Bool {
        guard start >= 0, start + pattern.utf8CodeUnitCount <= bytes.count, let base = bytes.baseAddress else { return false }
        return memcmp(base + start, pattern.utf8Start, pattern.utf8CodeUnitCount) == 0
    }

    /// The index just after the first `pattern` in `bytes`.
    private static func find(_ pattern: StaticString, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var start = 0
        while start + pattern.utf8CodeUnitCount <= bytes.count, let found = memchr(base + start, Int32(pattern.utf8Start[0]), bytes.count - start) {
            let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if matches(bytes, at: index, pattern) { return index + pattern.utf8CodeUnitCount }
            start = index + 1
        }
        return nil
    }

    /// Decodes `count` bytes of lowercase or uppercase hex at `start` into `out` (at least `count` bytes).
    private static func hex(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, count: Int, into out: UnsafeMutableRawBufferPointer) -> Bool {
        guard start >= 0, start + count * 2 <= bytes.count, out.count >= count, let base = bytes.baseAddress, let target = out.baseAddress else { return false }
        let digits = base + start, output = target.assumingMemoryBound(to: UInt8.self)
        var invalid: UInt8 = 0
        for index in 0..<count {
            let high = nibble(digits[2 * index]), low = nibble(digits[2 * index + 1])
            invalid |= (high | low) & 0xF0
            output[index] = high << 4 | (low & 0x0F)
        }
        return invalid == 0
    }

    /// The value of a hex digit, or a value above 15 for any other byte.
    @inline(__always)
    private static func nibble(_ byte: UInt8) -> UInt8 {
        let digit = byte &- UInt8(ascii: "0")
        if digit < 10 { return digit }
        let letter = (byte | 0x20) &- UInt8(ascii: "a")
        return letter < 6 ? letter + 10 : 0xFF
    }
}

