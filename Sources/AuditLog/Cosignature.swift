import Cryptography
import Foundation

/// A witness's cosignature of a checkpoint, in the C2SP tlog-cosignature format (Ed25519,
/// `cosignature/v1`): the note signature line `— <witness name> base64(key id ‖ timestamp ‖ signature)`,
/// where the 8-byte big-endian timestamp is when the witness signed and the Ed25519 signature covers
/// `cosignature/v1\ntime <timestamp>\n` followed by the checkpoint's body.
///
/// A cosignature says: as of `timestamp`, this is the largest tree head of the log the witness
/// has seen, and every head it saw before is a prefix of it.
public struct Cosignature: Sendable, Equatable {
    /// The witness's name (its key name).
    public let name: String
    /// The 4-byte key id: SHA-256(name ‖ "\n" ‖ 0x04 ‖ public key), first 4 bytes.
    public let keyID: Data
    /// Seconds since the epoch when the witness signed.
    public let timestamp: UInt64
    /// The Ed25519 signature.
    public let signature: Data

    /// The note signature line, without its newline.
    public var line: String {
        var stamp = timestamp.bigEndian
        let time = withUnsafeBytes(of: &stamp) { Data($0) }
        return "\u{2014} \(name) \((keyID + time + signature).base64EncodedString())"
    }

    /// The message a witness signs for `checkpoint` at `timestamp`.
    public static func message(_ checkpoint: Checkpoint, timestamp: UInt64) -> Data {
        Data("cosignature/v1\ntime \(timestamp)\n\(checkpoint.body)".utf8)
    }

    /// Signs `checkpoint` as the witness `name` holding `key`, now (or at `timestamp`).
    public static func sign(_ checkpoint: Checkpoint, name: String, key: Ed25519SigningKey,
                            timestamp: UInt64 = UInt64(Date().timeIntervalSince1970)) throws(AuditLogError) -> Cosignature {
        do {
            return Cosignature(name: name, keyID: WitnessKey.keyID(name: name, key.publicKey), timestamp: timestamp,
                               signature: try key.signature(for: message(checkpoint, timestamp: timestamp)))
        } catch {
            throw .signing("\(error)")
        }
    }

    /// Reads a signature line (`— name base64`); `nil` when it is not one with a 76-byte payload
    /// (an Ed25519 cosignature): a log's own signature line, for instance, is 68 bytes.
    public init?(line: Substring) {
        let parts = line.trimmingCharacters(in: .whitespaces).split(separator: " ")
        guard parts.count == 3, parts[0] == "\u{2014}", let payload = Data(base64Encoded: String(parts[2])), payload.count == 76 else { return nil }
        name = String(parts[1])
        keyID = Data(payload.prefix(4))
        timestamp = payload.dropFirst(4).prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
        signature = Data(payload.suffix(64))
    }

    private init(name: String, keyID: Data, timestamp: UInt64, signature: Data) {
        self.name = name
        self.keyID = keyID
        self.timestamp = timestamp
        self.signature = signature
    }

    /// Whether `witness` made this cosignature of `checkpoint` (name, key id and signature all match).
    public func isValid(for checkpoint: Checkpoint, by witness: WitnessKey) -> Bool {
        name == witness.name && keyID == witness.keyID
            && witness.publicKey.isValidSignature(signature, for: Self.message(checkpoint, timestamp: timestamp))
    }
}
