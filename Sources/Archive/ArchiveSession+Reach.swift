import AuditLog
import Foundation

/// Finding what an operator asked for without telling whether it exists.
///
/// A pupil outside the operator's scope and a reference that names nobody are refused with
/// the same ``ArchiveError/withheld(operator:action:target:)``, worded from the reference as
/// the operator gave it (never a national id, never a pseudonym the operator did not type), and
/// both are logged as denied. Otherwise any operator could learn whether a child has a
/// disability file by trying national ids (issue 16, point 4).
extension ArchiveSession {
    /// How a refusal names the pupil `reference` gives: the pseudonym as typed, or "the pupil
    /// with that national id"; the same words whether or not the pupil exists.
    static func pupilTarget(_ reference: String) -> String {
        let trimmed = reference.trimmingCharacters(in: .whitespaces)
        return trimmed.uppercased().hasPrefix("P-") ? "pupil \(trimmed.uppercased())" : "the pupil with that national id"
    }

    /// The pupil `reference` names, when this operator's role permits `action` (on `kind`) and,
    /// if `scoped`, the pupil is in one of their scopes. `target` words the refusal from
    /// ``pupilTarget(_:)``.
    /// - Throws: ``ArchiveError/notPermitted(operator:action:target:)`` when the role never
    ///   permits `action` (decided before any look-up); ``ArchiveError/withheld(operator:action:target:)``
    ///   for an unknown reference and for a pupil out of scope alike. Both are logged as denied.
    func reachablePupil(_ reference: String, for action: ArchivePolicy.Action, kind: String? = nil, scoped: Bool = true,
                        target: (String) -> String = { "the file of \($0)" }) throws(ArchiveError) -> PupilRecord {
        let described = target(Self.pupilTarget(reference))
        try authorizeRole(action, kind: kind, target: described)
        let found: PupilRecord?
        do { found = try pupil(reference) } catch {
            guard case .unknownPupil = error else { throw error }
            found = nil
        }
        guard let found, !scoped || policy.reaches(op, found.placement) else {
            try record(action.rawValue, pupil: found?.pseudonym, outcome: .denied)
            throw .withheld(operator: op.id, action: action, target: described)
        }
        return found
    }

    /// The document `reference` names (an archive id or a record id) among those of pupils in
    /// this operator's scope, and its pupil: documents of other pupils are as if absent, so
    /// neither "no such document" nor the candidates of an ambiguous record id tell of them.
    /// - Throws: as ``reachablePupil(_:for:kind:scoped:target:)``, and
    ///   ``ArchiveError/ambiguousDocument(reference:candidates:)`` naming reachable documents only.
    func reachableDocument(_ reference: String, for action: ArchivePolicy.Action) throws(ArchiveError) -> (id: String, pupil: PupilRecord) {
        let trimmed = reference.trimmingCharacters(in: .whitespaces)
        // Archive and record ids (D-…, MO-2026-0001-PEI) are named back; anything else typed here,
        // a national id by mistake say, is not.
        let looksLikeId = trimmed.contains("-") && trimmed.contains { $0.isLetter }
        let target = looksLikeId ? "document \(trimmed)" : "that document"
        try authorizeRole(action, kind: nil, target: target)
        let rows = try query("SELECT id, pseudonym FROM documents WHERE id = ? OR record_id = ? ORDER BY id", [.text(trimmed), .text(trimmed)])
        var reachable: [(id: String, pupil: PupilRecord)] = []
        var outside: String?
        for row in rows {
            guard let id = row.text(0), let pseudonym = row.text(1) else { continue }
            let pupil = try self.pupil(pseudonym)
            if policy.reaches(op, pupil.placement) { reachable.append((id, pupil)) } else { outside = outside ?? pseudonym }
        }
        guard let first = reachable.first else {
            try record(action.rawValue, pupil: outside, outcome: .denied)
            throw .withheld(operator: op.id, action: action, target: target)
        }
        guard reachable.count == 1 else { throw .ambiguousDocument(reference: trimmed, candidates: reachable.map(\.id)) }
        return first
    }

    /// Refuses (logged, no pupil named) when the operator's role never permits `action` on `kind`
    /// (any kind when `nil`), whoever the pupil: the answer does not depend on what the archive holds.
    private func authorizeRole(_ action: ArchivePolicy.Action, kind: String?, target: String) throws(ArchiveError) {
        guard policy.permits(op, action, kind: kind) else {
            try record(action.rawValue, outcome: .denied)
            throw .notPermitted(operator: op.id, action: action, target: target)
        }
    }
}
