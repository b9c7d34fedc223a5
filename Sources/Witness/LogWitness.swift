import AuditLog
import Cryptography
import Foundation
import Synchronization

/// A running witness (C2SP tlog-witness): co-signs a checkpoint of a log it knows only when it
/// is consistent with the latest one it co-signed for that log, and records it durably first.
/// Checking and recording happen under one lock, so two requests cannot roll the state back.
///
/// Thread-safe.
public final class LogWitness: Sendable {
    /// What the witness answers: an HTTP status, a content type and a body.
    public struct Answer: Sendable, Equatable {
        public let status: Int
        public let contentType: String
        public let body: Data

        public init(status: Int, contentType: String, body: Data) {
            self.status = status
            self.contentType = contentType
            self.body = body
        }

        static func text(_ status: Int, _ message: String, contentType: String = "text/plain; charset=utf-8") -> Answer {
            Answer(status: status, contentType: contentType, body: Data((message + "\n").utf8))
        }
    }

    /// The witness's verifier key (name and public key).
    public let identity: WitnessKey
    private let folder: WitnessFolder
    private let key: Ed25519SigningKey
    private let logs: [String: Ed25519PublicKey]
    private let heads: Mutex<[String: WitnessFolder.Head]>
    /// Told of every refused checkpoint of a known log (origin, sizes, reason): a misbehaving log's evidence.
    private let report: @Sendable (String) -> Void

    /// Opens the witness in `folder`.
    /// - Throws: ``WitnessError/notAWitness(path:reason:)``.
    public init(folder: WitnessFolder, report: @escaping @Sendable (String) -> Void = { _ in }) throws(WitnessError) {
        let (configuration, key, heads) = try folder.load()
        self.folder = folder
        self.key = key
        identity = WitnessKey(name: configuration.name, publicKey: key.publicKey)
        var logs: [String: Ed25519PublicKey] = [:]
        for log in configuration.logs { logs[log.origin] = log.key }
        self.logs = logs
        self.heads = Mutex(heads)
        self.report = report
    }

    /// Answers `POST /add-checkpoint` with `body`.
    public func addCheckpoint(_ body: Data) -> Answer {
        guard let request = AddCheckpointRequest(body: body) else {
            return .text(400, "The body is not old size, consistency proof lines, an empty line and a checkpoint.")
        }
        guard let logKey = logs[String(request.origin)] else { return .text(404, "This witness does not witness that log.") }
        guard let checkpoint = request.checkpoint(signedBy: logKey) else { return .text(403, "The checkpoint is not signed by the log's key.") }
        guard request.oldSize <= checkpoint.size else { return .text(400, "The old size is larger than the checkpoint's.") }
        let outcome = heads.withLock { (heads: inout [String: WitnessFolder.Head]) -> Result<Cosignature, Refusal> in
            let known = heads[checkpoint.origin]
            let knownSize = known?.size ?? 0
            guard request.oldSize == knownSize else { return .failure(.conflict(knownSize)) }
            let knownRoot = known.flatMap { Data(base64Encoded: $0.root) } ?? MerkleTree.emptyRoot
            if checkpoint.size == knownSize, known != nil, checkpoint.root != knownRoot { return .failure(.conflict(knownSize)) }
            guard known == nil || MerkleProof.verifyConsistency(oldSize: knownSize, newSize: checkpoint.size, oldRoot: knownRoot,
                                                              newRoot: checkpoint.root, proof: request.proof) else {
                return .failure(.inconsistent(knownSize))
            }
            if known == nil, !request.proof.isEmpty { return .failure(.inconsistent(0)) }
            var updated = heads
            updated[checkpoint.origin] = WitnessFolder.Head(size: checkpoint.size, root: checkpoint.root.base64EncodedString())
            do {
                let cosignature = try Cosignature.sign(checkpoint, name: identity.name, key: key)
                try folder.save(updated)
                heads = updated
                return .success(cosignature)
            } catch {
                return .failure(.unavailable)
            }
        }
        switch outcome {
        case let .success(cosignature):
            return .text(200, cosignature.line)
        case let .failure(.conflict(size)):
            report("refused a checkpoint of \(checkpoint.origin) (\(checkpoint.size) entries, from \(request.oldSize)): this witness has cosigned \(size)")
            return .text(409, "\(size)", contentType: "text/x.tlog.size")
        case let .failure(.inconsistent(size)):
            report("refused a checkpoint of \(checkpoint.origin) (\(checkpoint.size) entries): not consistent with the \(size) entries cosigned")
            return .text(422, "The consistency proof does not verify.")
        case .failure(.unavailable):
            return .text(503, "The witness cannot record its state; nothing was cosigned.")
        }
    }

    private enum Refusal: Error {
        case conflict(Int)
        case inconsistent(Int)
        case unavailable
    }
}
