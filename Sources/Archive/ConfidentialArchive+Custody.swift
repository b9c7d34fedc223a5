import AuditLog
import Cryptography
import Foundation

extension ConfidentialArchive {
    /// Opens a served archive's key with the custodians' passphrase, for a service to hold in
    /// memory. A right passphrase is logged as a granted `unlock`; a wrong one is refused unlogged
    /// (no key is open to seal an entry).
    ///
    /// - Parameter retryDelay: the first delay after a wrong operator proof, doubled with each
    ///   failure in a row up to `retryCeiling` (seconds).
    /// - Throws: ``ArchiveError/notServed(path:)`` for a local archive, ``ArchiveError/wrongCustodianPassphrase``,
    ///   ``ArchiveError/damaged(what:reason:)`` when the key file or the policy's seal is damaged.
    public func unlock(custodianPassphrase: Data, retryDelay: Double = 0.25, retryCeiling: Double = 8) throws(ArchiveError) -> ArchiveCustody {
        guard custody == .service else { throw .notServed(path: root.path) }
        try checkOpenable()
        // A wrong passphrase is not logged: no key is open to seal an entry (an unsealed one could be
        // forged by anyone who can write the folder), and the key file can be tried offline anyway.
        guard let master = try openCustodianKey(custodianPassphrase) else { throw .wrongCustodianPassphrase }
        let keys = try keyring(master, keyFile: layout.custodianKey) { file throws(ArchiveError) in
            try Self.crypto { () throws(CryptographyError) in
                try OperatorKeyFile.open(file, with: .passphrase(custodianPassphrase), operator: ArchiveCustody.custodian)
            }
        }
        let origin = try logOrigin
        let event = AccessEvent(operatorId: ArchiveCustody.custodian, role: ArchiveCustody.custodian, organisation: "",
                                action: "unlock", purpose: "", outcome: .granted)
        try Self.logging { () throws(AuditLogError) in
            try log.append([event], keys: keys.log(origin: origin))
            try log.checkpoint(keys: keys.log(origin: origin))
        }
        return ArchiveCustody(root: root, schemas: schemas, keys: keys, delay: (retryDelay, retryCeiling))
    }

    /// A served archive's key, opened with the custodians' passphrase (`nil` when it does not open it).
    func openCustodianKey(_ passphrase: Data) throws(ArchiveError) -> SymmetricKey? {
        guard custody == .service else { throw .notServed(path: root.path) }
        guard let file = FileManager.default.contents(atPath: layout.custodianKey.path) else {
            throw .damaged(what: "The archive's key file (keys/custodian.scrypt)", reason: "it is missing")
        }
        return try Self.crypto { () throws(CryptographyError) in
            try OperatorKeyFile.open(file, with: .passphrase(passphrase), operator: ArchiveCustody.custodian)
        }
    }
}
