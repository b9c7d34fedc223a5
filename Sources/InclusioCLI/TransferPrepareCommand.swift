import Archive
import Foundation
import Printing
import Records
import Transfer
import XML

/// `inclusio transfer prepare`: one batch of transfers at graduation, one dossier per pupil.
enum TransferPrepareCommand {
    static let pupil = CommandSpec.Option(names: ["--pupil"], value: "id", help: "A pupil to send: pseudonym (P-…) or national id; repeatable.")
    static let school = CommandSpec.Option(names: ["--school"], value: "code", help: "Send the pupils of this school (code or name) who graduate in --graduating.")
    static let graduating = CommandSpec.Option(names: ["--graduating"], value: "year", help: "The calendar year in which the pupils finish their school level.")
    static let to = CommandSpec.Option(names: ["--to"], value: "cert", help: "The receiving school's certificate: only its key opens the dossiers.")
    static let allowIncomplete = CommandSpec.Option(names: ["--allow-incomplete"], value: nil,
                                                    help: "Send a file that lacks required documents; the gap is written into the dossier and the register.")

    static let spec = CommandSpec(
        path: "transfer prepare",
        abstract: "Send pupils' files to their next school at graduation: checked, signed, encrypted dossiers and a handover register.",
        usage: "inclusio transfer prepare (--pupil <id>... | --school <code> --graduating <year>) --to <cert> -o <dir> --sign-cert <cert> [--sign-key <key>] --as <operator> --key <key> --purpose <text> [--allow-incomplete]",
        options: ArchiveOptions.session + [pupil, school, graduating, to, TransferOptions.output, TransferOptions.signCert, TransferOptions.signKey,
                                           allowIncomplete, TransferOptions.rules, TransferOptions.forms],
        discussion: """
        For each pupil, the newest version of every document that travels at their school level (Rules/<jurisdiction>/transfer.xml) \
        is checked against the required set and listed; a missing required document holds the pupil back unless --allow-incomplete. \
        Each dossier (<pseudonym>.asice) is signed with --sign-cert, encrypted for --to, and logged as a transfer to that school \
        before it is placed in the folder; handover-register.xml (signed: .p7s) and handover-register.pdf list the batch. \
        Run again with the same -o folder, an interrupted batch carries on: nothing already sent is sent or logged twice. \
        A pupil that fails is reported and the others are still sent (exit status non-zero).
        """)

    static func run(_ arguments: ParsedArguments, console: Console) throws(CLIError) {
        let pupils = arguments.values[pupil.key] ?? []
        let year = try arguments.value(graduating).map { text throws(CLIError) in
            guard let year = Int(text), (1900...2200).contains(year) else { throw .usage("--graduating takes a year, e.g. 2031.", command: spec) }
            return year
        }
        guard pupils.isEmpty != (arguments.value(school) == nil), (arguments.value(school) == nil) == (year == nil) else {
            throw .usage("Say who graduates: --pupil ID (repeatable), or --school CODE with --graduating YEAR.", command: spec)
        }
        guard let recipientPath = arguments.value(to) else { throw .usage("Give the receiving school's certificate with --to CERT.", command: spec) }
        let folder = try TransferOptions.folder(arguments, command: spec)
        let signer = try TransferOptions.signer(arguments, command: spec)
        let keys = PackingKeys(certificate: signer.certificate, key: signer.key, passphrase: signer.passphrase,
                               recipient: URL(fileURLWithPath: recipientPath))
        let catalog = try InclusioHome.schemaCatalog(arguments)
        let rulesFolder = try TransferOptions.rulesFolder(arguments)
        let transferSchemas = try TransferOptions.schemas(arguments)
        let rules = try TransferOptions.run { () throws(TransferError) in try TransferRules.loadAll(folder: rulesFolder, schemas: transferSchemas) }
        let printer = RecordPrinter(validator: RecordValidator(catalog: catalog), forms: try InclusioHome.formCatalog(explicit: arguments.value(TransferOptions.forms)))
        let session = try ArchiveOptions.login(arguments, command: spec)
        let candidates = try arguments.value(school).map { code throws(CLIError) in
            try ArchiveOptions.run { () throws(ArchiveError) in try session.pupils(school: code).map(\.pseudonym) }
        } ?? pupils
        let batch = try TransferOptions.run { () throws(TransferError) in
            try TransferPreparation(session: session, rules: rules, keys: keys, validator: RecordValidator(catalog: catalog),
                                    folder: folder, allowIncomplete: arguments.has(allowIncomplete))
        }
        if !console.json { console.out("Batch \(batch.register) to \(batch.recipientName), in \(folder.path)") }
        let progress = Progress(total: candidates.count, label: "Preparing", console: console)
        var report = PrepareJSON(register: batch.register)
        var failures: [(pupil: String, error: TransferError)] = []
        batch.send(candidates, graduating: year) { candidate, outcome in
            progress.advance()
            switch outcome {
            case let .sent(entry, checklist):
                report.sent.append(entry.dossier)
                if !console.json { TransferPrinter.checklist(checklist, outcome: "sent as \(entry.dossier)" + (entry.missing.isEmpty ? "" : " (gap declared)"), console: console, progress: progress) }
            case let .alreadySent(entry):
                report.alreadySent.append(entry.dossier)
                if !console.json { progress.finish(); console.out("\(entry.pupil): already sent as \(entry.dossier) (\(entry.documents.count) documents)") }
            case .notGraduating:
                report.notGraduating += 1
            case let .failed(error, checklist):
                failures.append((checklist?.pupil ?? (candidate.hasPrefix("P-") ? candidate : "given by national id"), error))
                report.failed.append(.init(pupil: failures.last!.pupil, message: error.description))
                if !console.json {
                    if let checklist { TransferPrinter.checklist(checklist, outcome: "held back", console: console, progress: progress) }
                    console.err("Error: \(error)")
                }
            }
        }
        progress.finish()
        let files = try TransferOptions.run { () throws(TransferError) in
            try batch.writeRegister(purpose: arguments.value(ArchiveOptions.purpose) ?? "", printer: printer)
        }
        report.register_ = files.map { $0.xml.path }
        report.timing = batch.timing
        if console.json {
            console.emit(report)
        } else {
            console.out("Sent \(report.sent.count), already sent \(report.alreadySent.count), held back or failed \(failures.count)"
                        + (year == nil ? "." : "; \(report.notGraduating) of the school's pupils do not graduate in \(year!)."))
            if let files { console.out("Handover register: \(files.xml.path) (signature \(files.signature.lastPathComponent)" + (files.pdf.map { ", printed \($0.lastPathComponent))" } ?? ")")) }
        }
        if let first = failures.first {
            throw .someFailed("\(failures.count) of \(candidates.count) pupils were not sent (each is listed above); the others were.",
                              code: CLIError.exitCode(first.error))
        }
    }

    private struct PrepareJSON: Encodable {
        struct Failure: Encodable { let pupil: String; let message: String }
        let register: String
        var register_: String?
        var sent: [String] = []
        var alreadySent: [String] = []
        var notGraduating = 0
        var failed: [Failure] = []
        /// Seconds per phase: read, check, pack, journal, log, place.
        var timing: [String: Double] = [:]

        init(register: String) { self.register = register }

        enum CodingKeys: String, CodingKey {
            case register, register_ = "registerFile", sent, alreadySent, notGraduating, failed, timing
        }
    }
}
