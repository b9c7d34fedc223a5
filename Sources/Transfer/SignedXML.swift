import Cryptography
import Foundation
import Records
import Support
import XML

/// XML documents Inclusio signs for a transfer (the handover register, receipts): the file
/// beside a detached CMS signature `<file>.p7s` (DER, CAdES), which
/// `openssl cms -verify -binary -inform DER -content <file> -in <file>.p7s -CAfile root.pem` accepts.
enum SignedXML {
    /// Writes `xml` and its signature by `identity` as `url` and `url.p7s`, together or not at all.
    static func write(_ xml: Data, to url: URL, by identity: SigningIdentity, replacing: Bool) throws(TransferError) {
        let signature: Data
        do { signature = try CMSSignature.sign(xml, by: identity) } catch { throw .cryptography(error) }
        do {
            try AtomicFiles.create([(url, xml, 0o644), (signatureURL(of: url), signature, 0o644)], replacing: replacing)
        } catch {
            throw .cannotWrite(error)
        }
    }

    /// The signature file beside `url`.
    static func signatureURL(of url: URL) -> URL { url.deletingLastPathComponent().appendingPathComponent(url.lastPathComponent + ".p7s") }

    /// Reads `url` (named `file`), checks its signature against `roots` and its schema in
    /// `schemas`; returns the parsed tree and who signed.
    /// - Throws: ``TransferError/unsigned(file:reason:)``, ``TransferError/invalidDocument(file:reason:)``.
    static func read(_ url: URL, file: String, namespace: String, roots: [Certificate],
                     schemas: SchemaCatalog) throws(TransferError) -> (tree: XMLTree, signer: CMSSignature.Signer) {
        guard let xml = FileManager.default.contents(atPath: url.path) else { throw .invalidDocument(file: file, reason: "it cannot be read.") }
        guard let signature = FileManager.default.contents(atPath: signatureURL(of: url).path) else {
            throw .unsigned(file: file, reason: "its signature \(signatureURL(of: url).lastPathComponent) is missing")
        }
        let signer: CMSSignature.Signer
        do { signer = try CMSSignature.verify(signature, content: xml, roots: roots) } catch { throw .unsigned(file: file, reason: "\(error)") }
        do { return (try RecordValidator(catalog: schemas).tree(data: xml, file: file, namespace: namespace), signer) } catch {
            throw .invalidDocument(file: file, reason: error.reason)
        }
    }
}

extension String {
    /// The text as an XML attribute value, escaped.
    var xmlAttribute: String { XMLText.escaped(self, attribute: true) }
    /// The text as XML character data, escaped.
    var xmlText: String { XMLText.escaped(self, attribute: false) }
}
