import Foundation
import Support

/// A small demonstration PKI so that signing and encryption work out of the box: a root,
/// the issuing office and two schools. Real deployments use their own PKI.
public enum DemoPKI {
    /// The parties, by file stem, with the common name on their certificate.
    public static let parties: [(stem: String, name: String)] = [
        ("office", "Demo County Education Office"),
        ("school-a", "Demo School A"),
        ("school-b", "Demo School B"),
    ]

    private static let organisation = "Inclusio demo PKI - not for real use"

    /// Writes `root.pem`, `<party>.pem` + `<party>.key` for every party, and `server.pem` +
    /// `server.key` (a TLS server certificate for 127.0.0.1 and localhost, for `inclusio serve`) into `directory`.
    /// Keys are ECDSA P-256, unencrypted PKCS#8 readable only by their owner (mode 0600).
    /// Certificates are valid for `validity` (default: from an hour ago for three years).
    /// - Throws: ``DemoPKIError/exists(_:)`` when any of the files is already there: keys are never overwritten.
    /// - Returns: the files written.
    public static func create(in directory: URL, validity: DateInterval? = nil) throws(DemoPKIError) -> [URL] {
        let validity = validity ?? DateInterval(start: Date().addingTimeInterval(-3600), duration: 3 * 365 * 86_400)
        let files = ["root.pem"] + parties.flatMap { ["\($0.stem).pem", "\($0.stem).key"] } + ["server.pem", "server.key"]
        let urls = files.map { directory.appendingPathComponent($0) }
        if let existing = urls.first(where: { FileManager.default.fileExists(atPath: $0.path) }) { throw DemoPKIError.exists(existing.path) }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(directory.path)
        }
        let contents: [(Data, mode_t)]
        do {
            contents = try issue(validity)
        } catch {
            throw .cryptography(error)
        }
        do {
            try AtomicFiles.create(zip(urls, contents).map { ($0, $1.0, $1.1) })
        } catch {
            throw error.alreadyExists ? .exists(error.path) : .cannotWrite(error.path)
        }
        return urls
    }

    /// PEM of the root certificate, then of each party's certificate and key, with file modes.
    private static func issue(_ validity: DateInterval) throws(CryptographyError) -> [(Data, mode_t)] {
        let rootKey = try PrivateKey.generate(.p256)
        let root = try CertificateIssuer.issue(subject: [("CN", "Inclusio Demo Root CA"), ("O", organisation)],
                                               key: rootKey, profile: .root, validity: validity)
        var contents: [(Data, mode_t)] = [(try root.pem(), 0o644)]
        for party in parties {
            let key = try PrivateKey.generate(.p256)
            let certificate = try CertificateIssuer.issue(subject: [("CN", party.name), ("O", organisation)], key: key,
                                                          profile: .party, validity: validity, issuer: (root, rootKey))
            contents += [(try certificate.pem(), 0o644), (try key.pem(), 0o600)]
        }
        let serverKey = try PrivateKey.generate(.p256)
        let server = try CertificateIssuer.issue(subject: [("CN", "Inclusio demo archive service"), ("O", organisation)], key: serverKey,
                                                 profile: .tlsServer(hosts: ["127.0.0.1", "localhost"]), validity: validity, issuer: (root, rootKey))
        contents += [(try server.pem(), 0o644), (try serverKey.pem(), 0o600)]
        return contents
    }
}

/// Why the demo PKI could not be written.
public enum DemoPKIError: CategorizedError, Sendable {
    case exists(String)
    case cannotWrite(String)
    case cryptography(CryptographyError)

    /// Keys are never overwritten: an existing or unwritable file is an output failure.
    public var category: FailureCategory {
        switch self {
        case .exists, .cannotWrite: .output
        case let .cryptography(error): error.category
        }
    }

    public var description: String {
        switch self {
        case let .exists(path): "\(path) already exists; keys are never overwritten. Choose an empty folder."
        case let .cannotWrite(path): "\(path) cannot be written; check the folder and its permissions."
        case let .cryptography(error): error.description
        }
    }
}
