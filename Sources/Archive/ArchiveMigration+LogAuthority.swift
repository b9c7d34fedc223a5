import AuditLog
import Cryptography
import Foundation

/// The keys an archive's log had before it had its own (``LogAuthority``): derived from the
/// archive key by HKDF, so every holder of that key could re-seal entries and re-sign checkpoints.
/// Kept to verify the entries and checkpoints written with them.
enum EarlierLogKeys {
    static func seal(_ archiveKey: SymmetricKey) throws(CryptographyError) -> SymmetricKey {
        try HKDF.deriveKey(from: archiveKey, info: "inclusio archive 1: log seal")
    }

    static func signing(_ archiveKey: SymmetricKey) throws(CryptographyError) -> Ed25519SigningKey {
        try Ed25519SigningKey(seed: HKDF.deriveKey(from: archiveKey, info: "inclusio archive 1: checkpoint signing"))
    }
}

extension ConfidentialArchive {
    /// The `archive migrate` step that gives the access log a key of its own (run before the index
    /// steps, on a format-1 archive). With the earlier keys it appends a `migrate` entry by `actor`
    /// and signs a checkpoint that closes them; it then records, in one transaction, a new
    /// ``LogAuthority`` sealed under `archiveKey` (the log's root in format 2), its public key as the
    /// checkpoint key, and the earlier public key with the number of entries it covers (the verifier
    /// accepts it for those alone). The caller's next entry and checkpoint are the new authority's.
    /// Nothing already in the log is rewritten.
    /// - Returns: whether anything changed (`false` when the log already has its own key).
    /// - Throws: ``ArchiveError/damaged(what:reason:)`` when the recorded checkpoint key is not the
    ///   earlier keys' (the index was altered), or the log cannot be written.
    func migrateLogAuthority(archiveKey: SymmetricKey, actor: ArchivePolicy.Operator) throws(ArchiveError) -> Bool {
        guard try Self.metadata("log_authority", in: database) == nil else { return false }
        let origin = try logOrigin
        let earlier = try Self.crypto { () throws(CryptographyError) in
            LogKeys(seal: try EarlierLogKeys.seal(archiveKey), signing: try EarlierLogKeys.signing(archiveKey), origin: origin)
        }
        guard try Self.metadata("checkpoint_key", in: database) == earlier.signing.publicKey.rawRepresentation else {
            throw .damaged(what: "The archive's checkpoint key", reason: "it does not belong to this archive's key, so checkpoints could be forged")
        }
        let event = AccessEvent(operatorId: actor.id, role: actor.role.id, organisation: actor.organisation, action: "migrate",
                                purpose: "", outcome: .granted)
        let covered = try Self.logging { () throws(AuditLogError) in
            try log.append([event], keys: earlier)
            return try log.checkpoint(keys: earlier)
        }
        let authority = try Self.crypto { () throws(CryptographyError) in try LogAuthority.generate() }
        let sealed = try Self.crypto { () throws(CryptographyError) in try authority.sealed(under: archiveKey, origin: origin) }
        let published = authority.signing.publicKey
        do {
            try database.writing { () throws(SQLiteError) in
                for (key, value) in [("log_authority", sealed), ("log_earlier_key", earlier.signing.publicKey.rawRepresentation),
                                     ("log_earlier_size", Data("\(covered)".utf8)), ("checkpoint_key", published.rawRepresentation)] {
                    try database.rows("INSERT OR REPLACE INTO archive (key, value) VALUES (?, ?)", [.text(key), .blob(value)])
                }
            }
        } catch {
            switch error {
            case let .database(failure), let .body(failure): throw .database(failure)
            }
        }
        try writeCheckpointKey(published)
        return true
    }

    /// The verifier of this archive's log: the checkpoint key the index publishes, the entries'
    /// seal key when given, the earlier keys when `archive migrate` gave the log its own (their
    /// seal key derived from `archiveKey` when given), and the policy's witnesses.
    func logVerifier(sealKey: SymmetricKey?, archiveKey: SymmetricKey?) throws(ArchiveError) -> LogVerifier {
        var earlier: LogVerifier.EarlierKeys?
        if let raw = try Self.metadata("log_earlier_key", in: database),
           let size = try Self.metadata("log_earlier_size", in: database).flatMap({ Int(String(decoding: $0, as: UTF8.self)) }) {
            let key = try Self.crypto { () throws(CryptographyError) in try Ed25519PublicKey(rawRepresentation: raw) }
            let seal = try archiveKey.map { (key) throws(ArchiveError) in try Self.crypto { () throws(CryptographyError) in try EarlierLogKeys.seal(key) } }
            earlier = LogVerifier.EarlierKeys(size: size, publicKey: key, sealKey: seal)
        }
        return LogVerifier(log: log, publicKey: try checkpointKey(), sealKey: sealKey, earlier: earlier,
                           witnesses: policy.witnesses.map(\.key), quorum: policy.witnessQuorum)
    }
}
