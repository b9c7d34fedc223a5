import Foundation

extension LogVerifier {
    /// Checks the witnesses' cosignatures kept beside the log, the quorum on the newest
    /// checkpoint, and what the witnesses answered last. A log cut short or restored from an
    /// older copy no longer reaches what they cosigned; a log rewritten and re-signed (even with
    /// the log's own key) no longer matches it, and its new checkpoints lack their cosignatures.
    func checkWitnessed(_ cosigned: [CosignedCheckpoint], stored: [Checkpoint], heads: [Int: Data], entries: Int,
                        answers: [String: WitnessOutcome], explainedFrom explained: Int?, into result: inout LogVerification) {
        guard !witnesses.isEmpty else { return }
        var witnessedBy: [Int: Set<String>] = [:]
        var beyond: (size: Int, names: Set<String>)?, changed: (size: Int, count: Int, names: Set<String>)?
        for entry in cosigned {
            let checkpoint = entry.checkpoint
            let names = Set(entry.cosignatures.compactMap { cosignature in
                witnesses.first { cosignature.isValid(for: checkpoint, by: $0) }?.name
            })
            guard !names.isEmpty, checkpoint.isSigned(by: publicKey) else { continue }
            if checkpoint.size > entries {
                if checkpoint.size > beyond?.size ?? 0 { beyond = (checkpoint.size, names) }
            } else if heads[checkpoint.size] != checkpoint.root {
                changed = (min(changed?.size ?? .max, checkpoint.size), (changed?.count ?? 0) + 1, names.union(changed?.names ?? []))
            } else {
                witnessedBy[checkpoint.size, default: []].formUnion(names)
            }
        }
        if let beyond {
            result.problems.append(.init(entry: entries + 1, message: "\(Self.list(beyond.names)) cosigned the log at \(beyond.size) entries, but it now ends at entry \(entries): entries were removed or the log was restored from an older copy"))
        }
        if let changed, let explained, explained <= changed.size {
            result.notes.append("\(changed.count) checkpoint(s) that \(Self.list(changed.names)) cosigned no longer match the log, as follows from the entry problems above.")
        } else if let changed {
            result.problems.append(.init(entry: nil, message: "\(changed.count) checkpoint(s) that \(Self.list(changed.names)) cosigned no longer match the log, the first at \(changed.size) entries: entries up to \(changed.size) were changed and the log re-signed since"))
        }
        let problemsBefore = result.problems.count
        checkAnswers(answers, entries: entries, into: &result)
        // A quorum lost because the witnesses refuse a changed log is an echo of that, not a problem of its own.
        let explained = beyond != nil || changed != nil || result.problems.count > problemsBefore
        checkQuorum(stored, witnessedBy: witnessedBy, explained: explained, into: &result)
    }

    /// The newest checkpoint must carry the quorum; older ones without it are covered by a later witnessed one.
    private func checkQuorum(_ stored: [Checkpoint], witnessedBy: [Int: Set<String>], explained: Bool, into result: inout LogVerification) {
        let witnessedSize = witnessedBy.filter { $0.value.count >= quorum }.keys.max()
        var lacking: [Int] = []
        for (index, checkpoint) in stored.enumerated() where (witnessedBy[checkpoint.size]?.count ?? 0) < quorum {
            lacking.append(index + 1)
        }
        let unwitnessed = lacking.filter { stored[$0 - 1].size > witnessedSize ?? -1 }
        if let first = unwitnessed.first, let last = unwitnessed.last {
            let newest = stored[last - 1]
            let lack = "\(Self.checkpoints(first, last, count: unwitnessed.count)) (the newest: \(newest.time), \(newest.size) entries) \(unwitnessed.count == 1 ? "lacks" : "lack") the \(quorum) witness cosignature(s) the policy requires (it has \(witnessedBy[newest.size]?.count ?? 0))"
            if explained {
                result.notes.append(lack.prefix(1).uppercased() + lack.dropFirst() + ", as follows from the problems above.")
            } else {
                result.problems.append(.init(entry: nil, message: lack + ": the witnesses were unreachable, or refused it"))
            }
        }
        let covered = lacking.count - unwitnessed.count
        if covered > 0, let witnessedSize {
            result.notes.append("\(covered) older checkpoint(s) were not cosigned when signed (a witness was unreachable); the witnessed checkpoint of \(witnessedSize) entries covers them.")
        }
    }

    /// Witnesses that refuse the log for the same reason make one problem, naming them all.
    private func checkAnswers(_ answers: [String: WitnessOutcome], entries: Int, into result: inout LogVerification) {
        var ahead: [String: Int] = [:], inconsistent: [String: Int] = [:]
        for (name, answer) in answers.sorted(by: { $0.key < $1.key }) {
            switch answer {
            case .cosigned: break
            case let .ahead(witnessed): ahead[name] = witnessed
            case let .inconsistent(witnessed): inconsistent[name] = witnessed
            case let .refused(status):
                result.notes.append("Witness \(name) refused the newest checkpoint (HTTP \(status)): check that it witnesses this archive's log and key.")
            case let .unavailable(reason):
                result.notes.append("Witness \(name) did not cosign the newest checkpoint: \(reason).")
            }
        }
        if let most = ahead.values.max() {
            result.problems.append(.init(entry: entries + 1, message: "\(Self.list(Set(ahead.keys))) cosigned \(most) entries of this log, but it holds \(entries): it was cut short or restored from an older copy"))
        }
        if let least = inconsistent.values.min() {
            result.problems.append(.init(entry: nil, message: "\(Self.list(Set(inconsistent.keys))) \(inconsistent.count == 1 ? "refuses" : "refuse") the log's newest checkpoint: its first \(least) entries are no longer the ones cosigned (the log was rewritten, forked or restored from another copy)"))
        }
    }

    /// "witness a" or "witnesses a, b".
    static func list(_ names: Set<String>) -> String {
        (names.count == 1 ? "witness " : "witnesses ") + names.sorted().joined(separator: ", ")
    }

    /// "checkpoint 7", "checkpoints 5–9" (or "3 checkpoints from 5 to 9" when not consecutive).
    static func checkpoints(_ first: Int, _ last: Int, count: Int) -> String {
        if first == last { return "checkpoint \(first)" }
        return count == last - first + 1 ? "checkpoints \(first)–\(last)" : "\(count) checkpoints from \(first) to \(last)"
    }
}
