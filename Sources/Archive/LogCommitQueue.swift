import AuditLog
import Dispatch
import Foundation
import Synchronization
import WitnessClient

/// The access log of a served archive, written for many concurrent requests at once (group
/// commit): each request's entries are still `fsync`'d before its data is released, but the
/// requests that arrive while one `fsync` is under way share the next one.
///
/// One request at a time leads: it takes every entry waiting (its own among them), appends them
/// with one ``AccessLog/append(_:keys:)`` (one `flock`, one write, one `fsync`), wakes their
/// requests with the outcome, and hands the lead to the first request that queued meanwhile.
/// The `flock` still orders these appends with other processes' (commands run on the service's
/// machine). A failed append fails every request of its batch: none of them releases data.
///
/// Checkpoints: a command signs one when it ends; a service has no end, so a checkpoint is signed
/// ``checkpointDelay`` seconds after the first unsigned entry (besides every
/// ``AccessLog/checkpointInterval`` entries, which ``AccessLog/append(_:keys:)`` does), off the
/// requests' path.
///
/// Witnesses: with a ``WitnessSubmitter`` (``ArchiveCustody/submitCheckpoints(trustingWitnessCA:report:)``),
/// each checkpoint signed here is submitted to the witnesses of the policy in force, and their
/// answers kept for `audit verify`. A witness that is down delays the checkpoint's signer by its
/// time-out, never a request.
///
/// Thread-safe: the queue sits behind a mutex; requests wait on their own semaphore.
final class LogCommitQueue: Sendable {
    let log: AccessLog
    /// Seconds from the first entry no checkpoint covers to the checkpoint that covers it.
    let checkpointDelay: Double

    private struct Waiting {
        let events: [AccessEvent]
        let ticket: Ticket
    }

    private struct State {
        var waiting: [Waiting] = []
        /// A request is appending (or has been handed the lead): others wait.
        var leading = false
        var checkpointScheduled = false
        /// The keys of entries appended since the last checkpoint this queue signed, and the witnesses then in force.
        var unsigned: (keys: LogKeys, witnesses: [WitnessEndpoint])?
    }

    private let state = Mutex(State())
    /// Submits checkpoints to the witnesses, once a service has been given their CA.
    let submitter = Mutex<WitnessSubmitter?>(nil)
    /// Told of a witness's refusal (the log cut short or rewritten): the service's log.
    let report = Mutex<(@Sendable (String) -> Void)?>(nil)
    /// What each witness answered last, by name.
    private let answers = Mutex<[String: WitnessOutcome]>([:])

    init(log: AccessLog, checkpointDelay: Double = 1) {
        self.log = log
        self.checkpointDelay = checkpointDelay
    }

    /// Appends `events`, sealed with `keys`, and returns once they are on disk; the checkpoint
    /// that will cover them goes to `witnesses`.
    /// - Throws: ``AuditLogError/cannotWrite(_:)`` when the batch holding them could not be written.
    func append(_ events: [AccessEvent], keys: LogKeys, witnesses: [WitnessEndpoint]) throws(AuditLogError) {
        let ticket = Ticket()
        let leads = state.withLock { state in
            state.waiting.append(Waiting(events: events, ticket: ticket))
            defer { state.leading = true }
            return !state.leading
        }
        var outcome: Outcome = leads ? .lead : ticket.wait()
        if case .lead = outcome {
            let batch = state.withLock { state in
                defer { state.waiting = [] }
                return state.waiting
            }
            var failure: AuditLogError?
            do { try log.append(batch.flatMap(\.events), keys: keys) } catch { failure = error }
            for waiting in batch where waiting.ticket !== ticket { waiting.ticket.finish(.written(failure)) }
            let next = state.withLock { state in
                if state.waiting.isEmpty { state.leading = false }
                return state.waiting.first?.ticket
            }
            next?.finish(.lead)
            outcome = .written(failure)
        }
        if case let .written(failure?) = outcome { throw failure }
        scheduleCheckpoint(keys, witnesses: witnesses)
    }

    /// Signs a checkpoint `checkpointDelay` seconds from now, unless one is already due.
    private func scheduleCheckpoint(_ keys: LogKeys, witnesses: [WitnessEndpoint]) {
        let schedule = state.withLock { state in
            defer { state.checkpointScheduled = true; state.unsigned = (keys, witnesses) }
            return !state.checkpointScheduled
        }
        guard schedule else { return }
        DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + checkpointDelay) { [weak self] in
            self?.signCheckpoint()
        }
    }

    /// Signs a checkpoint if entries were appended since the last one signed here. As at the end
    /// of a command, a failure loses nothing: the entries are written, and the next checkpoint covers them.
    /// Called before the log is judged (`audit verify`, a deep `archive check`), so that what the
    /// service's own delay leaves unsigned is not reported as such.
    func signCheckpoint() {
        let unsigned = state.withLock { state in
            defer { state.checkpointScheduled = false; state.unsigned = nil }
            return state.unsigned
        }
        guard let unsigned, (try? log.checkpoint(keys: unsigned.keys)) != nil else { return }
        witness(unsigned.witnesses)
    }

    /// Submits the newest checkpoint to `witnesses` (when a submitter is set) and keeps their answers.
    func witness(_ witnesses: [WitnessEndpoint]) {
        guard !witnesses.isEmpty, let submitter = submitter.withLock({ $0 }), let newest = try? log.checkpoints().last else { return }
        let outcomes = submitter.submit(newest, to: witnesses)
        answers.withLock { $0.merge(outcomes) { $1 } }
        let report = report.withLock { $0 }
        for (name, outcome) in outcomes.sorted(by: { $0.key < $1.key }) {
            switch outcome {
            case .cosigned: break
            case let .ahead(witnessed): report?("witness \(name) has cosigned \(witnessed) entries, more than the log's \(newest.size): the log was cut short or restored")
            case let .inconsistent(witnessed): report?("witness \(name) refused the checkpoint of \(newest.size) entries: not consistent with the \(witnessed) it cosigned")
            case let .refused(status): report?("witness \(name) refused the checkpoint (HTTP \(status))")
            case let .unavailable(reason): report?("witness \(name) did not cosign the checkpoint of \(newest.size) entries: \(reason)")
            }
        }
    }

    /// What each witness answered last (by name), for `audit verify`.
    var witnessAnswers: [String: WitnessOutcome] { answers.withLock { $0 } }

    /// The last sessions are gone (a command run with the custodians' passphrase ends): sign now.
    deinit { signCheckpoint() }

    /// What a waiting request is told: to lead the next append, or how its entries' append went.
    private enum Outcome: Sendable {
        case lead
        case written(AuditLogError?)
    }

    /// One request's wait.
    private final class Ticket: Sendable {
        private let signal = DispatchSemaphore(value: 0)
        private let outcome = Mutex<Outcome?>(nil)

        func finish(_ result: Outcome) {
            outcome.withLock { $0 = result }
            signal.signal()
        }

        func wait() -> Outcome {
            signal.wait()
            return outcome.withLock { $0 } ?? .written(nil)
        }
    }
}
