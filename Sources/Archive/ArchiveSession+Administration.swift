import AuditLog
import Cryptography
import Foundation

extension ArchiveSession {
    /// Enrols (or re-enrols, replacing the old credential) operator `id` of the policy with
    /// `enrolment`. In a local archive the archive key is sealed for that credential alone; in a
    /// served one only who they are is kept (``OperatorEnrolment``: the certificate, or a
    /// passphrase verifier of at least the policy's minimum length), and nothing opens a key.
    /// - Throws: ``ArchiveError/notPermitted(operator:action:target:)``, ``ArchiveError/unknownOperator(id:suggestion:)``,
    ///   ``ArchiveError/wrongCredentialKind(operator:expected:)``, ``ArchiveError/weakPassphrase(operator:minimum:)``.
    public func enrol(_ id: String, with enrolment: Enrolment) throws(ArchiveError) {
        try authorize(.policy, placement: nil, pupil: nil, target: "operators")
        guard let target = policy.operators[id] else { throw .unknownOperator(id: id, suggestion: nil) }
        guard target.credential == enrolment.kind else { throw .wrongCredentialKind(operator: id, expected: target.credential) }
        let served = archive.custody == .service
        if served { try ConfidentialArchive.checkStrength(enrolment, of: id, policy: policy) }
        let now = AccessLog.timestamp(Date())
        let file = try crypto { () throws(CryptographyError) in
            served ? try OperatorEnrolment.make(enrolment, operator: id, enrolled: now, key: keys.enrolmentSeal).encoded()
                   : try OperatorKeyFile.seal(keys.master, for: enrolment, operator: id)
        }
        let layout = archive.layout
        try writing { () throws(ArchiveError) in
            _ = try query("INSERT OR REPLACE INTO operators (id, credential, fingerprint, enrolled, enrolled_by) VALUES (?, ?, ?, ?, ?)",
                          [.text(id), .text(target.credential.rawValue), .of(enrolment.fingerprint), .text(now), .text(op.id)])
            try DurableFile.write(file, to: served ? layout.enrolment(id) : layout.operatorKey(id, target.credential),
                                  temporaryFolder: layout.temporary, replacing: true)
            try record("enrol", recipient: id)
        }
    }

    /// Puts `data` (a policy file, named `file` in messages) in force: validated, sealed,
    /// copied to `policy.xml`. Operators it no longer names lose their key files (or, in a served
    /// archive, their enrolments: the service refuses them at their next request).
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
        for gone in removed + changedKind {
            unlink(layout.operatorKey(gone.id, gone.credential).path)
            unlink(layout.enrolment(gone.id).path)
        }
    }
}
