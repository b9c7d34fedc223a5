import AuditLog
import Cryptography
import Foundation
import Support

/// What `archive rekey` replaced.
public struct RekeyReport: Sendable, Encodable {
    /// The keys replaced: `master`, or scope keys (`school:IT-MO/MOIC80000X|clinical`).
    public let rotated: [String]
    /// Keys re-wrapped under a new key: the keys below the master, or pupil keys under a new scope key.
    public let rewrapped: Int
    /// Pupil keys replaced by new ones (a scope rekey), with their document keys re-wrapped.
    public let pupils: Int
    /// Document keys re-wrapped under a new pupil key.
    public let versions: Int
    /// A local archive's operators whose key files held the old master key: removed, to be enrolled again.
    public let toEnrolAgain: [String]
}

/// Who keeps the new master key after `archive rekey --master`.
public enum MasterHolder {
    /// A served archive: the custodians' passphrase (the current one; it must open the current key file).
    case custodians(Data)
    /// A local archive: the operator running the rekey, with their certificate or passphrase.
    case operatorCredential(Enrolment)
}

extension ArchiveSession {
    /// Replaces the master key by a new random one: every key below it (the separate keys, the
    /// scope keys) is re-wrapped under the new one and the key file sealed again for `holder`;
    /// no pupil key, document key or blob changes. In a local archive the other operators' key
    /// files (which hold the old master key) are removed: they are enrolled again. Logged as
    /// `rekey` of `master`. The new key file is written beside the old one (`.next`) before the
    /// index commits and renamed after, so an interruption leaves a key file that opens the index
    /// (``ConfidentialArchive/keyring(_:keyFile:opening:)`` completes the rename).
    /// - Throws: ``ArchiveError/notPermitted(operator:action:target:)`` (administrators only),
    ///   ``ArchiveError/wrongCustodianPassphrase``, ``ArchiveError/wrongCredentialKind(operator:expected:)``.
    public func rekeyMaster(holder: MasterHolder) throws(ArchiveError) -> RekeyReport {
        try authorize(.policy, placement: nil, pupil: nil, target: "the archive's keys")
        let layout = archive.layout
        let master = try crypto { () throws(CryptographyError) in try SymmetricKey.random() }
        let keyFile: URL, sealed: Data
        switch (holder, archive.custody) {
        case let (.custodians(passphrase), .service):
            let current = FileManager.default.contents(atPath: layout.custodianKey.path) ?? Data()
            guard try crypto({ () throws(CryptographyError) in
                try OperatorKeyFile.open(current, with: .passphrase(passphrase), operator: ArchiveCustody.custodian)
            }) == keys.master else { throw .wrongCustodianPassphrase }
            keyFile = layout.custodianKey
            sealed = try crypto { () throws(CryptographyError) in
                try OperatorKeyFile.seal(master, for: .passphrase(passphrase), operator: ArchiveCustody.custodian, parameters: OperatorKeyFile.custodianParameters)
            }
        case let (.operatorCredential(enrolment), .operators):
            guard enrolment.kind == op.credential else { throw .wrongCredentialKind(operator: op.id, expected: op.credential) }
            keyFile = layout.operatorKey(op.id, op.credential)
            sealed = try crypto { () throws(CryptographyError) in try OperatorKeyFile.seal(master, for: enrolment, operator: op.id) }
        case (.custodians, .operators):
            throw .notServed(path: archive.root.path)
        case (.operatorCredential, .service):
            throw .servedArchive(path: archive.root.path)
        }
        let pending = ConfidentialArchive.pending(keyFile)
        try DurableFile.write(sealed, to: pending, temporaryFolder: layout.temporary, replacing: true)
        let rewrapped: Int
        do {
            rewrapped = try writing { () throws(ArchiveError) in
                let rows = try query("SELECT name, wrapped FROM keys")
                for row in rows {
                    guard let name = row.text(0), let wrapped = row.blob(1) else { continue }
                    let rewrapped = try crypto { () throws(CryptographyError) in
                        let key = try AESGCM.open(wrapped, key: keys.master, associatedData: Binding.wrappedKey(name))
                        return try AESGCM.seal(key, key: master, associatedData: Binding.wrappedKey(name))
                    }
                    _ = try query("UPDATE keys SET wrapped = ? WHERE name = ?", [.blob(rewrapped), .text(name)])
                }
                try record("rekey", recipient: "master")
                return rows.count
            }
        } catch {
            unlink(pending.path)
            throw error
        }
        guard rename(pending.path, keyFile.path) == 0 else {
            throw .cannotWrite(FileWriteError(path: keyFile.path, reason: String(cString: strerror(errno))))
        }
        DurableFile.syncFolder(keyFile.deletingLastPathComponent())
        replaceMaster(master)
        var others: [String] = []
        if archive.custody == .operators {
            for other in policy.operators.values where other.id != op.id {
                let file = layout.operatorKey(other.id, other.credential)
                if unlink(file.path) == 0 { others.append(other.id) }
            }
            DurableFile.syncFolder(layout.operatorKeys)
        }
        return RekeyReport(rotated: ["master"], rewrapped: rewrapped, pupils: 0, versions: 0, toEnrolAgain: others.sorted())
    }

    /// Replaces the keys of the scope `reference` names (a school code or name, a district, or a
    /// jurisdiction code), of `keyClass` or of every class: each by a new random key, and every
    /// pupil key under it by a new one too, wrapped under all the pupil's scopes, with the pupil's
    /// document keys (and details, and identity) re-sealed under it. No blob is re-encrypted. So a
    /// copy of an old scope key, or of a pupil key it opened, opens nothing filed afterwards.
    /// Logged as one `rekey` per scope key.
    /// - Throws: ``ArchiveError/unknownScope(reference:)``, ``ArchiveError/notPermitted(operator:action:target:)``.
    public func rekeyScope(_ reference: String, keyClass: String? = nil) throws(ArchiveError) -> RekeyReport {
        try authorize(.policy, placement: nil, pupil: nil, target: "the archive's keys")
        let names = try query("SELECT name FROM keys WHERE name LIKE 'scope|%'").compactMap { $0.text(0) }.filter { name in
            let parts = name.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 3, keyClass == nil || parts[2] == keyClass else { return false }
            let scope = parts[1]
            return scope == "jurisdiction:\(reference)" || scope.hasSuffix("/\(reference)") && !scope.hasPrefix("jurisdiction:")
        }
        guard !names.isEmpty else { throw .unknownScope(reference: reference) }
        return try writing { () throws(ArchiveError) in
            var (pupils, versions, rewrapped) = (0, 0, 0)
            for name in names.sorted() {
                let parts = name.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
                let (scope, keyClass) = (parts[1], parts[2])
                let affected = try query("SELECT pseudonym FROM pupil_keys WHERE scope = ? AND key_class = ?", [.text(scope), .text(keyClass)]).compactMap { $0.text(0) }
                // The old pupil keys are opened before the scope key changes.
                var old: [String: SymmetricKey] = [:]
                for pupil in affected { old[pupil] = try pupilKey(pupil, keyClass: keyClass) }
                let (key, wrapped) = try crypto { () throws(CryptographyError) in
                    let key = try SymmetricKey.random()
                    return (key, try AESGCM.seal(key.bytes, key: keys.master, associatedData: Binding.wrappedKey(name)))
                }
                _ = try query("UPDATE keys SET wrapped = ?, created = ? WHERE name = ?", [.blob(wrapped), .text(AccessLog.timestamp(Date())), .text(name)])
                openedKeys[name] = key
                for pupil in affected {
                    let fresh = try crypto { () throws(CryptographyError) in try SymmetricKey.random() }
                    rewrapped += try rewrapPupil(pupil, keyClass: keyClass, to: fresh)
                    versions += try reseal(pupil, keyClass: keyClass, from: old[pupil]!, to: fresh)
                    openedKeys["pupil|\(pupil)|\(keyClass)"] = fresh
                    pupils += 1
                }
                try record("rekey", recipient: "\(scope)|\(keyClass)")
            }
            return RekeyReport(rotated: names.map { String($0.dropFirst("scope|".count)) }, rewrapped: rewrapped, pupils: pupils,
                               versions: versions, toEnrolAgain: [])
        }
    }

    /// Wraps `key`, the pupil's new key of `keyClass`, under each scope the old one was wrapped under.
    private func rewrapPupil(_ pupil: String, keyClass: String, to key: SymmetricKey) throws(ArchiveError) -> Int {
        let scopes = try query("SELECT scope FROM pupil_keys WHERE pseudonym = ? AND key_class = ?", [.text(pupil), .text(keyClass)]).compactMap { $0.text(0) }
        for scope in scopes {
            let scopeKey = try scopeKey(scope, keyClass: keyClass)
            let wrapped = try crypto { () throws(CryptographyError) in
                try AESGCM.seal(key.bytes, key: scopeKey, associatedData: Binding.pupilKey(pupil, keyClass: keyClass, scope: scope))
            }
            _ = try query("UPDATE pupil_keys SET wrapped_key = ? WHERE pseudonym = ? AND key_class = ? AND scope = ?",
                          [.blob(wrapped), .text(pupil), .text(keyClass), .text(scope)])
        }
        return scopes.count
    }

    /// Re-seals what `old` sealed for the pupil in `keyClass` (document keys, details, the identity) under `new`.
    func reseal(_ pupil: String, keyClass: String, from old: SymmetricKey, to new: SymmetricKey) throws(ArchiveError) -> Int {
        func move(_ sealed: Data, _ binding: Data) throws(ArchiveError) -> Data {
            do { return try AESGCM.seal(try AESGCM.open(sealed, key: old, associatedData: binding), key: new, associatedData: binding) } catch {
                throw .damaged(what: "A sealed value of pupil \(pupil)", reason: "it does not open")
            }
        }
        let versions = try query("SELECT \(StoredVersion.columns) FROM versions v JOIN documents d ON d.id = v.document WHERE d.pseudonym = ? AND d.key_class = ?",
                                 [.text(pupil), .text(keyClass)]).map(StoredVersion.init)
        for version in versions {
            guard let wrapped = version.wrappedKey, let details = version.sealedDetails else { continue }
            _ = try query("UPDATE versions SET wrapped_key = ?, sealed_details = ? WHERE document = ? AND version = ?",
                          [.blob(try move(wrapped, Binding.documentKey(pupil, version.document, version.version))),
                           .blob(try move(details, Binding.details(pupil, version.document, version.version))),
                           .text(version.document), .of(version.version)])
        }
        if let row = try query("SELECT sealed_identity FROM pupils WHERE pseudonym = ? AND identity_class = ?", [.text(pupil), .text(keyClass)]).first,
           let identity = row.blob(0) {
            _ = try query("UPDATE pupils SET sealed_identity = ? WHERE pseudonym = ?", [.blob(try move(identity, Binding.identity(pupil))), .text(pupil)])
        }
        return versions.count
    }
}
