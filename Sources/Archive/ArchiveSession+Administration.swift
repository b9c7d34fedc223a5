import AuditLog
import Cryptography
import Foundation

extension ArchiveSession {
    /// Enrols (or re-enrols, replacing the old credential) operator `id` of the policy with
    /// `enrolment`: the archive key is sealed for that credential alone.
    /// - Throws: ``ArchiveError/notPermitted(operator:action:target:)``, ``ArchiveError/unknownOperator(id:suggestion:)``,
    ///   ``ArchiveError/wrongCredentialKind(operator:expected:)``.
    public func enrol(_ id: String, with enrolment: Enrolment) throws(ArchiveError) {
        try authorize(.policy, placement: nil, pupil: nil, target: "operators")
        guard let target = policy.operators[id] else { throw .unknownOperator(id: id, suggestion: nil) }
        guard target.credential == enrolment.kind else { throw .wrongCredentialKind(operator: id, expected: target.credential) }
        let file = try crypto { () throws(CryptographyError) in try OperatorKeyFile.seal(keys.archiveKey, for: enrolment, operator: id) }
        try writing { () throws(ArchiveError) in
            _ = try query("INSERT OR REPLACE INTO operators (id, credential, fingerprint, enrolled, enrolled_by) VALUES (?, ?, ?, ?, ?)",
                          [.text(id), .text(target.credential.rawValue), .of(enrolment.fingerprint), .text(AccessLog.timestamp(Date())), .text(op.id)])
            try DurableFile.write(file, to: archive.layout.operatorKey(id, target.credential), temporaryFolder: archive.layout.temporary, replacing: true)
            try record("enrol", recipient: id)
        }
    }

    /// Puts `data` (a policy file, named `file` in messages) in force: validated, sealed,
    /// copied to `policy.xml`. Operators it no longer names lose their key files.
    /// - Throws: ``ArchiveError/invalidPolicy(file:reason:)``, ``ArchiveError/notPermitted(operator:action:target:)``.
    public func applyPolicy(_ data: Data, file: String) throws(ArchiveError) {
        try authorize(.policy, placement: nil, pupil: nil, target: "the policy")
        let next = try ArchivePolicy.read(data, file: file, schemas: archive.schemas.policy)
        let layout = archive.layout
        let removed = policy.operators.values.filter { next.operators[$0.id] == nil }
        let changedKind = policy.operators.values.filter { current in next.operators[current.id].map { $0.credential != current.credential } ?? false }
        try writing { () throws(ArchiveError) in
            _ = try query("UPDATE archive SET value = ? WHERE key = 'policy'", [.blob(data)])
            _ = try query("UPDATE archive SET value = ? WHERE key = 'policy_seal'", [.blob(keys.seal(policy: data))])
            for gone in removed + changedKind { _ = try query("DELETE FROM operators WHERE id = ?", [.text(gone.id)]) }
            try DurableFile.write(data, to: layout.policy, temporaryFolder: layout.temporary, mode: 0o644, replacing: true)
            try record("policy", sha256: SHA256.hex(data))
        }
        for gone in removed + changedKind { unlink(layout.operatorKey(gone.id, gone.credential).path) }
    }
}
