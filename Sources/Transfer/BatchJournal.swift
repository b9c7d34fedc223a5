import Foundation
import Support

/// The journal of one transfer batch, `.transfer-journal.jsonl` in the output folder: a header
/// line (register, recipient), then one line per dossier sent, each written and `fsync`'d before
/// the disclosure is logged and the dossier moved into place. A batch interrupted and run again
/// reads it to carry on without a second dossier or log entry for a pupil already sent.
struct BatchJournal {
    static let name = ".transfer-journal.jsonl"

    struct Header: Codable {
        let register: String
        let recipient: String
        let recipientFingerprint: String
        let created: String
    }

    let url: URL
    let header: Header
    /// The latest line per pupil.
    private(set) var sent: [String: SentDossier]

    /// Opens the journal in `folder`, or starts one with `header` (when the folder has none).
    /// - Throws: ``TransferError/otherBatch(folder:register:recipient:)`` when the folder holds a
    ///   batch for another recipient, ``TransferError/badJournal(file:reason:)``.
    static func open(in folder: URL, starting header: Header) throws(TransferError) -> BatchJournal {
        let url = folder.appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            let journal = BatchJournal(url: url, header: header, sent: [:])
            do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
                throw .cannotWrite(FileWriteError(path: folder.path, reason: "the folder cannot be created"))
            }
            try journal.append(header)
            return journal
        }
        // A torn last line is a crash mid-append: the dossier it describes was never moved into place.
        let lines = data.split(separator: 0x0A).filter { !$0.isEmpty }
        let decoder = JSONDecoder()
        guard let first = lines.first, let found = try? decoder.decode(Header.self, from: Data(first)) else {
            throw .badJournal(file: url.path, reason: "it does not start with a batch header")
        }
        guard found.recipientFingerprint == header.recipientFingerprint else {
            throw .otherBatch(folder: folder.path, register: found.register, recipient: found.recipient)
        }
        var sent: [String: SentDossier] = [:]
        for line in lines.dropFirst() {
            guard let entry = try? decoder.decode(SentDossier.self, from: Data(line)) else { continue }
            sent[entry.pupil] = entry
        }
        return BatchJournal(url: url, header: found, sent: sent)
    }

    /// Records that `entry`'s dossier is about to be logged and moved into place.
    mutating func record(_ entry: SentDossier) throws(TransferError) {
        try append(entry)
        sent[entry.pupil] = entry
    }

    private func append(_ value: some Encodable) throws(TransferError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Plain structs of strings and numbers always encode.
        var line = (try? encoder.encode(value)) ?? Data()
        line.append(0x0A)
        let descriptor = Glibc.open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .cannotWrite(FileWriteError(path: url.path, reason: String(cString: strerror(errno)))) }
        defer { close(descriptor) }
        if let code = line.withUnsafeBytes({ AtomicFiles.writeAll(descriptor, $0) }) ?? (fsync(descriptor) == 0 ? nil : errno) {
            throw .cannotWrite(FileWriteError(path: url.path, reason: String(cString: strerror(code))))
        }
    }
}

/// One pupil's dossier in a batch, as the register lists it.
public struct SentDossier: Codable, Sendable {
    /// One document sent.
    public struct Document: Codable, Sendable {
        public let kind: String
        public let id: String
        public let version: Int
        public let recordId: String?
        public let sha256: String
    }

    /// The sending archive's pseudonym.
    public let pupil: String
    public let jurisdiction: String
    public let level: String
    public let nextLevel: String?
    /// The dossier's file name in the output folder (the pseudonym: no personal data).
    public let dossier: String
    public let dossierSha256: String
    /// UTC, ISO 8601.
    public let sent: String
    public let documents: [Document]
    /// Required kinds the file lacked.
    public let missing: [String]
}
