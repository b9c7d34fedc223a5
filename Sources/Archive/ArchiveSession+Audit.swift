import AuditLog
import Cryptography
import Foundation
import WitnessClient

/// Where a pupil's file belongs, as the index keeps it in clear (no name or id).
public struct PupilPlace: Sendable, Codable {
    public let jurisdiction: String
    public let schoolCode: String?
    public let schoolName: String?

    public init(jurisdiction: String, schoolCode: String?, schoolName: String?) {
        self.jurisdiction = jurisdiction
        self.schoolCode = schoolCode
        self.schoolName = schoolName
    }
}

/// The access log with what a report needs beside it: each pupil's jurisdiction and school,
/// each document's kind, the policy's purposes (to name a logged code in the report's language). Pseudonyms only.
public struct AuditTrail: Sendable {
    public let events: [AccessEvent]
    public let pupils: [String: PupilPlace]
    public let kinds: [String: String]
    public let purposes: [String: ArchivePolicy.Purpose]

    public init(events: [AccessEvent], pupils: [String: PupilPlace], kinds: [String: String], purposes: [String: ArchivePolicy.Purpose] = [:]) {
        self.events = events
        self.pupils = pupils
        self.kinds = kinds
        self.purposes = purposes
    }

    /// A logged purpose (`CODE` or `CODE:REFERENCE`) in `language`: the code's label, and the
    /// reference in brackets; a purpose logged as free text (before purposes were codes), as it is.
    public func purpose(_ logged: String, in language: String) -> String {
        let parts = logged.split(separator: ":", maxSplits: 1).map(String.init)
        guard let code = parts.first, let label = purposes[code]?.label(in: language) else { return logged }
        return parts.count == 2 ? "\(label) (\(parts[1]))" : label
    }
}

extension ArchiveSession {
    /// Verifies the whole log with the log's seal key and the checkpoint key the index publishes
    /// (and the earlier keys for the entries written before `archive migrate`), against the
    /// `exported` checkpoints too (for an operator whose role permits `audit`; logged first).
    ///
    /// With witnesses in the policy, the newest checkpoint is submitted to them first (by the
    /// service, which knows their CA; on a local archive only with `witnessCA`), so that a log cut
    /// short, restored or rewritten since they last cosigned is named by their answers too.
    public func verifyLog(exported: [(file: String, checkpoint: Checkpoint)], witnessCA: URL? = nil) throws(ArchiveError) -> LogVerification {
        try authorize(.audit, placement: nil, pupil: nil, target: "the access log")
        let witnesses = archive.policy.witnesses
        var answers: [String: WitnessOutcome] = [:]
        if let custody {
            custody.commits.signCheckpoint()
            custody.commits.witness(witnesses)
            answers = custody.commits.witnessAnswers
        } else if let witnessCA, !witnesses.isEmpty {
            try signCheckpoint()
            if let newest = try ConfidentialArchive.logging({ () throws(AuditLogError) in try archive.log.checkpoints() }).last {
                answers = WitnessSubmitter(log: archive.log, trustedCA: witnessCA).submit(newest, to: witnesses)
            }
        }
        let verifier = try archive.logVerifier(sealKey: keys.logAuthority.seal, archiveKey: keys.archiveKey)
        // Read before the audit's own entry is added, so a log cut short is judged as it was found.
        let snapshot = try ConfidentialArchive.logging { () throws(AuditLogError) in try verifier.snapshot() }
        let recorded = try archive.recordedLogHead()
        try record("audit")
        return try ConfidentialArchive.logging { () throws(AuditLogError) in
            try verifier.verify(snapshot, exported: exported, recorded: recorded, answers: answers)
        }
    }

    /// A checkpoint of the log as it stands, signed now, the PEM public key that checks it and the
    /// same key as a C2SP verifier key (as published with every stored checkpoint).
    public func exportCheckpoint() throws(ArchiveError) -> (checkpoint: Checkpoint, publicKey: String, verifierKey: String) {
        try authorize(.audit, placement: nil, pupil: nil, target: "the access log")
        try record("audit")
        try signCheckpoint()
        let stored = try ConfidentialArchive.logging { () throws(AuditLogError) in try archive.log.checkpoints() }
        guard let latest = stored.last else { throw .damaged(what: "The access log", reason: "it has no checkpoint") }
        let key = try archive.checkpointKey()
        let pem = try crypto { () throws(CryptographyError) in try key.pemRepresentation() }
        return (latest, pem, Checkpoint.verifierKey(origin: latest.origin, key: key))
    }

    /// The inclusion proof of log entry `entry` under `checkpoint` (read from `file`), which must be this archive's.
    public func inclusionProof(entry: Int, checkpoint: Checkpoint, file: String) throws(ArchiveError) -> InclusionProof {
        try authorize(.audit, placement: nil, pupil: nil, target: "the access log")
        try record("audit")
        guard try archive.logVerifier(sealKey: nil, archiveKey: nil).isSigned(checkpoint) else {
            throw .accessLog(.notACheckpoint(file: file, reason: "it is not signed by this archive's key"))
        }
        let log = archive.log
        return try ConfidentialArchive.logging { () throws(AuditLogError) in
            try InclusionProof(entry: entry, checkpoint: checkpoint, checkpointFile: file, log: log)
        }
    }

    /// The RFC 9162 consistency proof from `checkpoint` (read from `file`, which must be this
    /// archive's) to the newest checkpoint, signed now, with that checkpoint's note and the
    /// cosignatures witnesses gave it.
    /// - Throws: ``ArchiveError/accessLog(_:)`` when `checkpoint` is not this archive's or no longer matches the log.
    public func consistencyProof(from checkpoint: Checkpoint, file: String) throws(ArchiveError) -> ConsistencyProof {
        try authorize(.audit, placement: nil, pupil: nil, target: "the access log")
        try record("audit")
        // The service signs (and submits to the witnesses) what its sessions wrote; a command signs its own.
        if let custody { custody.commits.signCheckpoint() } else { try signCheckpoint() }
        guard checkpoint.isSigned(by: try archive.checkpointKey()) else {
            throw .accessLog(.notACheckpoint(file: file, reason: "it is not signed by this archive's key"))
        }
        let log = archive.log
        return try ConfidentialArchive.logging { () throws(AuditLogError) in
            guard let newest = try log.checkpoints().last, newest.size >= checkpoint.size else {
                throw .notACheckpoint(file: file, reason: "it covers more entries than the log's newest checkpoint; run audit verify")
            }
            var proof = try ConsistencyProof(log: log, origin: newest.origin, from: checkpoint.size, to: newest.size)
            guard proof.oldRoot == checkpoint.root.hexadecimal, proof.newRoot == newest.root.hexadecimal else {
                throw .notACheckpoint(file: file, reason: "the log's first \(checkpoint.size) entries no longer match it; run audit verify")
            }
            let cosignatures = try CosignatureStore(folder: log.folder).all().filter { $0.checkpoint == newest }.flatMap(\.cosignatures)
            proof.checkpoint = CosignedCheckpoint(checkpoint: newest, cosignatures: cosignatures).note
            return proof
        }
    }

    /// The log with pupils' places and documents' kinds, for reports. With `pupil`, reading
    /// the pupil's access history is itself logged as an access to that pupil.
    public func auditTrail(pupil reference: String? = nil) throws(ArchiveError) -> (trail: AuditTrail, pupil: String?) {
        try authorize(.audit, placement: nil, pupil: nil, target: "the access log")
        // Audit is archive-wide (no scope), but an unknown pupil is refused like any other, so a
        // report cannot be used to learn by national id who has a file.
        let pseudonym = try reference.map { (reference) throws(ArchiveError) in
            try reachablePupil(reference, for: .audit, scoped: false, target: { "the access history of \($0)" }).pseudonym
        }
        try record("audit", pupil: pseudonym)
        let events = try ConfidentialArchive.logging { () throws(AuditLogError) in try archive.log.events() }
        var places: [String: PupilPlace] = [:]
        for row in try query("SELECT pseudonym, jurisdiction, school_code, school_name FROM pupils") {
            places[row.text(0) ?? ""] = PupilPlace(jurisdiction: row.text(1) ?? "", schoolCode: row.text(2), schoolName: row.text(3))
        }
        var kinds: [String: String] = [:]
        for row in try query("SELECT id, kind FROM documents") { kinds[row.text(0) ?? ""] = row.text(1) }
        return (AuditTrail(events: events, pupils: places, kinds: kinds, purposes: policy.purposes), pseudonym)
    }
}
