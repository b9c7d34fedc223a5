import Archive
import Cryptography
import Dossier
import Foundation
import Records
import Support

/// Prepares one batch of transfers at graduation into an output folder: per pupil, the newest
/// version of every document that travels, checked against the required set, packed into one
/// dossier signed by the sending office and encrypted for the receiving school, and logged as a
/// disclosure. The folder's journal lets an interrupted batch carry on where it stopped.
///
/// Not thread-safe: one batch, one thread (the archive session is not shared).
public final class TransferPreparation {
    /// What became of one pupil.
    public enum Outcome {
        case sent(SentDossier, TransferChecklist)
        /// Sent by an earlier run of this batch; nothing was done again.
        case alreadySent(SentDossier)
        /// Not graduating in the year asked for.
        case notGraduating
        case failed(TransferError, TransferChecklist?)
    }

    let session: ArchiveSession
    let rules: [String: TransferRules]
    let packer: DossierPacker
    let recipient: Certificate
    let folder: URL
    let allowIncomplete: Bool
    private var journal: BatchJournal
    /// Seconds spent per phase (read, check, pack, journal, log, place), for `--json` and the benchmark.
    public private(set) var timing: [String: Double] = [:]

    /// The batch's register id (kept in the folder's journal).
    public var register: String { journal.header.register }

    /// Opens the batch in `folder` (carrying on a batch for the same recipient, or starting one).
    /// - Throws: ``TransferError/otherBatch(folder:register:recipient:)``, ``TransferError/badJournal(file:reason:)``.
    public init(session: ArchiveSession, rules: [String: TransferRules], identity: SigningIdentity, recipient: Certificate,
                validator: RecordValidator, folder: URL, allowIncomplete: Bool) throws(TransferError) {
        self.session = session
        self.rules = rules
        self.packer = DossierPacker(identity: identity, recipients: [recipient], passphrase: nil, validator: validator)
        self.recipient = recipient
        self.folder = folder
        self.allowIncomplete = allowIncomplete
        let id: String
        do { id = "R-" + (try Self.randomCode()) } catch { throw .cryptography(error) }
        journal = try BatchJournal.open(in: folder, starting: .init(register: id, recipient: recipient.subject,
                                                                    recipientFingerprint: recipient.fingerprint,
                                                                    created: ISO8601DateFormatter().string(from: Date())))
    }

    /// Every dossier of the batch so far (this run's and earlier runs'), in pupil order.
    public var sent: [SentDossier] { journal.sent.values.sorted { $0.pupil < $1.pupil } }

    /// Sends the file of the pupil `reference` names (pseudonym or national id); with
    /// `graduating`, only if the pupil finishes their level in that year.
    public func send(_ reference: String, graduating: Int?) -> Outcome {
        do throws(TransferError) {
            if let done = try resume(reference) { return .alreadySent(done) }
            let file = try timed("read") { () throws(TransferError) in
                try archive { () throws(ArchiveError) in try session.transferFile(of: reference, kinds: Set(rules.values.flatMap(\.kinds))) }
            }
            if let done = try resume(file.pupil) { return .alreadySent(done) }
            let (level, rule, facts) = try self.level(of: file)
            if let graduating, facts.birthDate.flatMap(level.graduationYear) != graduating { return .notGraduating }
            if let first = journal.sent.values.first, first.jurisdiction != rule.jurisdiction {
                throw .otherJurisdiction(pupil: file.pupil, jurisdiction: rule.jurisdiction, batch: first.jurisdiction)
            }
            let travelling = file.documents.filter { level.kinds.contains($0.kind) }
            let checklist = TransferChecklist(
                pupil: file.pupil, level: level.name, nextLevel: level.next, rule: "\(rule.file) (seed \(rule.seed) \(rule.paragraph))",
                rows: level.documents.map { kind, required in
                    .init(kind: kind, required: required, documents: travelling.filter { $0.kind == kind }.map(Self.summary))
                })
            if !checklist.missing.isEmpty && !allowIncomplete { return .failed(.incomplete(pupil: file.pupil, missing: checklist.missing), checklist) }
            guard !travelling.isEmpty else { return .failed(.nothingToSend(pupil: file.pupil), checklist) }
            do {
                return .sent(try dispatch(file.pupil, travelling, checklist: checklist, jurisdiction: rule.jurisdiction), checklist)
            } catch {
                return .failed(error, checklist)
            }
        } catch {
            return .failed(error, nil)
        }
    }

    /// Packs, journals, logs and places one pupil's dossier, in that order: a crash at any point
    /// leaves either no trace, or a journal line that the next run completes.
    private func dispatch(_ pupil: String, _ documents: [TransferDocument], checklist: TransferChecklist,
                          jurisdiction: String) throws(TransferError) -> SentDossier {
        let name = "\(pupil).asice"
        let staged = stagingFolder.appendingPathComponent(name)
        let handover = DossierHandover(register: register, pupil: pupil, missing: checklist.missing)
        try timed("pack") { () throws(TransferError) in
            do throws(DossierError) {
                _ = try packer.pack(documents.map { DossierPacker.Payload(title: $0.title, data: $0.content) }, handover: handover, to: staged)
            } catch {
                throw .dossier(error)
            }
        }
        guard let bytes = FileManager.default.contents(atPath: staged.path) else {
            throw .cannotWrite(FileWriteError(path: staged.path, reason: "the packed dossier cannot be read back"))
        }
        let entry = SentDossier(pupil: pupil, jurisdiction: jurisdiction, level: checklist.level, nextLevel: checklist.nextLevel,
                                dossier: name, dossierSha256: SHA256.hex(bytes), sent: ISO8601DateFormatter().string(from: Date()),
                                documents: documents.map(Self.summary), missing: checklist.missing)
        try timed("journal") { () throws(TransferError) in try journal.record(entry) }
        try timed("log") { () throws(TransferError) in
            try archive { () throws(ArchiveError) in try session.recordTransfer(pupil: pupil, recipient: recipient.subject, dossierSha256: entry.dossierSha256) }
        }
        try timed("place") { () throws(TransferError) in try place(entry) }
        return entry
    }

    /// The journal's entry for `pupil` when its dossier is (or can now be) in place: a dossier
    /// staged and journalled by an interrupted run is logged (unless it already was) and placed.
    private func resume(_ pupil: String) throws(TransferError) -> SentDossier? {
        guard let entry = journal.sent[pupil] else { return nil }
        let final = folder.appendingPathComponent(entry.dossier)
        if let bytes = FileManager.default.contents(atPath: final.path), SHA256.hex(bytes) == entry.dossierSha256 { return entry }
        let staged = stagingFolder.appendingPathComponent(entry.dossier)
        guard let bytes = FileManager.default.contents(atPath: staged.path), SHA256.hex(bytes) == entry.dossierSha256 else { return nil }
        try archive { () throws(ArchiveError) in
            if try !session.hasRecordedTransfer(pupil: pupil, recipient: recipient.subject, dossierSha256: entry.dossierSha256) {
                try session.recordTransfer(pupil: pupil, recipient: recipient.subject, dossierSha256: entry.dossierSha256)
            }
        }
        try place(entry)
        return entry
    }

    private func place(_ entry: SentDossier) throws(TransferError) {
        let staged = stagingFolder.appendingPathComponent(entry.dossier)
        do {
            try AtomicFiles.moveIntoPlace([(staged.path, folder.appendingPathComponent(entry.dossier).path)], replacing: true)
        } catch {
            throw .cannotWrite(error)
        }
    }

    /// Where dossiers wait between packing and being logged (hidden: nothing there has left yet).
    private var stagingFolder: URL { folder.appendingPathComponent(".staging", isDirectory: true) }

    /// The pupil's level (from their newest record), its rule, and their birth date.
    private func level(of file: TransferFile) throws(TransferError) -> (TransferRules.Level, TransferRules, RecordPlace) {
        guard let rule = rules[file.placement.jurisdiction] else {
            throw .noRules(jurisdiction: file.placement.jurisdiction, expected: "Rules/\(file.placement.jurisdiction)/transfer.xml")
        }
        let facts = try timed("check") { () throws(TransferError) in
            file.documents.filter { $0.recordId != nil }.compactMap { RecordPlace($0.content) }.max { $0.issued < $1.issued }
        }
        guard let levelName = facts?.level else { throw .unknownLevel(pupil: file.pupil, level: nil, rules: rule.file) }
        guard let level = rule.levels[levelName], let facts else { throw .unknownLevel(pupil: file.pupil, level: levelName, rules: rule.file) }
        return (level, rule, facts)
    }

    private static func summary(_ document: TransferDocument) -> SentDossier.Document {
        .init(kind: document.kind, id: document.document, version: document.version, recordId: document.recordId, sha256: document.sha256)
    }

    private func timed<T>(_ phase: String, _ body: () throws(TransferError) -> T) throws(TransferError) -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { timing[phase, default: 0] += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
        return try body()
    }

    private func archive<T>(_ body: () throws(ArchiveError) -> T) throws(TransferError) -> T {
        do { return try body() } catch { throw .archive(error) }
    }

    private static func randomCode() throws(CryptographyError) -> String {
        let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
        return String(try SecureRandom.bytes(12).map { alphabet[Int($0 & 31)] })
    }
}

/// What a record says about where the pupil is: school level, birth date, issue date.
struct RecordPlace {
    let level: String?
    let birthDate: String?
    let issued: String

    init?(_ content: Data) {
        guard let root = try? XMLTree(data: content, file: "record").rootElement() else { return nil }
        let child = { (element: XMLElement?, name: String) in
            element?.children(named: name).first?.text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        level = child(root.children(named: "school").first, "level")
        birthDate = child(root.children(named: "pupil").first, "birthDate")
        issued = child(root.children(named: "header").first, "issuedDate") ?? ""
    }
}
