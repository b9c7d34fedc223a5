import Archive
import Cryptography
import Dossier
import Foundation
import Records
import Support
import XML

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
    let keys: PackingKeys
    let identity: SigningIdentity
    let recipient: Certificate
    let validator: RecordValidator
    let folder: URL
    let allowIncomplete: Bool
    private var journal: BatchJournal
    /// The jurisdiction of the batch's first pupil: its rule is the register's.
    private var jurisdiction: String?
    /// Seconds spent per phase (read, check, pack, journal, log, place), for `--json` and the benchmark.
    public private(set) var timing: [String: Double] = [:]

    /// The batch's register id (kept in the folder's journal).
    public var register: String { journal.header.register }

    /// Opens the batch in `folder` (carrying on a batch for the same recipient, or starting one).
    /// - Throws: ``TransferError/cryptography(_:)`` for keys that do not load, ``TransferError/otherBatch(folder:register:recipient:)``,
    ///   ``TransferError/badJournal(file:reason:)``.
    public init(session: ArchiveSession, rules: [String: TransferRules], keys: PackingKeys, validator: RecordValidator,
                folder: URL, allowIncomplete: Bool) throws(TransferError) {
        self.session = session
        self.rules = rules
        self.keys = keys
        (identity, recipient) = try keys.load()
        self.validator = validator
        self.folder = folder
        self.allowIncomplete = allowIncomplete
        let id: String
        do { id = "R-" + (try Self.randomCode()) } catch { throw .cryptography(error) }
        journal = try BatchJournal.open(in: folder, starting: .init(register: id, recipient: recipient.subject,
                                                                    recipientFingerprint: recipient.fingerprint,
                                                                    created: ISO8601DateFormatter().string(from: Date())))
        jurisdiction = journal.sent.values.first?.jurisdiction
    }

    /// Every dossier of the batch so far (this run's and earlier runs'), in pupil order.
    public var sent: [SentDossier] { journal.sent.values.sorted { $0.pupil < $1.pupil } }

    /// A pupil's dossier ready to be packed.
    private struct Job: Sendable {
        let pupil: String
        let documents: [TransferDocument]
        let checklist: TransferChecklist
        let jurisdiction: String
        let handover: DossierHandover
    }

    /// Sends the files of the pupils `references` name (pseudonyms or national ids); with
    /// `graduating`, only those who finish their level in that year. `report` hears of each pupil
    /// as soon as they are done. Dossiers are packed a few at a time on every core; journal, log
    /// and placement follow one pupil at a time, in that order.
    public func send(_ references: [String], graduating: Int?, report: (String, Outcome) -> Void) {
        var seen: Set<String> = []
        let unique = references.filter { seen.insert($0).inserted }
        let width = 2 * max(1, ProcessInfo.processInfo.activeProcessorCount)
        for start in stride(from: 0, to: unique.count, by: width) {
            var jobs: [(reference: String, job: Job)] = []
            for reference in unique[start..<min(start + width, unique.count)] {
                do throws(TransferError) {
                    switch try prepare(reference, graduating: graduating) {
                    case let .left(outcome): report(reference, outcome)
                    case let .right(job): jobs.append((reference, job))
                    }
                } catch {
                    report(reference, .failed(error, nil))
                }
            }
            let packed = timed("pack") { pack(jobs.map(\.job)) }
            for ((reference, job), result) in zip(jobs, packed) {
                do throws(TransferError) {
                    report(reference, .sent(try dispatch(job, dossierSha256: try result.get()), job.checklist))
                } catch {
                    report(reference, .failed(error, job.checklist))
                }
            }
        }
    }

    /// What to do for one pupil: an outcome already (sent before, not graduating, held back), or a job to pack.
    private func prepare(_ reference: String, graduating: Int?) throws(TransferError) -> Either<Outcome, Job> {
        if let done = try resume(reference) { return .left(.alreadySent(done)) }
        let file = try timed("read") { () throws(TransferError) in
            try archive { () throws(ArchiveError) in try session.transferFile(of: reference, kinds: Set(rules.values.flatMap(\.kinds))) }
        }
        if let done = try resume(file.pupil) { return .left(.alreadySent(done)) }
        let (level, rule, facts) = try self.level(of: file)
        if let graduating, facts.birthDate.flatMap(level.graduationYear) != graduating { return .left(.notGraduating) }
        if let jurisdiction, jurisdiction != rule.jurisdiction {
            throw .otherJurisdiction(pupil: file.pupil, jurisdiction: rule.jurisdiction, batch: jurisdiction)
        }
        let travelling = file.documents.filter { level.kinds.contains($0.kind) }
        let checklist = TransferChecklist(
            pupil: file.pupil, level: level.name, nextLevel: level.next, rule: "\(rule.file) (seed \(rule.seed) \(rule.paragraph))",
            rows: level.documents.map { kind, required in
                .init(kind: kind, required: required, documents: travelling.filter { $0.kind == kind }.map(Self.summary))
            })
        if !checklist.missing.isEmpty && !allowIncomplete { return .left(.failed(.incomplete(pupil: file.pupil, missing: checklist.missing), checklist)) }
        guard !travelling.isEmpty else { return .left(.failed(.nothingToSend(pupil: file.pupil), checklist)) }
        jurisdiction = rule.jurisdiction
        return .right(Job(pupil: file.pupil, documents: travelling, checklist: checklist, jurisdiction: rule.jurisdiction,
                          handover: DossierHandover(register: register, pupil: file.pupil, missing: checklist.missing)))
    }

    /// Packs each job's dossier into the staging folder, on every core (each worker loads its own
    /// keys: OpenSSL handles stay on one thread); the SHA-256 of each dossier, or why it failed.
    private func pack(_ jobs: [Job]) -> [Result<String, TransferError>] {
        let results = ConcurrentSlots<Result<String, TransferError>>(count: jobs.count)
        let (keys, validator, staging) = (keys, validator, stagingFolder)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
            results[index] = Result { () throws(TransferError) in
                let job = jobs[index]
                let staged = staging.appendingPathComponent("\(job.pupil).asice")
                do throws(DossierError) {
                    _ = try keys.packer(validator: validator)
                        .pack(job.documents.map { DossierPacker.Payload(title: $0.title, data: $0.content) }, handover: job.handover, to: staged)
                } catch {
                    throw .dossier(error)
                }
                guard let bytes = FileManager.default.contents(atPath: staged.path) else {
                    throw .cannotWrite(FileWriteError(path: staged.path, reason: "the packed dossier cannot be read back"))
                }
                return SHA256.hex(bytes)
            }
        }
        return (0..<jobs.count).map { results[$0]! }
    }

    /// Journals, logs and places one packed dossier, in that order: a crash at any point leaves
    /// either no trace, or a journal line that the next run completes.
    private func dispatch(_ job: Job, dossierSha256: String) throws(TransferError) -> SentDossier {
        let entry = SentDossier(pupil: job.pupil, jurisdiction: job.jurisdiction, level: job.checklist.level, nextLevel: job.checklist.nextLevel,
                                dossier: "\(job.pupil).asice", dossierSha256: dossierSha256, sent: ISO8601DateFormatter().string(from: Date()),
                                documents: job.documents.map(Self.summary), missing: job.checklist.missing)
        try timed("journal") { () throws(TransferError) in try journal.record(entry) }
        try timed("log") { () throws(TransferError) in
            try archive { () throws(ArchiveError) in try session.recordTransfer(pupil: job.pupil, recipient: recipient.subject, dossierSha256: dossierSha256) }
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

    private func timed<T, Failure: Error>(_ phase: String, _ body: () throws(Failure) -> T) throws(Failure) -> T {
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

/// One of two things.
enum Either<Left, Right> {
    case left(Left)
    case right(Right)
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
