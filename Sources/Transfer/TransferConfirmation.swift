import Cryptography
import Foundation
import XML

/// Matches signed receipts to the handover register they acknowledge, at the sending office.
public struct TransferConfirmation: Sendable {
    /// A pupil of the register and what the receipts say of their dossier.
    public struct Pupil: Sendable, Encodable {
        public let pupil: String
        public let dossier: String
        /// `acknowledged`, `unacknowledged`, or `discrepancy` (the receipt lists other documents than were sent).
        public let status: String
        /// The receiving archive's pseudonym, once acknowledged.
        public let receivedAs: String?
    }

    public let register: String
    public let recipient: String
    public let pupils: [Pupil]
    /// Receipts refused (another register, another signer, a signature that does not verify), with why.
    public let rejected: [(file: String, error: TransferError)]

    public var unacknowledged: [Pupil] { pupils.filter { $0.status != "acknowledged" } }

    /// Reads the register at `registerURL` and every receipt, each with its signature beside it
    /// checked against `roots` and its schema in `schemas`, and matches them by dossier SHA-256.
    /// - Throws: for the register only (a receipt that fails is listed in ``rejected``).
    public static func confirm(register registerURL: URL, registerFile: String, receipts: [(url: URL, name: String)],
                               roots: [Certificate], schemas: SchemaCatalog) throws(TransferError) -> TransferConfirmation {
        let registerTree = try SignedXML.read(registerURL, file: registerFile, namespace: HandoverRegister.namespace, roots: roots, schemas: schemas)
        let register = HandoverRegister(registerTree.tree.rootElement())
        var rejected: [(String, TransferError)] = []
        var acknowledged: [String: TransferReceipt.Dossier] = [:]
        for receipt in receipts {
            do throws(TransferError) {
                let (tree, signer) = try SignedXML.read(receipt.url, file: receipt.name, namespace: TransferReceipt.namespace, roots: roots, schemas: schemas)
                let read = TransferReceipt(tree.rootElement())
                guard read.register == register.id else {
                    throw .unknownRegister(receipt: receipt.name, register: read.register, expected: register.id)
                }
                guard signer.subject == register.recipient.certificate else {
                    throw .wrongReceiver(receipt: receipt.name, signer: signer.subject, expected: register.recipient.certificate)
                }
                for dossier in read.dossiers { acknowledged[dossier.sha256] = dossier }
            } catch {
                rejected.append((receipt.name, error))
            }
        }
        let pupils = register.pupils.map { sent in
            guard let receipt = acknowledged[sent.dossierSha256] else {
                return Pupil(pupil: sent.pupil, dossier: sent.dossier, status: "unacknowledged", receivedAs: nil)
            }
            let matches = Set(sent.documents.map(\.sha256)) == Set(receipt.documents.map(\.sha256)) && Set(sent.missing) == Set(receipt.missing)
                && receipt.senderPupil == sent.pupil
            return Pupil(pupil: sent.pupil, dossier: sent.dossier, status: matches ? "acknowledged" : "discrepancy", receivedAs: receipt.pupil)
        }
        return TransferConfirmation(register: register.id, recipient: register.recipient.certificate, pupils: pupils, rejected: rejected)
    }
}
