import Cryptography
import Foundation
import TestSupport
import Testing

@Suite struct CMSSignatureTests {
    let content = Data("<manifest>what was sent</manifest>".utf8)

    @Test func opensslCMSVerifiesOurCAdESSignature() throws {
        let signature = try CMSSignature.sign(content, by: try TestPKI.identity("office"))
        let folder = try Run.temporaryFolder()
        try content.write(to: folder.appendingPathComponent("content"))
        try signature.write(to: folder.appendingPathComponent("signature.p7s"))
        let run = try Run.program("openssl", ["cms", "-verify", "-binary", "-cades", "-inform", "DER", "-in", "signature.p7s",
                                              "-content", "content", "-CAfile", try TestPKI.file("root.pem").path, "-out", "/dev/null"],
                                  in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("Verification successful"))
    }

    @Test func ourVerifierNamesTheSigner() throws {
        let signature = try CMSSignature.sign(content, by: try TestPKI.identity("office"))
        let signer = try CMSSignature.verify(signature, content: content, roots: [try TestPKI.certificate("root")])
        #expect(signer.subject.contains("CN=Demo County Education Office"))
        #expect(signer.signingTime != nil)
    }

    @Test func changedContentIsAMismatch() throws {
        let signature = try CMSSignature.sign(content, by: try TestPKI.identity("office"))
        var changed = content
        changed[3] ^= 1
        let error = #expect(throws: CryptographyError.self) {
            _ = try CMSSignature.verify(signature, content: changed, roots: [try TestPKI.certificate("root")])
        }
        #expect(error?.description == CryptographyError.signatureMismatch.description)
    }

    @Test func anotherRootIsNotTrusted() throws {
        let other = try Run.temporaryFolder().appendingPathComponent("other")
        _ = try DemoPKI.create(in: other)
        let signature = try CMSSignature.sign(content, by: try TestPKI.identity("office"))
        let error = #expect(throws: CryptographyError.self) {
            _ = try CMSSignature.verify(signature, content: content, roots: try Certificate.load(contentsOf: other.appendingPathComponent("root.pem")))
        }
        #expect(error?.description.contains("not issued under the trusted root") == true)
    }

    @Test func anExpiredSignerIsNotTrusted() throws {
        let signature = try CMSSignature.sign(content, by: try TestPKI.identity("office"))
        let later = Date().addingTimeInterval(10 * 365 * 86_400)
        let error = #expect(throws: CryptographyError.self) {
            _ = try CMSSignature.verify(signature, content: content, roots: [try TestPKI.certificate("root")], at: later)
        }
        #expect(error?.description.contains("expired on") == true)
    }

    @Test func aPKCS12IdentitySignsAndAWrongPassphraseIsNamed() throws {
        let folder = try Run.temporaryFolder()
        let p12 = folder.appendingPathComponent("office.p12")
        let export = try Run.program("openssl", ["pkcs12", "-export", "-in", try TestPKI.file("office.pem").path,
                                                 "-inkey", try TestPKI.file("office.key").path, "-passout", "pass:s3cret", "-out", p12.path])
        #expect(export.status == 0, "\(export.stderr)")
        let identity = try SigningIdentity.load(certificate: p12, key: nil, passphrase: Data("s3cret".utf8))
        let signature = try CMSSignature.sign(content, by: identity)
        #expect(try CMSSignature.verify(signature, content: content, roots: [try TestPKI.certificate("root")]).subject.contains("Education Office"))
        let error = #expect(throws: CryptographyError.self) {
            _ = try SigningIdentity.load(certificate: p12, key: nil, passphrase: Data("wrong".utf8))
        }
        #expect(error?.description == CryptographyError.wrongPassphrase(file: p12.path).description)
    }
}
