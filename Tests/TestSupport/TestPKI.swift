import Cryptography
import Foundation

/// One demo PKI per test run, made by `DemoPKI`, shared by the tests that only read it.
public enum TestPKI {
    private static let made: Result<URL, any Error> = Result {
        let folder = try Run.temporaryFolder().appendingPathComponent("pki")
        _ = try DemoPKI.create(in: folder)
        return folder
    }

    /// The folder holding root.pem, office.pem/.key, school-a.pem/.key, school-b.pem/.key.
    public static func folder() throws -> URL { try made.get() }
    public static func file(_ name: String) throws -> URL { try folder().appendingPathComponent(name) }
    public static func certificate(_ stem: String) throws -> Certificate { try Certificate.load(contentsOf: file("\(stem).pem"))[0] }
    public static func key(_ stem: String) throws -> PrivateKey { try PrivateKey.load(contentsOf: file("\(stem).key")) }
    public static func identity(_ stem: String) throws -> SigningIdentity {
        try SigningIdentity.load(certificate: file("\(stem).pem"), key: file("\(stem).key"), passphrase: nil)
    }
}
