import Archive
import Foundation
import Printing
import Records
import Transfer
import XML

/// `inclusio transfer prepare`: one batch of transfers at graduation, one dossier per pupil.
enum TransferPrepareCommand {
    static let pupil = Option(["--pupil"], value: "id", repeatable: true, help: "A pupil to send: pseudonym (P-…) or national id; repeatable.")
    static let school = Option(["--school"], value: "code", help: "Send the pupils of this school (code or name) who graduate in --graduating.")
    static let graduating = Option(["--graduating"], value: "year", type: .year, help: "The calendar year in which the pupils finish their school level.")
    static let to = Option(["--to"], value: "cert", help: "The receiving school's certificate: only its key opens the dossiers.")
    static let allowIncomplete = Option(flag: ["--allow-incomplete"],
                                                    help: "Send a file that lacks required documents; the gap is written into the dossier and the register.")

    static let command = Command(spec: spec, run: run)

    static let spec = CommandSpec(
        path: "transfer prepare",
        abstract: "Send pupils' files to their next school at graduation: checked, signed, encrypted dossiers and a handover register.",
        options: ArchiveOptions.session + [pupil, school, graduating, to, TransferOptions.output, TransferOptions.signCert, TransferOptions.signKey,
                                           allowIncomplete, HomeOptions.rules, HomeOptions.forms],
        required: [.oneOf([pupil, school]), .option(to), .option(TransferOptions.output), .option(TransferOptions.signCert)] + ArchiveOptions.access,
        discussion: """
        For each pupil, the newest version of every document that travels at their school level (Rules/<jurisdiction>/transfer.xml) \
        is checked against the required set and listed; a missing required document holds the pupil back unless --allow-incomplete. \
        Each dossier (<pseudonym>.asice) is signed with --sign-cert, encrypted for --to, and logged as a transfer to that school \
        before it is placed in the folder; handover-register.xml (signed: .p7s) and handover-register.pdf list the batch. \
        Run again with the same -o folder, an interrupted batch carries on: nothing already sent is sent or logged twice. \
        A pupil that fails is reported and the others are still sent (exit status non-zero).
        """)

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> CommandResult {
        let pupils = arguments.all(pupil)
        let year = arguments.integer(graduating)
        guard pupils.isEmpty != (arguments.value(school) == nil), (arguments.value(school) == nil) == (year == nil) else {
            throw arguments.usage("Say who graduates: --pupil ID (repeatable), or --school CODE with --graduating YEAR.")
        }
        guard let recipientPath = arguments.value(to) else { throw arguments.usage("Give the receiving school's certificate with --to CERT.") }
        let folder = try TransferOptions.folder(arguments)
        let signer = try TransferOptions.signer(arguments)
        let keys = PackingKeys(certificate: signer.certificate, key: signer.key, passphrase: signer.passphrase,
                               recipient: URL(fileURLWithPath: recipientPath))
        let catalog = try InclusioHome.schemaCatalog(arguments)
        let rulesFolder = try TransferOptions.rulesFolder(arguments)
        let transferSchemas = try InclusioHome.schemaCatalog("transfer", arguments)
        let rules = try TransferOptions.run { () throws(TransferError) in try TransferRules.loadAll(folder: rulesFolder, schemas: transferSchemas) }
        let printer = RecordPrinter(validator: RecordValidator(catalog: catalog), forms: try InclusioHome.formCatalog(arguments))
        let session = try ArchiveOptions.login(arguments)
        let candidates = try arguments.value(school).map { code throws(CLIError) in
            try ArchiveOptions.run { () throws(ArchiveError) in try session.pupils(school: code).map(\.pseudonym) }
        } ?? pupils
        let batch = try TransferOptions.run { () throws(TransferError) in
            try TransferPreparation(session: session, rules: rules, keys: keys, validator: RecordValidator(catalog: catalog),
                                    folder: folder, allowIncomplete: arguments.has(allowIncomplete))
        }
        var lines = ["Batch \(batch.register) to \(batch.recipientName), in \(folder.path)"]
        let progress = Progress(total: candidates.count, label: "Preparing", quiet: arguments.json)
        var report = PrepareJSON(register: batch.register)
        var failures: [InputFailure] = []
        var firstError: CLIError?
        batch.send(candidates, graduating: year) { candidate, outcome in
            progress.advance()
            switch outcome {
            case let .sent(entry, checklist):
                report.sent.append(entry.dossier)
                lines += TransferPrinter.checklist(checklist, outcome: "sent as \(entry.dossier)" + (entry.missing.isEmpty ? "" : " (gap declared)"))
            case let .alreadySent(entry):
                report.alreadySent.append(entry.dossier)
                lines.append("\(entry.pupil): already sent as \(entry.dossier) (\(entry.documents.count) documents)")
            case .notGraduating:
                report.notGraduating += 1
            case let .failed(error, checklist):
                // A national id is never echoed: the pupil is named by pseudonym only.
                failures.append(InputFailure(input: checklist?.pupil ?? (candidate.hasPrefix("P-") ? candidate : "given by national id"), error: .failed(error)))
                firstError = firstError ?? .failed(error)
                if let checklist { lines += TransferPrinter.checklist(checklist, outcome: "held back") }
            }
        }
        progress.finish()
        let files = try TransferOptions.run { () throws(TransferError) in
            try batch.writeRegister(purpose: arguments.value(ArchiveOptions.purpose) ?? "", printer: printer)
        }
        report.register_ = files.map { $0.xml.path }
        report.timing = batch.timing
        lines.append("Sent \(report.sent.count), already sent \(report.alreadySent.count), held back or failed \(failures.count)"
                     + (year.map { "; \(report.notGraduating) of the school's pupils do not graduate in \($0)." } ?? "."))
        if let files {
            lines.append("Handover register: \(files.xml.path) (signature \(files.signature.lastPathComponent)" + (files.pdf.map { ", printed \($0.lastPathComponent))" } ?? ")"))
        }
        var result = CommandResult(report) { lines.joined(separator: "\n") }
        result.failures = failures
        result.summarize({ "\($0) of \(candidates.count) pupils were not sent (each is listed above); the others were." }, first: firstError)
        return result
    }

    private struct PrepareJSON: Encodable {
        let register: String
        var register_: String?
        var sent: [String] = []
        var alreadySent: [String] = []
        var notGraduating = 0
        /// Seconds per phase: read, check, pack, journal, log, place.
        var timing: [String: Double] = [:]

        init(register: String) { self.register = register }

        enum CodingKeys: String, CodingKey {
            case register, register_ = "registerFile", sent, alreadySent, notGraduating, timing
        }
    }
}
