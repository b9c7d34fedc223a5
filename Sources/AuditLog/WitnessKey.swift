import Cryptography
import Foundation

/// A witness's name and Ed25519 public key, written as a C2SP signed-note verifier key
/// (`<name>+<key id, 8 hex digits>+<base64(0x04 ‖ public key)>`, signature type 0x04: a
/// tlog-cosignature/v1 Ed25519 cosigner), the form `inclusio witness init` prints and
/// `policy.xml` lists.
public struct WitnessKey: Sendable, Equatable, CustomStringConvertible {
    /// The cosigner's name, e.g. `dpo.example.org/witness`.
    public let name: String
    public let publicKey: Ed25519PublicKey

    public init(name: String, publicKey: Ed25519PublicKey) {
        self.name = name
        self.publicKey = publicKey
    }

    /// Reads a verifier key; `nil` when `text` is not one for an Ed25519 cosigner, or its key id does not match.
    public init?(verifierKey text: String) {
        let parts = text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, Self.isName(parts[0]), parts[1].count == 8,
              let material = Data(base64Encoded: String(parts[2])), material.count == 33, material.first == 0x04,
              let key = try? Ed25519PublicKey(rawRepresentation: Data(material.dropFirst())) else { return nil }
        self.init(name: String(parts[0]), publicKey: key)
        guard parts[1].lowercased() == keyID.hexadecimal else { return nil }
    }

    /// The 4-byte key id of its cosignatures.
    public var keyID: Data { Self.keyID(name: name, publicKey) }

    /// The verifier key text.
    public var description: String {
        "\(name)+\(keyID.hexadecimal)+\((Data([0x04]) + publicKey.rawRepresentation).base64EncodedString())"
    }

    /// SHA-256(name ‖ "\n" ‖ 0x04 ‖ key), first 4 bytes, as tlog-cosignature defines it.
    static func keyID(name: String, _ key: Ed25519PublicKey) -> Data {
        SHA256.digest(Data((name + "\n").utf8) + Data([0x04]) + key.rawRepresentation).prefix(4)
    }

    /// A key name: printable ASCII without spaces or `+`, as signed notes require.
    public static func isName(_ name: some StringProtocol) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "+") }
    }
}
