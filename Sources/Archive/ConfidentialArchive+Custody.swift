import AuditLog
import Cryptography
import Foundation

extension ConfidentialArchive {
    /// Opens a served archive's key with the custodians' passphrase, for a service to hold in
    /// memory. A wrong passphrase is logged as a denied `login` of `custodian` (unsealed, since no
    /// key was opened); a right one as a granted `unlock`.
    ///
    /// - Parameter retryDelay: the first delay after a wrong operator proof, doubled with each
    ///   failure in a row up to `retryCeiling` (seconds).
    /// - Throws: ``ArchiveError/notServed(path:)`` for a local archive, ``ArchiveError/wrongCustodianPassphrase``,
    ///   ``ArchiveError/damaged(what:reason:)`` when the key file or the policy's seal is damaged.
    public func unlock(custodianPassphrase: Data, retryDelay: Double = 0.25, retryCeiling: Double = 8) throws(ArchiveError) -> ArchiveCustody {
        guard custody == .service else { throw .notServed(path: root.path) }
        try checkOpenable()
        guard let file = FileManager.default.contents(atPath: layout.custodianKey.path) else {
            throw .damaged(what: "The archive's key file (keys/custodian.scrypt)", reason: "it is missing")
        }
        let opened = try Self.crypto { () throws(CryptographyError) in
            try OperatorKeyFile.open(file, with: .passphrase(custodianPassphrase), operator: ArchiveCustody.custodian)
        }
        // A refusal is a denied `login` (the one kind of entry the log accepts unsealed); a success an `unlock`.
        let event = { (outcome: AccessEvent.Outcome) in
            AccessEvent(operatorId: ArchiveCustody.custodian, role: ArchiveCustody.custodian, organisation: "",
                        action: outcome == .granted ? "unlock" : "login", purpose: "", outcome: outcome)
        }
        guard let master = opened else {
            // Written without a seal, like a denied login; the next sealed entry and checkpoint cover it.
            try Self.logging { () throws(AuditLogError) in try log.append([event(.denied)], keys: nil) }
            throw .wrongCustodianPassphrase
        }
        let keys = try keyring(master, keyFile: layout.custodianKey) { file throws(ArchiveError) in
            try Self.crypto { () throws(CryptographyError) in
                try OperatorKeyFile.open(file, with: .passphrase(custodianPassphrase), operator: ArchiveCustody.custodian)
            }
        }
        let origin = try logOrigin
        try Self.logging { () throws(AuditLogError) in
            try log.append([event(.granted)], keys: keys.log(origin: origin))
            try log.checkpoint(keys: keys.log(origin: origin))
        }
        return ArchiveCustody(root: root, schemas: schemas, keys: keys, delay: (retryDelay, retryCeiling))
    }
}
