import Foundation
import Printing
import XML

/// The handover register of one batch (交接清单 / 引継ぎ名簿 / elenco di trasmissione): who sent
/// what to whom, per pupil the documents (kind, id, version, SHA-256), the dossier's SHA-256,
/// the date and the gaps. Schema `Schemas/transfer/handover-register.xsd`, form
/// `Forms/<jurisdiction>/handover-register.xsl`.
public struct HandoverRegister: Sendable {
    public static let namespace = "urn:inclusio:handover-register:1"
    public static let kind = "handover-register"

    /// A sending office or receiving school.
    public struct Party: Sendable {
        public let name: String
        /// The certificate's subject.
        public let certificate: String
        /// The operator who acted (sender only).
        public let operatorId: String?
    }

    public let id: String
    public let jurisdiction: String
    /// YYYY-MM-DD.
    public let date: String
    public let purpose: String
    public let sender: Party
    public let recipient: Party
    /// The rules file and the seed paragraph it cites.
    public let rule: (file: String, seed: String, paragraph: String)
    public let pupils: [SentDossier]

    /// The register as UTF-8 XML.
    public func xml() -> Data {
        func party(_ tag: String, _ party: Party) -> String {
            "  <\(tag)>\n    <name>\(party.name.xmlText)</name>\n    <certificate>\(party.certificate.xmlText)</certificate>\n"
                + (party.operatorId.map { "    <operator>\($0.xmlText)</operator>\n" } ?? "") + "  </\(tag)>\n"
        }
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <handoverRegister xmlns="\(Self.namespace)" id="\(id.xmlAttribute)" jurisdiction="\(jurisdiction.xmlAttribute)" date="\(date)" purpose="\(purpose.xmlAttribute)">

        """
        xml += party("sender", sender) + party("recipient", recipient)
        xml += "  <rule file=\"\(rule.file.xmlAttribute)\" seed=\"\(rule.seed.xmlAttribute)\" paragraph=\"\(rule.paragraph.xmlAttribute)\"/>\n"
        for pupil in pupils {
            xml += "  <pupil pseudonym=\"\(pupil.pupil)\" level=\"\(pupil.level.xmlAttribute)\""
                + (pupil.nextLevel.map { " nextLevel=\"\($0.xmlAttribute)\"" } ?? "")
                + " dossier=\"\(pupil.dossier.xmlAttribute)\" dossierSha256=\"\(pupil.dossierSha256)\" sent=\"\(pupil.sent)\">\n"
            for document in pupil.documents {
                xml += "    <document kind=\"\(document.kind.xmlAttribute)\" id=\"\(document.id.xmlAttribute)\" version=\"\(document.version)\""
                    + (document.recordId.map { " recordId=\"\($0.xmlAttribute)\"" } ?? "") + " sha256=\"\(document.sha256)\"/>\n"
            }
            for kind in pupil.missing { xml += "    <missing kind=\"\(kind.xmlAttribute)\"/>\n" }
            xml += "  </pupil>\n"
        }
        return Data((xml + "</handoverRegister>\n").utf8)
    }

    /// The register printed through its jurisdiction's form, as PDF.
    /// - Throws: ``TransferError/printing(_:)``.
    public func pdf(printer: RecordPrinter) throws(TransferError) -> Data {
        do { return try printer.pdf(generated: xml(), file: "handover register \(id)", jurisdiction: jurisdiction, kind: Self.kind) } catch {
            throw .printing(error)
        }
    }

    /// Reads a register from its validated tree.
    init(_ root: XMLElement) {
        func party(_ tag: String) -> Party {
            let element = root.children(named: tag).first
            let value = { (name: String) in element?.children(named: name).first?.text.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }
            return Party(name: value("name"), certificate: value("certificate"), operatorId: element?.children(named: "operator").first?.text.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        let rule = root.children(named: "rule").first
        // The schema guarantees the attributes read here.
        self.init(id: root.attribute("id") ?? "", jurisdiction: root.attribute("jurisdiction") ?? "", date: root.attribute("date") ?? "",
                  purpose: root.attribute("purpose") ?? "", sender: party("sender"), recipient: party("recipient"),
                  rule: (rule?.attribute("file") ?? "", rule?.attribute("seed") ?? "", rule?.attribute("paragraph") ?? ""),
                  pupils: root.children(named: "pupil").map { pupil in
                      SentDossier(pupil: pupil.attribute("pseudonym") ?? "", jurisdiction: root.attribute("jurisdiction") ?? "",
                                  level: pupil.attribute("level") ?? "", nextLevel: pupil.attribute("nextLevel"),
                                  dossier: pupil.attribute("dossier") ?? "", dossierSha256: pupil.attribute("dossierSha256") ?? "",
                                  sent: pupil.attribute("sent") ?? "",
                                  documents: pupil.children(named: "document").map {
                                      SentDossier.Document(kind: $0.attribute("kind") ?? "", id: $0.attribute("id") ?? "",
                                                           version: Int($0.attribute("version") ?? "") ?? 0, recordId: $0.attribute("recordId"),
                                                           sha256: $0.attribute("sha256") ?? "")
                                  },
                                  missing: pupil.children(named: "missing").compactMap { $0.attribute("kind") })
                  })
    }

    init(id: String, jurisdiction: String, date: String, purpose: String, sender: Party, recipient: Party,
         rule: (file: String, seed: String, paragraph: String), pupils: [SentDossier]) {
        self.id = id
        self.jurisdiction = jurisdiction
        self.date = date
        self.purpose = purpose
        self.sender = sender
        self.recipient = recipient
        self.rule = rule
        self.pupils = pupils
    }
}
