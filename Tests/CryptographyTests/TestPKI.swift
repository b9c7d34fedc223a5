import Cryptography
import Foundation
import TestSupport

/// One demo PKI per test run, made by `DemoPKI`, shared by the tests that only read it.
enum TestPKI {
    private static let made: Result<URL, any Error> = Result {
        let folder = try Run.temporaryFolder().appendingPathComponent("pki")
        _ = try DemoPKI.create(in: folder)
        return folder
    }

    /// The folder holding root.pem, office.pem/.key, school-a.pem/.key, school-b.pem/.key.
    static func folder() throws -> URL { try made.get() }
    static func file(_ name: String) throws -> URL { try folder().appendingPathComponent(name) }
    static func certificate(_ stem: String) throws -> Certificate { try Certificate.load(contentsOf: file("\(stem).pem"))[0] }
    static func key(_ stem: String) throws -> PrivateKey { try PrivateKey.load(contentsOf: file("\(stem).key")) }
    static func identity(_ stem: String) throws -> SigningIdentity {
        try SigningIdentity.load(certificate: file("\(stem).pem"), key: file("\(stem).key"), passphrase: nil)
    }
}
