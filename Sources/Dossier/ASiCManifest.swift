import Foundation
import XML

/// `META-INF/ASiCManifest.xml`: the list of entries the signature covers, each with its
/// SHA-256 digest (ETSI EN 319 162-1 §A.4; schema in `Schemas/dossier/`), then the addressees
/// as its one manifest extension (``DossierAddressees``).
struct ASiCManifest {
    static let namespace = "http://uri.etsi.org/02918/v1.2.1#"
    static let signatureNamespace = "http://www.w3.org/2000/09/xmldsig#"
    static let sha256 = "http://www.w3.org/2001/04/xmlenc#sha256"

    /// One covered entry.
    struct Reference: Equatable {
        let uri: String
        let mediaType: String
        let digest: Data
    }

    let signatureURI: String
    let references: [Reference]
    /// Who the dossier is addressed to (absent in dossiers of earlier Inclusio versions).
    let addressees: DossierAddressees?

    /// The manifest as UTF-8 XML; these exact bytes are what the signature covers.
    func rendered() -> Data {
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <asic:ASiCManifest xmlns:asic="\(Self.namespace)" xmlns:ds="\(Self.signatureNamespace)">
          <asic:SigReference URI="\(XMLText.escaped(signatureURI, attribute: true))" MimeType="application/pkcs7-signature"/>\n
        """
        for reference in references {
            xml += """
              <asic:DataObjectReference URI="\(XMLText.escaped(reference.uri, attribute: true))" MimeType="\(XMLText.escaped(reference.mediaType, attribute: true))">
                <ds:DigestMethod Algorithm="\(Self.sha256)"/>
                <ds:DigestValue>\(reference.digest.base64EncodedString())</ds:DigestValue>
              </asic:DataObjectReference>\n
            """
        }
        return Data((xml + (addressees?.rendered() ?? "") + "</asic:ASiCManifest>\n").utf8)
    }

    /// Reads a manifest, accepting only the form above (hardened parse: no DTD, no network).
    /// - Throws: ``DossierError/malformedManifest(reason:)``.
    init(parsing data: Data) throws(DossierError) {
        let root: XMLElement
        do {
            root = try XMLTree(data: data, file: DossierLayout.manifest).rootElement()
        } catch {
            throw .malformedManifest(reason: "not well-formed XML")
        }
        guard root.name == "ASiCManifest", root.namespace == Self.namespace else {
            throw .malformedManifest(reason: "the root is not asic:ASiCManifest")
        }
        guard let first = root.children.first, first.name == "SigReference", first.namespace == Self.namespace,
              let signatureURI = first.attribute("URI") else {
            throw .malformedManifest(reason: "it does not start with a SigReference")
        }
        var references: [Reference] = []
        var addressees: DossierAddressees?
        for child in root.children.dropFirst() {
            guard addressees == nil else { throw .malformedManifest(reason: "line \(child.line): nothing may follow its extensions") }
            if child.name == "ASiCManifestExtensions", child.namespace == Self.namespace, !references.isEmpty {
                addressees = try DossierAddressees(parsing: child)
                continue
            }
            guard child.name == "DataObjectReference", child.namespace == Self.namespace, let uri = child.attribute("URI") else {
                throw .malformedManifest(reason: "line \(child.line): only DataObjectReference elements may follow")
            }
            let parts = child.children.map { ($0.name, $0.namespace) }
            guard parts.count == 2, parts[0] == ("DigestMethod", Self.signatureNamespace), parts[1] == ("DigestValue", Self.signatureNamespace),
                  child.children[0].attribute("Algorithm") == Self.sha256 else {
                throw .malformedManifest(reason: "line \(child.line): a SHA-256 DigestMethod and DigestValue are required")
            }
            guard let digest = Data(base64Encoded: child.children[1].text.trimmingCharacters(in: .whitespacesAndNewlines)),
                  digest.count == 32 else {
                throw .malformedManifest(reason: "line \(child.line): the DigestValue is not a SHA-256 digest")
            }
            references.append(Reference(uri: uri, mediaType: child.attribute("MimeType") ?? "application/octet-stream", digest: digest))
        }
        guard !references.isEmpty else { throw .malformedManifest(reason: "it lists no entries") }
        self.init(signatureURI: signatureURI, references: references, addressees: addressees)
    }

    init(signatureURI: String, references: [Reference], addressees: DossierAddressees?) {
        self.signatureURI = signatureURI
        self.references = references
        self.addressees = addressees
    }
}
