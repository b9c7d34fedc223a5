import Cryptography
import Foundation
import Printing
import Support

extension TransferPreparation {
    /// The files of a batch's register in its folder.
    public struct RegisterFiles: Sendable {
        public let xml: URL
        public let signature: URL
        public let pdf: URL?
    }

    /// The receiving school, as its certificate names it.
    public var recipientName: String { recipient.subject }

    /// Writes the batch's handover register (every dossier sent so far, this run's and earlier
    /// runs') as XML with its detached signature by the sending office, and as PDF through its form
    /// when `printer` is given, replacing the previous run's; `nil` when nothing was sent yet.
    /// - Throws: ``TransferError/printing(_:)``, ``TransferError/cannotWrite(_:)``, ``TransferError/cryptography(_:)``.
    public func writeRegister(purpose: String, printer: RecordPrinter?) throws(TransferError) -> RegisterFiles? {
        let pupils = sent
        guard let first = pupils.first, let rule = rules[first.jurisdiction] else { return nil }
        let register = HandoverRegister(
            id: register, jurisdiction: first.jurisdiction, date: String(ISO8601DateFormatter().string(from: Date()).prefix(10)),
            purpose: purpose,
            sender: .init(name: session.op.organisation, certificate: identity.certificate.subject, operatorId: session.op.id),
            recipient: .init(name: Self.commonName(recipient.subject), certificate: recipient.subject, operatorId: nil),
            rule: (rule.file, rule.seed, rule.paragraph), pupils: pupils)
        let xml = folder.appendingPathComponent("handover-register.xml")
        try SignedXML.write(register.xml(), to: xml, by: identity, replacing: true)
        var pdf: URL?
        if let printer {
            let url = folder.appendingPathComponent("handover-register.pdf")
            let data = try register.pdf(printer: printer)
            do { try AtomicFiles.create([(url, data, 0o644)], replacing: true) } catch { throw .cannotWrite(error) }
            pdf = url
        }
        return RegisterFiles(xml: xml, signature: SignedXML.signatureURL(of: xml), pdf: pdf)
    }

    /// The `CN=` part of a certificate subject (the whole subject when it has none).
    static func commonName(_ subject: String) -> String {
        subject.components(separatedBy: ", ").first { $0.hasPrefix("CN=") }.map { String($0.dropFirst(3)) } ?? subject
    }
}
