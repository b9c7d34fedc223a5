import Foundation
import XML

/// What one payload entry is, as the encrypted index says: the original title and, for a
/// record, its kind, document id and version. Personal data may be in the title, which is
/// why the index travels encrypted.
public struct DossierEntry: Sendable, Equatable {
    /// Entry name inside the dossier (`data/0001.xml`); no personal data.
    public let name: String
    /// The file name it had when packed.
    public let title: String
    public let mediaType: String
    /// The record kind (`placement`), or `attachment` for other files.
    public let kind: String
    /// The record's document id, for records.
    public let document: String?
    /// The record's version, for records.
    public let version: String?
    /// The record's jurisdiction, for records.
    public let jurisdiction: String?
    /// Size in bytes.
    public let size: UInt64
}

/// `META-INF/index.xml` (namespace `urn:inclusio:dossier-index:1`, schema in `Schemas/dossier/`).
enum DossierIndex {
    static let namespace = "urn:inclusio:dossier-index:1"

    /// The index as UTF-8 XML.
    static func render(_ entries: [DossierEntry], handover: DossierHandover? = nil, created: Date) -> Data {
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <dossier-index xmlns="\(namespace)" created="\(created.formatted(.iso8601))">\n
        """
        if let handover {
            let attributes = "register=\"\(XMLText.escaped(handover.register, attribute: true))\" pupil=\"\(XMLText.escaped(handover.pupil, attribute: true))\""
            xml += handover.missing.isEmpty ? "  <handover \(attributes)/>\n"
                : "  <handover \(attributes)>\n" + handover.missing.map { "    <missing kind=\"\(XMLText.escaped($0, attribute: true))\"/>\n" }.joined() + "  </handover>\n"
        }
        for entry in entries {
            let optional = [("document", entry.document), ("version", entry.version), ("jurisdiction", entry.jurisdiction)]
                .compactMap { name, value in value.map { " \(name)=\"\(XMLText.escaped($0, attribute: true))\"" } }.joined()
            xml += "  <entry name=\"\(entry.name)\" kind=\"\(XMLText.escaped(entry.kind, attribute: true))\"\(optional)"
                + " media-type=\"\(entry.mediaType)\" size=\"\(entry.size)\" title=\"\(XMLText.escaped(entry.title, attribute: true))\"/>\n"
        }
        return Data((xml + "</dossier-index>\n").utf8)
    }

    /// Reads an index: its entries and the handover it declares, if any.
    /// - Throws: ``DossierError/malformedIndex(reason:)``.
    static func parse(_ data: Data) throws(DossierError) -> (entries: [DossierEntry], handover: DossierHandover?) {
        let root: XMLElement
        do {
            root = try XMLTree(data: data, file: DossierLayout.index).rootElement()
        } catch {
            throw .malformedIndex(reason: "not well-formed XML")
        }
        guard root.name == "dossier-index", root.namespace == namespace else { throw .malformedIndex(reason: "wrong root element") }
        let handovers = root.children(named: "handover")
        guard handovers.count <= 1 else { throw .malformedIndex(reason: "it declares more than one handover") }
        let handover = try handovers.first.map { element throws(DossierError) in
            guard let register = element.attribute("register"), let pupil = element.attribute("pupil") else {
                throw .malformedIndex(reason: "line \(element.line): the handover lacks its register or pupil")
            }
            return DossierHandover(register: register, pupil: pupil, missing: element.children(named: "missing").compactMap { $0.attribute("kind") })
        }
        let entries = try root.children.filter { $0.name != "handover" }.map { element throws(DossierError) in
            guard element.name == "entry", let name = element.attribute("name"), let title = element.attribute("title"),
                  let kind = element.attribute("kind"), let size = element.attribute("size").flatMap(UInt64.init) else {
                throw .malformedIndex(reason: "line \(element.line): an entry lacks name, title, kind or size")
            }
            return DossierEntry(name: name, title: title, mediaType: element.attribute("media-type") ?? "application/octet-stream",
                                kind: kind, document: element.attribute("document"), version: element.attribute("version"),
                                jurisdiction: element.attribute("jurisdiction"), size: size)
        }
        return (entries, handover)
    }
}
