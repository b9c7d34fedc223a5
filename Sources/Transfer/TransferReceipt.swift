import Archive
import Foundation
import XML

/// What a receiving school signs for the dossiers of one register that it received and filed
/// (schema `Schemas/transfer/receipt.xsd`).
public struct TransferReceipt: Sendable {
    public static let namespace = "urn:inclusio:transfer-receipt:1"

    /// One dossier received: its SHA-256, the pupil in both archives, the documents, the gaps declared.
    public struct Dossier: Sendable {
        public let sha256: String
        public let senderPupil: String
        public let pupil: String
        public let documents: [(kind: String, recordId: String?, recordVersion: String?, sha256: String, filedAs: String, filedVersion: Int)]
        public let missing: [String]

        init(_ received: ReceivedDossier) {
            sha256 = received.sha256
            senderPupil = received.handover.pupil
            pupil = received.documents.first?.filed.pupil ?? ""
            documents = received.documents.map {
                ($0.filed.kind, $0.recordId, $0.recordVersion, $0.sha256, $0.filed.document, $0.filed.version)
            }
            missing = received.handover.missing
        }

        init(_ element: XMLElement) {
            // The schema guarantees the attributes read here.
            sha256 = element.attribute("sha256") ?? ""
            senderPupil = element.attribute("senderPupil") ?? ""
            pupil = element.attribute("pupil") ?? ""
            documents = element.children(named: "document").map {
                ($0.attribute("kind") ?? "", $0.attribute("recordId"), $0.attribute("recordVersion"), $0.attribute("sha256") ?? "",
                 $0.attribute("filedAs") ?? "", Int($0.attribute("filedVersion") ?? "") ?? 0)
            }
            missing = element.children(named: "missing").compactMap { $0.attribute("kind") }
        }
    }

    public let register: String
    /// UTC, ISO 8601.
    public let received: String
    /// The receiving school, as its certificate names it.
    public let receiver: String
    public let operatorId: String
    /// The sending office, as its signature names it.
    public let sender: String
    public let dossiers: [Dossier]

    init(register: String, received: String, receiver: String, operatorId: String, sender: String, dossiers: [Dossier]) {
        self.register = register
        self.received = received
        self.receiver = receiver
        self.operatorId = operatorId
        self.sender = sender
        self.dossiers = dossiers
    }

    /// Reads a receipt from its validated tree.
    init(_ root: XMLElement) {
        let value = { (name: String) in root.children(named: name).first?.text.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }
        self.init(register: root.attribute("register") ?? "", received: root.attribute("received") ?? "", receiver: value("receiver"),
                  operatorId: value("operator"), sender: value("sender"), dossiers: root.children(named: "dossier").map(Dossier.init))
    }

    /// The receipt as UTF-8 XML.
    public func xml() -> Data {
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <transferReceipt xmlns="\(Self.namespace)" register="\(register.xmlAttribute)" received="\(received)">
          <receiver>\(receiver.xmlText)</receiver>
          <operator>\(operatorId.xmlText)</operator>
          <sender>\(sender.xmlText)</sender>

        """
        for dossier in dossiers {
            xml += "  <dossier sha256=\"\(dossier.sha256)\" senderPupil=\"\(dossier.senderPupil.xmlAttribute)\" pupil=\"\(dossier.pupil.xmlAttribute)\">\n"
            for document in dossier.documents {
                xml += "    <document kind=\"\(document.kind.xmlAttribute)\""
                    + (document.recordId.map { " recordId=\"\($0.xmlAttribute)\"" } ?? "")
                    + (document.recordVersion.map { " recordVersion=\"\($0.xmlAttribute)\"" } ?? "")
                    + " sha256=\"\(document.sha256)\" filedAs=\"\(document.filedAs.xmlAttribute)\" filedVersion=\"\(document.filedVersion)\"/>\n"
            }
            for kind in dossier.missing { xml += "    <missing kind=\"\(kind.xmlAttribute)\"/>\n" }
            xml += "  </dossier>\n"
        }
        return Data((xml + "</transferReceipt>\n").utf8)
    }
}
