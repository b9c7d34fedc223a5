import Cryptography
import Foundation
import Support

extension ConfidentialArchive {
    /// What opens the archive key for `archive migrate`.
    public enum MigrationCredential {
        /// A local archive: an operator whose role permits changing the policy, with their credential.
        case operatorCredential(id: String, credential: OperatorCredential)
        /// A served archive: the custodians' passphrase.
        case custodians(passphrase: Data)
    }

    /// Brings the archive up to this Inclusio's keys, step by step; each step is done once and is
    /// skipped when it finds its work done, so a migration interrupted is simply run again.
    /// - Returns: the names of the steps that changed something.
    /// - Throws: ``ArchiveError/wrongCredential(operator:)``, ``ArchiveError/wrongCustodianPassphrase``,
    ///   ``ArchiveError/notPermitted(operator:action:target:)``, ``ArchiveError/damaged(what:reason:)``.
    public func migrate(with credential: MigrationCredential) throws(ArchiveError) -> [String] {
        let archiveKey: SymmetricKey
        let actor: ArchivePolicy.Operator?
        switch credential {
        case let .operatorCredential(id, given):
            guard custody == .operators else { throw .servedArchive(path: root.path) }
            guard let found = policy.operators[id] else {
                throw .unknownOperator(id: id, suggestion: EditDistance.nearest(to: id, among: policy.operators.keys.sorted(), limit: 3))
            }
            guard given.kind == found.credential else { throw .wrongCredentialKind(operator: id, expected: found.credential) }
            guard let opened = try openArchiveKey(found, credential: given) else { throw .wrongCredential(operator: id) }
            guard policy.permits(found, .policy) else { throw .notPermitted(operator: id, action: .policy, target: "the archive's keys") }
            (archiveKey, actor) = (opened, found)
        case let .custodians(passphrase):
            guard let opened = try openCustodianKey(passphrase) else { throw .wrongCustodianPassphrase }
            (archiveKey, actor) = (opened, nil)
        }
        // A copy restored without its empty tmp/ gets it back: every durable write goes through it.
        try DurableFile.makeFolder(layout.temporary)
        var done: [String] = []
        if try migrateLogAuthority(archiveKey: archiveKey, actor: actor) { done.append("log authority") }
        return done
    }
}
