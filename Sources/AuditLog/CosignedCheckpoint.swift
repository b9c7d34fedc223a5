import Foundation

/// A checkpoint with the cosignatures witnesses returned for it: the checkpoint's note with the
/// witnesses' signature lines after the log's own, as a signed note carries several signatures.
public struct CosignedCheckpoint: Sendable, Equatable {
    public let checkpoint: Checkpoint
    public let cosignatures: [Cosignature]

    public init(checkpoint: Checkpoint, cosignatures: [Cosignature]) {
        self.checkpoint = checkpoint
        self.cosignatures = cosignatures
    }

    /// The note: the checkpoint's, then one line per cosignature.
    public var note: String { checkpoint.note + cosignatures.map { $0.line + "\n" }.joined() }

    /// Reads a note written by ``note``; `file` names it in errors. Signature lines after the log's
    /// that are not Ed25519 cosignatures are ignored, as signed notes allow.
    public init(note: String, file: String) throws(AuditLogError) {
        let parts = note.components(separatedBy: "\n\n")
        guard parts.count == 2 else { throw .notACheckpoint(file: file, reason: "no blank line between text and signatures") }
        let signatures = parts[1].split(separator: "\n")
        guard let own = signatures.first else { throw .notACheckpoint(file: file, reason: "the signature line is missing") }
        checkpoint = try Checkpoint(note: parts[0] + "\n\n" + own + "\n", file: file)
        cosignatures = signatures.dropFirst().compactMap(Cosignature.init(line:))
    }
}
