import Cryptography
import Foundation
import TestSupport

/// The certificates the HTTPS tests use, made once per run as PEM files in a fresh folder:
/// a service CA and its server certificate for `127.0.0.1` and `localhost`; clients are
/// TestPKI's schools (root.pem is the client CA) and a stranger from a CA of its own.
enum ServicePKI {
    private static let made: Result<URL, any Error> = Result {
        let folder = try Run.temporaryFolder().appendingPathComponent("service-pki")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let validity = DateInterval(start: Date().addingTimeInterval(-3600), duration: 86_400)
        let serviceKey = try PrivateKey.generate(.p256)
        let serviceCA = try CertificateIssuer.issue(subject: [("CN", "Test Service CA")], key: serviceKey,
                                                    profile: .root, validity: validity)
        let serverKey = try PrivateKey.generate(.p256)
        let server = try CertificateIssuer.issue(subject: [("CN", "Test archive service")], key: serverKey,
                                                 profile: .tlsServer(hosts: ["127.0.0.1", "localhost"]),
                                                 validity: validity, issuer: (serviceCA, serviceKey))
        let strangerRootKey = try PrivateKey.generate(.p256)
        let strangerRoot = try CertificateIssuer.issue(subject: [("CN", "Stranger CA")], key: strangerRootKey,
                                                       profile: .root, validity: validity)
        let strangerKey = try PrivateKey.generate(.p256)
        let stranger = try CertificateIssuer.issue(subject: [("CN", "Stranger School")], key: strangerKey, profile: .party,
                                                   validity: validity, issuer: (strangerRoot, strangerRootKey))
        for (name, pem) in [("service-ca.pem", try serviceCA.pem()), ("server.pem", try server.pem()),
                            ("server.key", try serverKey.pem()), ("stranger.pem", try stranger.pem()),
                            ("stranger.key", try strangerKey.pem())] {
            try pem.write(to: folder.appendingPathComponent(name))
        }
        return folder
    }

    /// A file of this PKI (`service-ca.pem`, `server.pem`, `server.key`, `stranger.pem`, `stranger.key`).
    static func file(_ name: String) throws -> URL { try made.get().appendingPathComponent(name) }
}
