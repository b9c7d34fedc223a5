import AuditLog
import Foundation
import HTTPClient
import Synchronization

/// Submits a log's checkpoints to its witnesses (C2SP tlog-witness `add-checkpoint`) and keeps
/// the cosignatures they return in the log's ``CosignatureStore``.
///
/// Each witness is sent the size it cosigned last (read from the store) with a consistency proof
/// from there; when it answers 409 with another size it has cosigned (the store was lost or
/// restored), the proof is made again from that size, once. A witness that is down costs its
/// time-out and nothing else: the next checkpoint is submitted to it again.
///
/// Thread-safe: one submission at a time (a mutex), each with its own HTTPS client.
public final class WitnessSubmitter: Sendable {
    public let log: AccessLog
    /// The CA(s) that issued the witnesses' TLS certificates (PEM).
    public let trustedCA: URL
    /// Seconds a witness has to answer.
    public let timeout: Double
    private let store: CosignatureStore
    /// Per witness name, the size it cosigned last; read from the store at the first submission.
    private let cosignedSizes = Mutex<[String: Int]?>(nil)

    public init(log: AccessLog, trustedCA: URL, timeout: Double = 5) {
        self.log = log
        self.trustedCA = trustedCA
        self.timeout = timeout
        store = CosignatureStore(folder: log.folder)
    }

    /// Submits `checkpoint` to every witness in `witnesses`; stores each cosignature.
    public func submit(_ checkpoint: Checkpoint, to witnesses: [WitnessEndpoint]) -> [String: WitnessOutcome] {
        cosignedSizes.withLock { known in
            if known == nil { known = Self.lastSizes(in: (try? store.all()) ?? []) }
            var outcomes: [String: WitnessOutcome] = [:]
            var proofs: [Int: [Data]] = [:]
            for witness in witnesses {
                let outcome = submit(checkpoint, to: witness, from: known?[witness.key.name] ?? 0, proofs: &proofs)
                // A checkpoint asked again (by `audit verify`) is stored once per witness.
                if case let .cosigned(cosignature) = outcome, known?[witness.key.name] != checkpoint.size {
                    do {
                        try store.append(CosignedCheckpoint(checkpoint: checkpoint, cosignatures: [cosignature]))
                        known?[witness.key.name] = checkpoint.size
                    } catch {
                        outcomes[witness.key.name] = .unavailable("the cosignature could not be stored: \(error)")
                        continue
                    }
                }
                outcomes[witness.key.name] = outcome
            }
            return outcomes
        }
    }

    private func submit(_ checkpoint: Checkpoint, to witness: WitnessEndpoint, from old: Int, proofs: inout [Int: [Data]]) -> WitnessOutcome {
        let client: HTTPSClient
        do {
            client = try HTTPSClient(configuration: HTTPClientConfiguration(server: witness.url, trustedCA: trustedCA,
                                                                           connectTimeout: min(timeout, 2), timeout: timeout, maxResponseBytes: 1 << 16))
        } catch {
            return .unavailable("\(error)")
        }
        var old = old
        for attempt in 0..<2 {
            guard old <= checkpoint.size else { return .ahead(witnessed: old) }
            let proof: [Data]
            if let made = proofs[old] { proof = made } else {
                do { proof = try ConsistencyProof(log: log, origin: checkpoint.origin, from: old, to: checkpoint.size).hashes } catch {
                    return .unavailable("the consistency proof could not be made: \(error)")
                }
                proofs[old] = proof
            }
            let body = "old \(old)\n" + proof.map { $0.base64EncodedString() + "\n" }.joined() + "\n" + checkpoint.note
            let response: HTTPClientResponse
            do { response = try client.post("/add-checkpoint", body: Data(body.utf8), contentType: "text/plain; charset=utf-8") } catch {
                return .unavailable("\(error)")
            }
            let text = String(decoding: response.body, as: UTF8.self)
            switch response.status {
            case 200:
                guard let cosignature = text.split(separator: "\n").lazy.compactMap(Cosignature.init(line:))
                    .first(where: { $0.isValid(for: checkpoint, by: witness.key) }) else {
                    return .unavailable("it answered no cosignature of its key")
                }
                return .cosigned(cosignature)
            case 409:
                guard let witnessed = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) else { return .refused(status: 409) }
                if witnessed == old || attempt == 1 {
                    // Same size, another root: the log now says something else at the size the witness holds.
                    return witnessed > checkpoint.size ? .ahead(witnessed: witnessed) : .inconsistent(witnessed: witnessed)
                }
                old = witnessed
            case 422:
                return .inconsistent(witnessed: old)
            default:
                return .refused(status: response.status)
            }
        }
        return .unavailable("it kept changing the size it holds")
    }

    /// Per witness name, the largest size one of its stored cosignatures covers.
    private static func lastSizes(in stored: [CosignedCheckpoint]) -> [String: Int] {
        var sizes: [String: Int] = [:]
        for cosigned in stored {
            for cosignature in cosigned.cosignatures { sizes[cosignature.name] = max(sizes[cosignature.name] ?? 0, cosigned.checkpoint.size) }
        }
        return sizes
    }
}
