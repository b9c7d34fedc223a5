import AuditLog
import Cryptography
import Foundation

/// The scopes a pupil's keys are wrapped under, from where their latest record places them.
enum KeyScope {
    /// `school:<jurisdiction>/<school code, else name>`, `district:<jurisdiction>/<district>`,
    /// `jurisdiction:<code>`: each level a placement has, the school first.
    static func scopes(of placement: PupilPlacement) -> [String] {
        let jurisdiction = placement.jurisdiction
        var scopes: [String] = []
        if let school = placement.schoolCode ?? placement.schoolName { scopes.append("school:\(jurisdiction)/\(school)") }
        if let district = placement.district { scopes.append("district:\(jurisdiction)/\(district)") }
        scopes.append("jurisdiction:\(jurisdiction)")
        return scopes
    }

    /// The name of a scope key's row in the `keys` table.
    static func keyName(_ scope: String, keyClass: String) -> String { "scope|\(scope)|\(keyClass)" }
}

extension ArchiveSession {
    /// The key of `scope` for `keyClass`, opened with the master key; made and stored (wrapped under
    /// the master) when there is none yet and `create` (inside a write transaction).
    /// - Throws: ``ArchiveError/damaged(what:reason:)`` when it is missing or does not open.
    func scopeKey(_ scope: String, keyClass: String, create: Bool = false) throws(ArchiveError) -> SymmetricKey {
        let name = KeyScope.keyName(scope, keyClass: keyClass)
        if let known = openedKeys[name] { return known }
        if let wrapped = try query("SELECT wrapped FROM keys WHERE name = ?", [.text(name)]).first?.blob(0) {
            guard let bytes = try? AESGCM.open(wrapped, key: keys.master, associatedData: Binding.wrappedKey(name)),
                  let key = try? SymmetricKey(bytes: bytes) else {
                throw .damaged(what: "A scope key of the archive", reason: "it does not open with the master key")
            }
            openedKeys[name] = key
            return key
        }
        guard create else { throw .damaged(what: "A scope key of the archive", reason: "it is missing") }
        let key = try crypto { () throws(CryptographyError) in try SymmetricKey.random() }
        let wrapped = try crypto { () throws(CryptographyError) in try AESGCM.seal(key.bytes, key: keys.master, associatedData: Binding.wrappedKey(name)) }
        _ = try query("INSERT INTO keys (name, wrapped, created) VALUES (?, ?, ?)", [.text(name), .blob(wrapped), .text(AccessLog.timestamp(Date()))])
        openedKeys[name] = key
        return key
    }

    /// The pupil's key of `keyClass`, opened through the key of one scope it is wrapped under.
    /// - Throws: ``ArchiveError/shredded(pupil:)``, ``ArchiveError/damaged(what:reason:)``.
    func pupilKey(_ pupil: String, keyClass: String) throws(ArchiveError) -> SymmetricKey {
        let name = "pupil|\(pupil)|\(keyClass)"
        if let known = openedKeys[name] { return known }
        guard let row = try query("SELECT scope, wrapped_key FROM pupil_keys WHERE pseudonym = ? AND key_class = ? ORDER BY scope DESC LIMIT 1",
                                  [.text(pupil), .text(keyClass)]).first, let scope = row.text(0), let wrapped = row.blob(1) else {
            if try query("SELECT shredded FROM pupils WHERE pseudonym = ?", [.text(pupil)]).first?.text(0) != nil { throw .shredded(pupil: pupil) }
            throw .damaged(what: "The key of pupil \(pupil)", reason: "it is missing")
        }
        let scopeKey = try scopeKey(scope, keyClass: keyClass)
        do {
            let key = try SymmetricKey(bytes: AESGCM.open(wrapped, key: scopeKey, associatedData: Binding.pupilKey(pupil, keyClass: keyClass, scope: scope)))
            openedKeys[name] = key
            return key
        } catch {
            throw .damaged(what: "The key of pupil \(pupil)", reason: "it does not open")
        }
    }

    /// The pupil key that seals the pupil's identity.
    func identityKey(_ pupil: PupilRecord) throws(ArchiveError) -> SymmetricKey {
        guard pupil.shredded == nil else { throw .shredded(pupil: pupil.pseudonym) }
        return try pupilKey(pupil.pseudonym, keyClass: pupil.identityClass ?? policy.restKeyClass)
    }

    /// The pupil's key of `keyClass` for filing a document: a new one, wrapped under the scope keys
    /// of `placement`, when the pupil has none of that class yet (inside a write transaction).
    func filingKey(_ pupil: String, keyClass: String, placement: PupilPlacement) throws(ArchiveError) -> SymmetricKey {
        if try !query("SELECT 1 FROM pupil_keys WHERE pseudonym = ? AND key_class = ? LIMIT 1", [.text(pupil), .text(keyClass)]).isEmpty {
            return try pupilKey(pupil, keyClass: keyClass)
        }
        let key = try crypto { () throws(CryptographyError) in try SymmetricKey.random() }
        try wrap(key, pupil: pupil, keyClass: keyClass, placement: placement)
        openedKeys["pupil|\(pupil)|\(keyClass)"] = key
        return key
    }

    /// Stores `key`, the pupil's key of `keyClass`, wrapped under the key of each scope of
    /// `placement` (made when missing), in place of the wraps it had.
    func wrap(_ key: SymmetricKey, pupil: String, keyClass: String, placement: PupilPlacement) throws(ArchiveError) {
        _ = try query("DELETE FROM pupil_keys WHERE pseudonym = ? AND key_class = ?", [.text(pupil), .text(keyClass)])
        for scope in KeyScope.scopes(of: placement) {
            let scopeKey = try scopeKey(scope, keyClass: keyClass, create: true)
            let wrapped = try crypto { () throws(CryptographyError) in
                try AESGCM.seal(key.bytes, key: scopeKey, associatedData: Binding.pupilKey(pupil, keyClass: keyClass, scope: scope))
            }
            _ = try query("INSERT INTO pupil_keys (pseudonym, key_class, scope, wrapped_key) VALUES (?, ?, ?, ?)",
                          [.text(pupil), .text(keyClass), .text(scope), .blob(wrapped)])
        }
    }

    /// Re-wraps every key of a pupil who changed school (or district, or jurisdiction) under the
    /// scope keys of `placement`: the old school's keys no longer open them.
    func moveKeys(of pupil: String, to placement: PupilPlacement) throws(ArchiveError) {
        let classes = try query("SELECT DISTINCT key_class FROM pupil_keys WHERE pseudonym = ?", [.text(pupil)]).compactMap { $0.text(0) }
        for keyClass in classes {
            try wrap(try pupilKey(pupil, keyClass: keyClass), pupil: pupil, keyClass: keyClass, placement: placement)
        }
    }
}
