import Foundation
import XML

/// Who a dossier is addressed to, as its signed manifest says: an ASiC manifest extension
/// (ETSI EN 319 162-1, `ASiCManifestExtensions`, marked critical) in the namespace
/// `urn:inclusio:dossier-addressees:1`.
///
/// It binds the key envelope (`META-INF/recipients.p7m`, which the signature does not cover
/// as an entry) to the sender's signature by its SHA-256, and lists each recipient's certificate
/// and public-key fingerprints and whether a passphrase may open it. A recipient who re-wraps
/// the password for someone else changes the envelope, and the new holder is not listed, so the
/// forwarded dossier is refused.
struct DossierAddressees: Equatable {
    static let namespace = "urn:inclusio:dossier-addressees:1"

    /// One recipient certificate.
    struct Recipient: Equatable {
        /// SHA-256 of the certificate's DER, lowercase hex.
        let certificate: String
        /// SHA-256 of its DER SubjectPublicKeyInfo, lowercase hex (to match a key given without its certificate).
        let publicKey: String
    }

    let recipients: [Recipient]
    /// Whether the envelope holds a passphrase recipient.
    let passphrase: Bool
    /// SHA-256 of `META-INF/recipients.p7m`.
    let envelope: Data

    /// The `asic:ASiCManifestExtensions` element, indented for the manifest.
    func rendered() -> String {
        var xml = """
          <asic:ASiCManifestExtensions>
            <asic:Extension Critical="true">
              <addressees xmlns="\(Self.namespace)" envelope-sha256="\(envelope.base64EncodedString())">\n
        """
        for recipient in recipients {
            xml += "        <certificate sha256=\"\(recipient.certificate)\" public-key-sha256=\"\(recipient.publicKey)\"/>\n"
        }
        if passphrase { xml += "        <passphrase/>\n" }
        return xml + "      </addressees>\n    </asic:Extension>\n  </asic:ASiCManifestExtensions>\n"
    }

    /// Reads the `asic:ASiCManifestExtensions` element `extensions`: exactly one critical extension, the addressees.
    /// - Throws: ``DossierError/malformedManifest(reason:)``.
    init(parsing extensions: XMLElement) throws(DossierError) {
        let line = extensions.line
        guard extensions.children.count == 1, let extensionElement = extensions.children.first,
              extensionElement.name == "Extension", extensionElement.namespace == ASiCManifest.namespace,
              extensionElement.children.count == 1, let root = extensionElement.children.first,
              root.name == "addressees", root.namespace == Self.namespace else {
            throw .malformedManifest(reason: "line \(line): its extensions are not one list of addressees")
        }
        guard let digest = root.attribute("envelope-sha256").flatMap({ Data(base64Encoded: $0) }), digest.count == 32 else {
            throw .malformedManifest(reason: "line \(root.line): the addressees lack the envelope's SHA-256 digest")
        }
        var recipients: [Recipient] = []
        var passphrase = false
        for child in root.children {
            switch (child.name, child.namespace) {
            case ("certificate", Self.namespace):
                guard let certificate = child.attribute("sha256"), let publicKey = child.attribute("public-key-sha256"),
                      [certificate, publicKey].allSatisfy(Self.isFingerprint) else {
                    throw .malformedManifest(reason: "line \(child.line): an addressee certificate lacks its SHA-256 fingerprints")
                }
                recipients.append(Recipient(certificate: certificate, publicKey: publicKey))
            case ("passphrase", Self.namespace) where !passphrase:
                passphrase = true
            default:
                throw .malformedManifest(reason: "line \(child.line): the addressees list only certificates and one passphrase")
            }
        }
        guard !recipients.isEmpty || passphrase else { throw .malformedManifest(reason: "line \(root.line): it names no addressee") }
        self.init(recipients: recipients, passphrase: passphrase, envelope: digest)
    }

    init(recipients: [Recipient], passphrase: Bool, envelope: Data) {
        self.recipients = recipients
        self.passphrase = passphrase
        self.envelope = envelope
    }

    private static func isFingerprint(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
