@testable import Cryptography
import Foundation
import TestSupport
import Testing

/// The PBKDF2-HMAC-SHA1 that derives WinZip AES keys: RFC 6070's known answers, and `openssl kdf`
/// for WinZip's shape (66 bytes over 1,000 rounds) with a password longer than a SHA-1 block.
@Suite struct PBKDF2SHA1Tests {
    @Test(arguments: [("password", "salt", 1, 20, "0c60c80f961f0e71f3a9b524af6012062fe037a6"),
                      ("password", "salt", 2, 20, "ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957"),
                      ("password", "salt", 4096, 20, "4b007901b765489abead49d926f721d065a429c1"),
                      ("passwordPASSWORDpassword", "saltSALTsaltSALTsaltSALTsaltSALTsalt", 4096, 25,
                       "3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038")])
    func rfc6070(password: String, salt: String, rounds: Int, count: Int, expected: String) {
        #expect(PBKDF2SHA1.derive(password: Array(password.utf8), salt: Data(salt.utf8), rounds: rounds, count: count)
                .map { String(format: "%02x", $0) }.joined() == expected)
    }

    @Test func winZipsShapeMatchesOpenSSL() throws {
        let password = String(repeating: "a long dossier password ", count: 4), salt = Data((0..<16).map { UInt8($0 * 7) })
        let run = try Run.program("openssl", ["kdf", "-keylen", "66", "-kdfopt", "digest:SHA1", "-kdfopt", "pass:" + password,
                                              "-kdfopt", "hexsalt:" + salt.map { String(format: "%02x", $0) }.joined(),
                                              "-kdfopt", "iter:1000", "PBKDF2"])
        #expect(run.status == 0, "\(run.stderr)")
        let ours = PBKDF2SHA1.derive(password: Array(password.utf8), salt: salt, rounds: 1000, count: 66)
        #expect(ours.map { String(format: "%02X", $0) }.joined(separator: ":") == run.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
