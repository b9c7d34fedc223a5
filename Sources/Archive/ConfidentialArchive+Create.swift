import AuditLog
import Cryptography
import Foundation
import Support

extension ConfidentialArchive {
    /// Creates an archive at `root` with `policy`, a fresh archive key, and `administrator`
    /// enrolled with `enrolment`. Everything is built in a hidden folder and moved into place,
    /// the index last; an existing archive is never touched.
    ///
    /// With `custodian` (the custodians' passphrase) the archive is served (``KeyCustody/service``):
    /// the archive key is sealed only under that passphrase (scrypt N = 2^17), and the administrator,
    /// like every operator after them, is enrolled by identity (certificate, or a passphrase
    /// verifier) with nothing that opens a key.
    /// - Throws: ``ArchiveError/alreadyExists(path:)``, ``ArchiveError/incomplete(path:leftover:)``,
    ///   ``ArchiveError/invalidPolicy(file:reason:)``, ``ArchiveError/unknownOperator(id:suggestion:)``,
    ///   ``ArchiveError/weakPassphrase(operator:minimum:)``.
    public static func create(at root: URL, policy policyData: Data, policyFile: String, schemas: ArchiveSchemas,
                              administrator: String, enrolment: Enrolment, custodian: Data? = nil) throws(ArchiveError) {
        let layout = ArchiveLayout(root: root)
        let manager = FileManager.default
        if manager.fileExists(atPath: layout.index.path) { throw .alreadyExists(path: root.path) }
        if let leftover = ArchiveLayout.created.first(where: { manager.fileExists(atPath: root.appendingPathComponent($0).path) }) {
            throw .incomplete(path: root.path, leftover: leftover)
        }
        let policy = try ArchivePolicy.read(policyData, file: policyFile, schemas: schemas.policy)
        guard let admin = policy.operators[administrator] else {
            throw .unknownOperator(id: administrator, suggestion: EditDistance.nearest(to: administrator, among: policy.operators.keys.sorted(), limit: 3))
        }
        guard policy.permits(admin, .policy) else {
            throw .invalidPolicy(file: policyFile, reason: "operator \(administrator)'s role does not permit \"policy\"; name an administrator with --admin.")
        }
        guard admin.credential == enrolment.kind else { throw .wrongCredentialKind(operator: administrator, expected: admin.credential) }
        if custodian != nil { try checkStrength(enrolment, of: administrator, policy: policy) }
        if let custodian, custodian.count < policy.minimumPassphraseLength { throw .weakPassphrase(operator: "custodian", minimum: policy.minimumPassphraseLength) }

        try DurableFile.makeFolder(root)
        let staging = ArchiveLayout(root: root.appendingPathComponent(".init-\(AtomicFiles.token())", isDirectory: true))
        let keys: ArchiveKeyring, origin: String
        do throws(ArchiveError) {
            (keys, origin) = try build(staging, policy: policy, administrator: admin, enrolment: enrolment, custodian: custodian)
            for name in ArchiveLayout.created {
                guard rename(staging.root.appendingPathComponent(name).path, root.appendingPathComponent(name).path) == 0 else {
                    throw .cannotWrite(FileWriteError(path: root.appendingPathComponent(name).path, reason: String(cString: strerror(errno))))
                }
            }
            DurableFile.syncFolder(root)
            try? manager.removeItem(at: staging.root)
        } catch {
            try? manager.removeItem(at: staging.root)
            throw error
        }
        try logging { () throws(AuditLogError) in
            let log = AccessLog(folder: layout.log)
            try log.append([AccessEvent(operatorId: admin.id, role: admin.role.id, organisation: admin.organisation, action: "policy",
                                        sha256: SHA256.hex(policyData), purpose: "archive created", outcome: .granted)],
                           keys: keys.log(origin: origin))
            try log.checkpoint(keys: keys.log(origin: origin))
        }
    }

    /// The one operator of `policy` whose role permits changing the policy.
    /// - Throws: ``ArchiveError/invalidPolicy(file:reason:)`` when there are several (name one with `--admin`).
    public static func administrator(in policy: Data, file: String, schemas: ArchiveSchemas) throws(ArchiveError) -> String {
        let read = try ArchivePolicy.read(policy, file: file, schemas: schemas.policy)
        let administrators = read.operators.values.filter { read.permits($0, .policy) }.map(\.id).sorted()
        guard administrators.count == 1 else {
            throw .invalidPolicy(file: file, reason: "several operators may change the policy (\(administrators.joined(separator: ", "))); name the one to enrol with --admin.")
        }
        return administrators[0]
    }

    private static func build(_ staging: ArchiveLayout, policy: ArchivePolicy, administrator admin: ArchivePolicy.Operator,
                              enrolment: Enrolment, custodian: Data?) throws(ArchiveError) -> (keys: ArchiveKeyring, logOrigin: String) {
        for folder in [staging.root, staging.operatorKeys, staging.blobs, staging.log, staging.temporary] { try DurableFile.makeFolder(folder) }
        // A random master key, random keys below it (wrapped under it in the index), and the log's own authority.
        let (keys, wrapped) = try crypto { () throws(CryptographyError) in
            let (master, service) = (try SymmetricKey.random(), try SeparateKeys.random())
            return (ArchiveKeyring(master: master, keys: service, logAuthority: try LogAuthority.generate()), try service.wrapped(under: master))
        }
        if let custodian {
            // Served: the key is sealed for the custodians alone; the administrator is enrolled by identity.
            let (keyFile, enrolled) = try crypto { () throws(CryptographyError) in
                (try OperatorKeyFile.seal(keys.master, for: .passphrase(custodian), operator: ArchiveCustody.custodian,
                                          parameters: OperatorKeyFile.custodianParameters),
                 try OperatorEnrolment.make(enrolment, operator: admin.id, enrolled: AccessLog.timestamp(Date()), key: keys.enrolmentSeal))
            }
            try DurableFile.write(keyFile, to: staging.custodianKey, temporaryFolder: staging.temporary)
            try DurableFile.write(enrolled.encoded(), to: staging.enrolment(admin.id), temporaryFolder: staging.temporary)
        } else {
            let keyFile = try crypto { () throws(CryptographyError) in try OperatorKeyFile.seal(keys.master, for: enrolment, operator: admin.id) }
            try DurableFile.write(keyFile, to: staging.operatorKey(admin.id, admin.credential), temporaryFolder: staging.temporary)
        }
        try DurableFile.write(policy.data, to: staging.policy, temporaryFolder: staging.temporary, mode: 0o644)
        let pem = try crypto { () throws(CryptographyError) in try keys.logAuthority.signing.publicKey.pemRepresentation() }
        try DurableFile.write(Data(pem.utf8), to: staging.checkpointKey, temporaryFolder: staging.temporary, mode: 0o644)
        let origin = try crypto { () throws(CryptographyError) in try SecureRandom.bytes(16) }
        let logOrigin = "inclusio.archive/" + origin.hexadecimal
        // The log's own key, sealed under what the custodians' secret unlocks.
        let authority = try crypto { () throws(CryptographyError) in try keys.logAuthority.sealed(under: keys.archiveKey, origin: logOrigin) }
        let now = AccessLog.timestamp(Date())
        do {
            let database = try SQLiteDatabase(path: staging.index.path, create: true)
            try database.execute(IndexSchema.create)
            for (key, value) in [("format", Data("\(IndexSchema.version)".utf8)), ("origin", Data(origin.hexadecimal.utf8)),
                                 ("created", Data(now.utf8)), ("policy", policy.data), ("policy_seal", keys.seal(policy: policy.data)),
                                 ("checkpoint_key", keys.logAuthority.signing.publicKey.rawRepresentation), ("log_authority", authority),
                                 ("custody", Data((custodian == nil ? KeyCustody.operators : .service).rawValue.utf8))] {
                try database.rows("INSERT INTO archive (key, value) VALUES (?, ?)", [.text(key), .blob(value)])
            }
            for (name, key) in wrapped {
                try database.rows("INSERT INTO keys (name, wrapped, created) VALUES (?, ?, ?)", [.text(name), .blob(key), .text(now)])
            }
            try database.rows("INSERT INTO operators (id, credential, fingerprint, enrolled, enrolled_by) VALUES (?, ?, ?, ?, ?)",
                              [.text(admin.id), .text(admin.credential.rawValue), .of(enrolment.fingerprint), .text(now), .text(admin.id)])
            // Closing checkpoints the WAL into the file, so the index moves as one file.
        } catch {
            throw .database(error)
        }
        return (keys, logOrigin)
    }
}

extension ConfidentialArchive {
    /// A served archive's passphrase operators need at least the policy's minimum length.
    static func checkStrength(_ enrolment: Enrolment, of op: String, policy: ArchivePolicy) throws(ArchiveError) {
        guard case let .passphrase(passphrase) = enrolment else { return }
        guard String(decoding: passphrase, as: UTF8.self).count >= policy.minimumPassphraseLength else {
            throw .weakPassphrase(operator: op, minimum: policy.minimumPassphraseLength)
        }
    }

    static func crypto<T>(_ body: () throws(CryptographyError) -> T) throws(ArchiveError) -> T {
        do { return try body() } catch { throw .cryptography(error) }
    }
}

extension Enrolment {
    /// The SHA-256 fingerprint of an enrolled certificate.
    var fingerprint: String? { if case let .certificate(certificate) = self { certificate.fingerprint } else { nil } }
}
