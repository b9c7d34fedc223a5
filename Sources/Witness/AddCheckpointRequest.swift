import AuditLog
import Cryptography
import Foundation

/// The body of a C2SP tlog-witness `add-checkpoint` request: `old <size>`, up to 63 base64
/// consistency proof lines, an empty line, then the checkpoint note (which may carry several
/// signatures).
struct AddCheckpointRequest {
    let oldSize: Int
    let proof: [Data]
    /// The checkpoint's text (origin, size, root, extension lines), ending in a newline.
    let text: String
    /// Its signature lines.
    let signatures: [Substring]

    /// Reads `body`; `nil` when it is not such a request.
    init?(body: Data) {
        guard let whole = String(data: body, encoding: .utf8) else { return nil }
        var lines = whole.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let first = lines.popFirst(), first.hasPrefix("old "), let old = Self.decimal(first.dropFirst(4)) else { return nil }
        var proof: [Data] = []
        while let line = lines.popFirst(), !line.isEmpty {
            guard proof.count < 63, let hash = Data(base64Encoded: String(line)), hash.count == 32 else { return nil }
            proof.append(hash)
        }
        let note = lines.joined(separator: "\n")
        let parts = note.components(separatedBy: "\n\n")
        guard parts.count == 2, note.hasSuffix("\n") else { return nil }
        oldSize = old
        self.proof = proof
        text = parts[0] + "\n"
        signatures = parts[1].split(separator: "\n")
    }

    /// The checkpoint under the first signature line that `key` made, if any.
    func checkpoint(signedBy key: Ed25519PublicKey) -> Checkpoint? {
        for line in signatures {
            if let checkpoint = try? Checkpoint(note: text + "\n" + line + "\n", file: "request"), checkpoint.isSigned(by: key) { return checkpoint }
        }
        return nil
    }

    /// The origin line.
    var origin: Substring { text.prefix { $0 != "\n" } }

    /// ASCII decimal without leading zeroes ("0" alone for zero).
    private static func decimal(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.allSatisfy(\.isASCII), text == "0" || !text.hasPrefix("0") else { return nil }
        return Int(text)
    }
}
