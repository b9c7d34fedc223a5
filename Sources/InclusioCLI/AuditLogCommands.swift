import Archive
import AuditLog
import Foundation

/// Options shared by the audit commands.
enum AuditOptions {
    static let checkpoint = Option(["--checkpoint"], value: "file",
                                 repeatable: true, help: "A checkpoint exported earlier (`audit checkpoint`); repeat for several.")
    static let output = Option(["-o", "--output"], value: "file", help: "Write to this file (never replaced) instead of printing.")

    /// The checkpoints named by `option` (`--checkpoint`).
    static func checkpoints(_ arguments: ParsedArguments, option: Option = checkpoint) throws(CLIError) -> [(file: String, checkpoint: Checkpoint)] {
        var read: [(file: String, checkpoint: Checkpoint)] = []
        for file in arguments.all(option) {
            guard let data = FileManager.default.contents(atPath: file) else { throw .failed(ArchiveError.cannotRead(file: file)) }
            do { read.append((file, try Checkpoint(note: String(decoding: data, as: UTF8.self), file: file))) } catch { throw .failed(ArchiveError.accessLog(error)) }
        }
        return read
    }

    /// Writes `data` to the `-o` file (a new file only) and returns its path; `nil` without `-o`.
    static func deliver(_ data: Data, _ arguments: ParsedArguments, mode: mode_t = 0o600) throws(CLIError) -> String? {
        guard let path = arguments.value(output) else { return nil }
        try ArchiveOptions.writeNew(data, to: path, mode: mode)
        return path
    }

    /// The result of a command that prints `value` as JSON, or writes it to the `-o` file.
    static func printed(_ value: some Encodable, _ arguments: ParsedArguments) throws(CLIError) -> CommandResult {
        let data = json(value)
        let file = try deliver(data, arguments)
        return CommandResult(value) { file == nil ? String(decoding: data, as: UTF8.self) : "" }
    }

    /// `value` as the pretty JSON the audit files are written in.
    static func json(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding strings, numbers and dates cannot fail.
        return (try? encoder.encode(value)) ?? Data()
    }
}

/// `inclusio audit verify`: the access log is complete and unaltered.
enum AuditVerifyCommand {
    static let command = Command(spec: spec, run: run)

    static let spec = CommandSpec(
        path: "audit verify",
        abstract: "Verify the access log: every entry's number, link and seal, the Merkle tree against every signed checkpoint.",
        options: ArchiveOptions.session + [AuditOptions.checkpoint, ServeCommand.witnessCA],
        required: ArchiveOptions.login,
        discussion: """
        Any entry changed, deleted, reordered, inserted or forged is named by its number; a log cut short or rolled \
        back to an older copy is found against the stored checkpoints, and a rewritten log (a fork) against the \
        checkpoints you exported and kept elsewhere (--checkpoint), and against the witnesses the policy lists: \
        their cosignatures are checked, the newest checkpoint must carry the policy's quorum of them, and the \
        witnesses are asked for it (by the service; on a local archive with --witness-ca). Needs an operator whose \
        role permits "audit".
        """)

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> CommandResult {
        let exported = try AuditOptions.checkpoints(arguments)
        let session = try ArchiveOptions.login(arguments)
        let witnessCA = arguments.value(ServeCommand.witnessCA).map { URL(fileURLWithPath: $0) }
        let verification = try ArchiveOptions.run { () throws(ArchiveError) in try session.verifyLog(exported: exported, witnessCA: witnessCA) }
        var result = CommandResult(verification) {
            (["\(verification.entries) entries (\(verification.bytes) bytes), \(verification.checkpoints) signed checkpoints"
                + (exported.isEmpty ? "" : ", \(exported.count) exported checkpoint(s)") + " checked. Tree head \(verification.root)."]
                + verification.notes.map { "Note: \($0)" }
                + [verification.isIntact ? "The access log is intact."
                   : "\(verification.problems.count) problem(s) found: the access log was altered or damaged."]).joined(separator: "\n")
        }
        result.notes = verification.problems.map { "Problem: \($0)" }
        if !verification.isIntact {
            result.error = .someFailed("The access log has \(verification.problems.count) problem(s), listed above.", code: .dataError)
        }
        return result
    }
}

/// `inclusio audit checkpoint`: a signed tree head to keep outside the archive.
enum AuditCheckpointCommand {
    static let publicKey = Option(["--public-key"], value: "file", help: "Also write the PEM public key that checks it.")

    static let command = Command(spec: spec, run: run)

    static let spec = CommandSpec(
        path: "audit checkpoint",
        abstract: "Sign a checkpoint of the access log now and export it, to keep elsewhere (a later rewrite no longer matches it).",
        options: ArchiveOptions.session + [AuditOptions.output, publicKey],
        required: ArchiveOptions.login,
        discussion: "The checkpoint is a signed note (origin, size, root, time); `openssl pkeyutl -verify -rawin` checks its Ed25519 signature. The log's own key (made at `archive init`, held sealed under what the custodians' secret unlocks) signs it; its public key is shown as a verifier key and published with every stored checkpoint.")

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> CommandResult {
        let session = try ArchiveOptions.login(arguments)
        let (checkpoint, pem, verifierKey) = try ArchiveOptions.run { () throws(ArchiveError) in try session.exportCheckpoint() }
        if let path = arguments.value(publicKey) {
            try ArchiveOptions.writeNew(Data(pem.utf8), to: path, mode: 0o644)
        }
        let file = try AuditOptions.deliver(Data(checkpoint.note.utf8), arguments, mode: 0o644)
        var result = CommandResult(Exported(size: checkpoint.size, note: checkpoint.note, file: file, publicKey: arguments.value(publicKey),
                                            verifierKey: verifierKey)) {
            file == nil ? checkpoint.note.trimmingCharacters(in: .newlines) : ""
        }
        result.notes = (file.map { ["Checkpoint of \(checkpoint.size) entries written to \($0)."] } ?? [])
            + ["The log's key (published with every checkpoint): \(verifierKey)"]
        return result
    }

    /// The checkpoint exported, and where it and its public key were written.
    private struct Exported: Encodable {
        let size: Int
        let note: String
        let file: String?
        let publicKey: String?
        /// The log's public key as a C2SP verifier key.
        let verifierKey: String
    }
}

/// `inclusio audit prove`: an inclusion proof anyone can check.
enum AuditProveCommand {
    static let entry = Option(["--entry"], value: "n", type: .integer(1...Int.max), help: "The log entry's number.")

    static let command = Command(spec: spec, run: run)

    static let spec = CommandSpec(
        path: "audit prove",
        abstract: "Print the proof (JSON) that a log entry is in the log an exported checkpoint signed.",
        options: ArchiveOptions.session + [entry, AuditOptions.checkpoint, AuditOptions.output],
        required: [.option(entry), .option(AuditOptions.checkpoint)] + ArchiveOptions.login,
        discussion: "Benchmarks/verify_inclusion.py PROOF CHECKPOINT checks it with SHA-256 alone (RFC 6962).")

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> CommandResult {
        guard let number = arguments.integer(entry) else { throw arguments.usage("Give the entry's number with --entry N.") }
        let checkpoints = try AuditOptions.checkpoints(arguments)
        guard checkpoints.count == 1 else { throw arguments.usage("Give one checkpoint with --checkpoint FILE.") }
        let session = try ArchiveOptions.login(arguments)
        let proof = try ArchiveOptions.run { () throws(ArchiveError) in
            try session.inclusionProof(entry: number, checkpoint: checkpoints[0].checkpoint, file: checkpoints[0].file)
        }
        return try AuditOptions.printed(proof, arguments)
    }
}

/// `inclusio audit consistency`: proof that the log only grew since an exported checkpoint.
enum AuditConsistencyCommand {
    static let from = Option(["--from"], value: "file", help: "The checkpoint exported earlier (`audit checkpoint`) to prove from.")

    static let command = Command(spec: spec, run: run)

    static let spec = CommandSpec(
        path: "audit consistency",
        abstract: "Print the RFC 9162 consistency proof (JSON) from an exported checkpoint to the log's newest, with its cosignatures.",
        options: ArchiveOptions.session + [from, AuditOptions.output],
        required: [.option(from)] + ArchiveOptions.login,
        discussion: """
        Shows that the entries the exported checkpoint covered are unchanged in today's log. \
        Benchmarks/verify_witnessed.py PROOF LOG-KEY WITNESS-KEY checks it with SHA-256 and openssl alone, with the \
        log's signature and a witness's cosignature on the newest checkpoint.
        """)

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> CommandResult {
        let checkpoints = try AuditOptions.checkpoints(arguments, option: from)
        guard checkpoints.count == 1 else { throw arguments.usage("Give one checkpoint with --from FILE.") }
        let session = try ArchiveOptions.login(arguments)
        let proof = try ArchiveOptions.run { () throws(ArchiveError) in
            try session.consistencyProof(from: checkpoints[0].checkpoint, file: checkpoints[0].file)
        }
        return try AuditOptions.printed(proof, arguments)
    }
}
