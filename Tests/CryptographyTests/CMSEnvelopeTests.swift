import Cryptography
import Foundation
import TestSupport
import Testing

@Suite struct CMSEnvelopeTests {
    let secret = Data("0123456789abcdef0123456789abcdef".utf8)

    /// `openssl cms -decrypt` with `arguments` on `envelope`; returns what it recovered.
    private func opensslDecrypt(_ envelope: Data, _ arguments: [String]) throws -> Run {
        let folder = try Run.temporaryFolder()
        try envelope.write(to: folder.appendingPathComponent("recipients.p7m"))
        return try Run.program("openssl", ["cms", "-decrypt", "-binary", "-inform", "DER", "-in", "recipients.p7m"] + arguments, in: folder)
    }

    @Test func opensslOpensItWithAnECRecipientKey() throws {
        let envelope = try CMSEnvelope.seal(secret, for: [try TestPKI.certificate("school-a")], passphrase: nil)
        let run = try opensslDecrypt(envelope, ["-recip", try TestPKI.file("school-a.pem").path, "-inkey", try TestPKI.file("school-a.key").path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == String(decoding: secret, as: UTF8.self))
    }

    @Test func opensslOpensItWithAnRSARecipientKeyAndOAEP() throws {
        let folder = try Run.temporaryFolder()
        let rsa = try PrivateKey.generate(.rsa2048)
        try rsa.pem().write(to: folder.appendingPathComponent("rsa.key"))
        let certificate = try CertificateIssuer.issue(subject: [("CN", "RSA School")], key: rsa, profile: .party,
                                                      validity: DateInterval(start: Date(), duration: 86_400))
        let envelope = try CMSEnvelope.seal(secret, for: [certificate], passphrase: nil)
        try envelope.write(to: folder.appendingPathComponent("recipients.p7m"))
        let run = try opensslDecrypt(envelope, ["-inkey", folder.appendingPathComponent("rsa.key").path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == String(decoding: secret, as: UTF8.self))
        let printed = try Run.program("openssl", ["cms", "-cmsout", "-print", "-inform", "DER", "-in", "recipients.p7m"], in: folder)
        #expect(printed.stdout.contains("rsaesOaep") && printed.stdout.contains("sha256"), "RSA recipients get OAEP with SHA-256")
        let key = try PrivateKey.load(contentsOf: folder.appendingPathComponent("rsa.key"))
        #expect(try CMSEnvelope.open(envelope, key: key, certificate: nil, keyFile: "rsa.key") == secret)
    }

    @Test func opensslOpensItWithThePassphrase() throws {
        let envelope = try CMSEnvelope.seal(secret, for: [try TestPKI.certificate("school-a")], passphrase: Data("correct horse".utf8))
        let run = try opensslDecrypt(envelope, ["-pwri_password", "correct horse"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == String(decoding: secret, as: UTF8.self))
        #expect(try CMSEnvelope.open(envelope, passphrase: Data("correct horse".utf8)) == secret)
    }

    @Test func anotherSchoolsKeyIsRefused() throws {
        let envelope = try CMSEnvelope.seal(secret, for: [try TestPKI.certificate("school-a")], passphrase: nil)
        let error = #expect(throws: CryptographyError.self) {
            _ = try CMSEnvelope.open(envelope, key: try TestPKI.key("school-b"), certificate: nil, keyFile: "school-b.key")
        }
        #expect(error?.description == CryptographyError.notAddressedToKey(file: "school-b.key").description)
    }

    @Test func aWrongOrUnexpectedPassphraseIsNamed() throws {
        let withPassphrase = try CMSEnvelope.seal(secret, for: [], passphrase: Data("right".utf8))
        let wrong = #expect(throws: CryptographyError.self) { _ = try CMSEnvelope.open(withPassphrase, passphrase: Data("wrong".utf8)) }
        #expect(wrong?.description == CryptographyError.wrongEnvelopePassphrase.description)
        let withoutPassphrase = try CMSEnvelope.seal(secret, for: [try TestPKI.certificate("school-a")], passphrase: nil)
        let none = #expect(throws: CryptographyError.self) { _ = try CMSEnvelope.open(withoutPassphrase, passphrase: Data("right".utf8)) }
        #expect(none?.description == CryptographyError.noPassphraseRecipient.description)
    }
}
