import Archive
import Foundation
import Support
import Transfer

/// `inclusio transfer receive`: transfer dossiers into the receiving school's archive, with a signed receipt.
enum TransferReceiveCommand {
    static let command = Command(spec: spec, run: run)

    static let spec = CommandSpec(
        path: "transfer receive",
        abstract: "Receive transfer dossiers into this school's archive (verified, filed with provenance) and sign a receipt.",
        operands: .some("dossier-or-folder"),
        options: ArchiveOptions.session + [KeyOptions.ca, ArchiveIngestCommand.dossierKey, TransferOptions.output, TransferOptions.signCert, TransferOptions.signKey],
        required: [.option(KeyOptions.ca), .option(TransferOptions.output), .option(TransferOptions.signCert)] + ArchiveOptions.access,
        discussion: """
        Each dossier is verified against --ca (signature, chain, every digest) and opened with --dossier-key (default: --key); \
        its documents are filed in one transaction with their provenance (sender, dossier SHA-256, signing time) and logged \
        as an import from the sender. A dossier that does not verify is refused and nothing of it is filed. \
        receipt-<register>-<n>.xml (signed: .p7s) lists, per register, what arrived and the gaps the sender declared; \
        send it back to the sender for `inclusio transfer confirm`.
        """)

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> CommandResult {
        let inputs = InputFiles.expand(arguments.operands, extensions: ["asice"])
        guard !inputs.isEmpty else { throw arguments.usage("Give the dossiers (or folders of them) to receive.") }
        let folder = try TransferOptions.folder(arguments)
        // Made before anything is filed, so a receipt can always be written for what was.
        do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
            throw .failed(TransferError.cannotWrite(FileWriteError(path: folder.path, reason: "the folder cannot be created")))
        }
        let identity = try TransferOptions.identity(arguments)
        let roots = try KeyOptions.roots(arguments)
        // Run by `inclusio serve`: no credential in the arguments, and the service's own dossier key.
        let credential = ServiceBinding.current == nil ? try ArchiveOptions.credential(arguments) : nil
        let key: DossierSource
        if let bound = ServiceBinding.current {
            let (privateKey, file) = try bound.keys.openingKey()
            key = DossierSource(roots: roots, key: .recipient(privateKey, certificate: nil, file: file))
        } else if let path = arguments.value(ArchiveIngestCommand.dossierKey) {
            key = DossierSource(roots: roots, key: .recipient(try ArchiveOptions.privateKey(path, arguments), certificate: nil, file: path))
        } else if case let .key(privateKey, file) = credential {
            key = DossierSource(roots: roots, key: .recipient(privateKey, certificate: nil, file: file))
        } else {
            throw arguments.usage("Give the key that opens the dossiers with --dossier-key KEY.")
        }
        let session = try ArchiveOptions.login(arguments, credential: credential)
        let reception = TransferReception(session: session, source: key)
        let progress = Progress(total: inputs.count, label: "Receiving", quiet: arguments.json)
        var received: [ReceivedDossier] = []
        var lines: [String] = []
        var failures: [InputFailure] = []
        var firstError: CLIError?
        let start = DispatchTime.now().uptimeNanoseconds
        for input in inputs {
            switch reception.receive(input.url, file: input.name) {
            case let .success(dossier):
                received.append(dossier)
                lines.append("\(input.name): \(dossier.isNew ? "received" : "already received") for pupil \(dossier.documents.first?.filed.pupil ?? "?") "
                             + "(\(dossier.documents.count) documents, register \(dossier.handover.register))"
                             + (dossier.handover.missing.isEmpty ? "" : "; the sender declares missing: \(dossier.handover.missing.joined(separator: ", "))"))
            case let .failure(error):
                if case .archive(.purposeMissing) = error { throw .failed(error) }
                failures.append(InputFailure(input: input.name, error: .failed(error)))
                firstError = firstError ?? .failed(error)
            }
            progress.advance()
        }
        progress.finish()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let receipts = try TransferOptions.run { () throws(TransferError) in
            received.isEmpty ? [] : try reception.writeReceipts(received, identity: identity, into: folder)
        }
        lines += receipts.map { "Receipt: \($0.path) (signature \($0.lastPathComponent).p7s)" }
        let json = ReceiveJSON(received: received.map { .init(sha256: $0.sha256, pupil: $0.documents.first?.filed.pupil ?? "", documents: $0.documents.count,
                                                               isNew: $0.isNew, missing: $0.handover.missing) },
                               receipts: receipts.map(\.path), seconds: seconds)
        var result = CommandResult(json) { lines.joined(separator: "\n") }
        result.failures = failures
        result.summarize({ "\($0) of \(inputs.count) dossiers were refused (each is listed above); nothing of them was filed." }, first: firstError)
        return result
    }

    private struct ReceiveJSON: Encodable {
        struct Received: Encodable { let sha256: String; let pupil: String; let documents: Int; let isNew: Bool; let missing: [String] }
        let received: [Received]
        let receipts: [String]
        let seconds: Double
    }
}
