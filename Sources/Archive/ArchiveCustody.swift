import AuditLog
import Cryptography
import Foundation
import Synchronization
import WitnessClient

/// How an operator of a served archive proves who they are, at each request.
public enum OperatorProof {
    /// The DER of the TLS client certificate the service verified against its client CA.
    case certificate(Data)
    /// The passphrase, checked against the operator's verifier.
    case passphrase(Data)
    /// Their private key, matching the enrolled certificate (a custodian running a command on
    /// the service's machine for an operator who is there).
    case key(PrivateKey)
    /// A passphrase this custody checked earlier (``ArchiveCustody/login(operator:passphrase:)``),
    /// for the requests of a short session: valid while the operator's enrolment is the same one.
    case ticket(LoginTicket)

    var kind: ArchivePolicy.Credential {
        switch self {
        case .passphrase, .ticket: .passphrase
        case .certificate, .key: .certificate
        }
    }
}

/// A passphrase login that succeeded: the operator and the seal of the enrolment it matched, so
/// a re-enrolment (a new passphrase) or a removal ends every session made from it.
public struct LoginTicket: Sendable, Equatable {
    public let operatorId: String
    let enrolmentSeal: String
}

/// The keys of a served archive, unlocked once by its custodians (``ConfidentialArchive/unlock(custodianPassphrase:)``),
/// held in memory by the service alone. Each request opens a session for the operator it
/// proves: the proof is checked against their enrolment and the policy in force at that
/// request, so an operator removed from the policy is refused at their next request.
///
/// Thread-safe: every session has its own ``ConfidentialArchive`` (its own SQLite connection),
/// taken from the archives earlier sessions left (``recycle(_:)``) or opened; the keys are
/// immutable, and the failure counts, the idle archives and the enrolments read sit behind mutexes.
public final class ArchiveCustody: Sendable {
    /// The name of the custodians in the log and in the key file's binding.
    static let custodian = "custodian"

    /// The archive folder.
    public let root: URL
    let schemas: ArchiveSchemas
    let keys: ArchiveKeyring
    /// Writes the log for every session of this custody (group commit; checkpoints on a timer).
    let commits: LogCommitQueue
    /// Archives opened by earlier sessions (connection and parsed policy), handed to one session at a time.
    private let idle = Mutex<[IdleArchive]>([])
    /// Enrolments by operator, with the file bytes they were read from (the file is read at every request).
    private let enrolments = Mutex<[String: (file: Data, enrolment: OperatorEnrolment?)]>([:])
    /// Wrong proofs in a row, per operator id; reset by a right one.
    private let failures = Mutex<[String: Int]>([:])
    /// The delay before answering a wrong proof: `base` × 2^(failures − 1), at most `ceiling`.
    private let delay: (base: Double, ceiling: Double)

    init(root: URL, schemas: ArchiveSchemas, keys: ArchiveKeyring, delay: (base: Double, ceiling: Double)) {
        self.root = root
        self.schemas = schemas
        self.keys = keys
        self.delay = delay
        commits = LogCommitQueue(log: AccessLog(folder: ArchiveLayout(root: root).log))
    }

    /// From now on, submits each checkpoint this service signs to the witnesses of the policy in
    /// force, trusting the witnesses' TLS certificates issued by the CA(s) in `ca`; `report` is told
    /// of each witness that did not cosign (the service's log).
    public func submitCheckpoints(trustingWitnessCA ca: URL, report: @escaping @Sendable (String) -> Void) {
        commits.submitter.withLock { $0 = WitnessSubmitter(log: commits.log, trustedCA: ca) }
        commits.report.withLock { $0 = report }
    }

    /// An opened archive between two sessions. SQLite allows a connection to move between threads
    /// when it is used by one at a time ("multi-thread" mode, https://sqlite.org/threadsafe.html);
    /// the pool hands each one to a single session, and nothing keeps it meanwhile.
    private struct IdleArchive: @unchecked Sendable { let archive: ConfidentialArchive }

    /// An archive for one session: an idle one whose parsed policy is still the one in force
    /// (its bytes are compared with the index's at each use, so a policy applied meanwhile, by
    /// this service or a command, is read afresh), or a newly opened one.
    private func openArchive() throws(ArchiveError) -> ConfidentialArchive {
        while let idle = idle.withLock({ $0.popLast() }) {
            if let inForce = try? ConfidentialArchive.metadata("policy", in: idle.archive.database), inForce == idle.archive.policy.data {
                return idle.archive
            }
        }
        return try ConfidentialArchive(at: root, schemas: schemas)
    }

    /// Takes back the archive of a session that ended (at most a few are kept).
    func recycle(_ archive: ConfidentialArchive) {
        let kept = IdleArchive(archive: archive)
        idle.withLock { if $0.count < 16 { $0.append(kept) } }
    }

    /// A session of operator `op` for one request, when `proof` matches their enrolment and the
    /// policy in force names them with that kind of credential (a passphrase at least as long as
    /// the policy's minimum). A wrong proof, an unknown or removed operator, a missing or
    /// tampered enrolment: logged as a denied `login`, answered after a delay that grows with
    /// each failure in a row for that operator id, and refused with the same words.
    /// - Throws: ``ArchiveError/wrongCredential(operator:)``, ``ArchiveError/policyAltered(path:)``,
    ///   ``ArchiveError/damaged(what:reason:)``, ``ArchiveError/notAnArchive(path:)``.
    public func session(operator op: String, proof: OperatorProof, purpose: String?) throws(ArchiveError) -> ArchiveSession {
        let archive = try openArchive()
        guard FileManager.default.contents(atPath: archive.layout.policy.path) == archive.policy.data else {
            throw .policyAltered(path: archive.layout.policy.path)
        }
        try archive.checkSeal(keys)
        let found = archive.policy.operators[op]
        if let found, found.credential == proof.kind, let enrolment = try enrolment(of: op, in: archive),
           enrolment.credential == found.credential.rawValue,
           accepts(proof, enrolment, minimum: archive.policy.minimumPassphraseLength) {
            failures.withLock { $0[op] = nil }
            let checked: String?
            do { checked = try archive.policy.checkedPurpose(purpose, for: found) } catch {
                recycle(archive)
                throw error
            }
            return ArchiveSession(archive: archive, operator: found, keys: keys, purpose: checked, custody: self)
        }
        // Operator ids come from the request: only one that could be an id enters the log.
        let logged = Self.isIdentifier(op) ? op : "?"
        let logKeys = keys.log(origin: try archive.logOrigin)
        try ConfidentialArchive.logging { () throws(AuditLogError) in
            try archive.log.append([AccessEvent(operatorId: logged, role: found?.role.id ?? "", organisation: found?.organisation ?? "",
                                                action: "login", purpose: "", outcome: .denied)], keys: logKeys)
        }
        let count = failures.withLock { counts in
            counts[op, default: 0] += 1
            return counts[op]!
        }
        Thread.sleep(forTimeInterval: retryDelay(after: count))
        recycle(archive)
        throw .wrongCredential(operator: logged)
    }

    /// Checks `passphrase` for `op` as ``session(operator:proof:purpose:)`` does (logged and slowed
    /// on failure; a right one is logged as a granted `login`) and returns a ticket for the
    /// session's later requests.
    public func login(operator op: String, passphrase: Data) throws(ArchiveError) -> LoginTicket {
        let session = try self.session(operator: op, proof: .passphrase(passphrase), purpose: nil)
        try session.record("login")
        guard let seal = try enrolment(of: op, in: session.archive)?.seal else { throw .wrongCredential(operator: op) }
        return LoginTicket(operatorId: op, enrolmentSeal: seal)
    }

    /// The enrolment of `op`, when its file is there and its seal holds. The file is read each
    /// time (a removal or re-enrolment counts at once); it is parsed and its seal checked again
    /// only when its bytes changed.
    private func enrolment(of op: String, in archive: ConfidentialArchive) throws(ArchiveError) -> OperatorEnrolment? {
        guard let file = FileManager.default.contents(atPath: archive.layout.enrolment(op).path) else { return nil }
        if let known = enrolments.withLock({ $0[op] }), known.file == file { return known.enrolment }
        let read = OperatorEnrolment.read(file, operator: op, key: keys.enrolmentSeal)
        enrolments.withLock { $0[op] = (file, read) }
        return read
    }

    /// The operator enrolled with the certificate whose DER is `der`, if any (the service's way
    /// from a TLS client certificate to an operator id; ``session(operator:proof:purpose:)`` checks it again).
    public func operatorId(certificate der: Data) throws(ArchiveError) -> String? {
        let archive = try openArchive()
        defer { recycle(archive) }
        let rows: [SQLiteRow]
        do { rows = try archive.database.rows("SELECT id FROM operators WHERE fingerprint = ?", [.text(SHA256.hex(der))]) } catch { throw .database(error) }
        return rows.first?.text(0)
    }

    /// How long the answer to the `failures`-th wrong proof in a row waits (seconds): the base
    /// delay doubled for each failure before it, at most the ceiling.
    public func retryDelay(after failures: Int) -> TimeInterval {
        failures < 1 ? 0 : min(delay.base * pow(2, Double(failures - 1)), delay.ceiling)
    }

    /// Failures in a row of `op` since their last success (for tests and the service's log).
    public func failureCount(of op: String) -> Int { failures.withLock { $0[op] ?? 0 } }

    private func accepts(_ proof: OperatorProof, _ enrolment: OperatorEnrolment, minimum: Int) -> Bool {
        switch proof {
        case let .certificate(der):
            return enrolment.accepts(certificateDER: der)
        case let .passphrase(passphrase):
            // Checked at every login: a policy that raised the minimum refuses older, shorter passphrases.
            guard String(decoding: passphrase, as: UTF8.self).count >= minimum else { return false }
            return enrolment.accepts(passphrase: passphrase)
        case let .ticket(ticket):
            return ticket.operatorId == enrolment.operatorId && ticket.enrolmentSeal == enrolment.seal
        case let .key(key):
            guard let pem = enrolment.certificate, let certificate = try? Certificate.parse(Data(pem.utf8)).first,
                  certificate.fingerprint == enrolment.fingerprint else { return false }
            return certificate.matches(key)
        }
    }

    private static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, text.unicodeScalars.count <= 64, first.properties.isASCIIHexDigit || ("A"..."Z").contains(first) || ("a"..."z").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0)) }
    }
}
