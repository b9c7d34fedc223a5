import Archive
import Cryptography
import Foundation
import Support

/// Receives transfer dossiers into the receiving school's own archive and writes the signed
/// receipts that acknowledge them.
public struct TransferReception {
    let session: ArchiveSession
    let source: DossierSource

    public init(session: ArchiveSession, source: DossierSource) {
        self.session = session
        self.source = source
    }

    /// Verifies, opens and files the dossier at `url` (named `file`); a dossier that does not
    /// verify is refused whole and nothing of it is filed.
    public func receive(_ url: URL, file: String) -> Result<ReceivedDossier, TransferError> {
        do { return .success(try session.receive(url, file: file, dossier: source)) } catch { return .failure(.archive(error)) }
    }

    /// Writes one receipt per register for `received` into `folder` (`receipt-<register>-<n>.xml`
    /// and its `.p7s`, never replacing an earlier receipt), signed by `identity`.
    /// - Throws: ``TransferError/cannotWrite(_:)``, ``TransferError/cryptography(_:)``.
    public func writeReceipts(_ received: [ReceivedDossier], identity: SigningIdentity, into folder: URL) throws(TransferError) -> [URL] {
        do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
            throw .cannotWrite(FileWriteError(path: folder.path, reason: "the folder cannot be created"))
        }
        let now = ISO8601DateFormatter().string(from: Date())
        var written: [URL] = []
        for (register, dossiers) in Dictionary(grouping: received, by: \.handover.register).sorted(by: { $0.key < $1.key }) {
            let receipt = TransferReceipt(register: register, received: now, receiver: identity.certificate.subject, operatorId: session.op.id,
                                          sender: dossiers[0].sender, dossiers: dossiers.map(TransferReceipt.Dossier.init))
            var number = 1
            var url = folder.appendingPathComponent("receipt-\(register)-1.xml")
            while FileManager.default.fileExists(atPath: url.path) {
                number += 1
                url = folder.appendingPathComponent("receipt-\(register)-\(number).xml")
            }
            try SignedXML.write(receipt.xml(), to: url, by: identity, replacing: false)
            written.append(url)
        }
        return written
    }
}
