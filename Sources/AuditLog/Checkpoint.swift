import Cryptography
import Foundation

/// A signed tree head of the access log in the C2SP signed-note checkpoint format: origin,
/// size and base64 root, a `time` extension line, a blank line, then
/// `— <origin> <base64(key id ‖ Ed25519 signature)>`. An auditor keeps copies elsewhere
/// (`inclusio audit checkpoint`), so a log rewritten later no longer matches them.
public struct Checkpoint: Sendable, Equatable {
    /// The log's name.
    public let origin: String
    /// Number of entries covered.
    public let size: Int
    /// RFC 6962 tree head of the first `size` entries.
    public let root: Data
    /// When it was signed (UTC, ISO 8601).
    public let time: String
    /// The Ed25519 signature of ``body``.
    public let signature: Data
    /// The 4-byte key id the signature line carries.
    public let keyID: Data

    /// The signed text.
    public var body: String { "\(origin)\n\(size)\n\(root.base64EncodedString())\ntime \(time)\n" }

    /// The whole note, as exported and stored.
    public var note: String { body + "\n\u{2014} \(origin) \((keyID + signature).base64EncodedString())\n" }

    /// Signs the head (`size`, `root`) of the log `origin` with `key`.
    public static func signed(origin: String, size: Int, root: Data, time: String, key: Ed25519SigningKey) throws(AuditLogError) -> Checkpoint {
        let unsigned = Checkpoint(origin: origin, size: size, root: root, time: time, signature: Data(), keyID: keyID(origin, key.publicKey))
        do {
            return Checkpoint(origin: origin, size: size, root: root, time: time,
                              signature: try key.signature(for: Data(unsigned.body.utf8)), keyID: unsigned.keyID)
        } catch {
            throw .signing("\(error)")
        }
    }

    /// Whether `key` signed this checkpoint (its key id and signature both match).
    public func isSigned(by key: Ed25519PublicKey) -> Bool {
        keyID == Self.keyID(origin, key) && key.isValidSignature(signature, for: Data(body.utf8))
    }

    /// The C2SP verifier key of `key` for the log `origin`: `<origin>+<key id, hex>+<base64(0x01 ‖ public key)>`,
    /// published with every stored checkpoint and shown by `audit checkpoint`.
    public static func verifierKey(origin: String, key: Ed25519PublicKey) -> String {
        "\(origin)+\(keyID(origin, key).hexadecimal)+\((Data([0x01]) + key.rawRepresentation).base64EncodedString())"
    }

    /// The note's key id: the first 4 bytes of SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key), as C2SP signed notes define it.
    static func keyID(_ name: String, _ key: Ed25519PublicKey) -> Data {
        SHA256.digest(Data((name + "\n").utf8) + Data([0x01]) + key.rawRepresentation).prefix(4)
    }

    private init(origin: String, size: Int, root: Data, time: String, signature: Data, keyID: Data) {
        self.origin = origin
        self.size = size
        self.root = root
        self.time = time
        self.signature = signature
        self.keyID = keyID
    }

    /// Reads a note written by ``note``; `file` names it in errors.
    public init(note: String, file: String) throws(AuditLogError) {
        let parts = note.components(separatedBy: "\n\n")
        guard parts.count == 2 else { throw .notACheckpoint(file: file, reason: "no blank line between text and signature") }
        let lines = parts[0].split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count == 4, let size = Int(lines[1]), size >= 0, let root = Data(base64Encoded: lines[2]), root.count == 32,
              lines[3].hasPrefix("time ") else {
            throw .notACheckpoint(file: file, reason: "the text is not origin, size, root and time")
        }
        let signatureLine = parts[1].trimmingCharacters(in: .newlines).split(separator: " ").map(String.init)
        guard signatureLine.count == 3, signatureLine[0] == "\u{2014}", signatureLine[1] == lines[0],
              let signed = Data(base64Encoded: signatureLine[2]), signed.count == 68 else {
            throw .notACheckpoint(file: file, reason: "the signature line is missing or damaged")
        }
        self.init(origin: lines[0], size: size, root: root, time: String(lines[3].dropFirst(5)),
                  signature: Data(signed.suffix(64)), keyID: Data(signed.prefix(4)))
    }
}
