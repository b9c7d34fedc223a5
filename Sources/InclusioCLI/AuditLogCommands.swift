import Archive
import AuditLog
import Foundation

/// Options shared by the audit commands.
enum AuditOptions {
    static let checkpoint = CommandSpec.Option(names: ["--checkpoint"], value: "file",
                                               help: "A checkpoint exported earlier (`audit checkpoint`); repeat for several.")
    static let output = CommandSpec.Option(names: ["-o", "--output"], value: "file", help: "Write to this file (never replaced) instead of printing.")

    /// The checkpoints named by `--checkpoint`.
    static func checkpoints(_ arguments: ParsedArguments) throws(CLIError) -> [(file: String, checkpoint: Checkpoint)] {
        var read: [(file: String, checkpoint: Checkpoint)] = []
        for file in arguments.values[checkpoint.key] ?? [] {
            guard let data = FileManager.default.contents(atPath: file) else { throw .failed(ArchiveError.cannotRead(file: file)) }
            do { read.append((file, try Checkpoint(note: String(decoding: data, as: UTF8.self), file: file))) } catch { throw .failed(ArchiveError.accessLog(error)) }
        }
        return read
    }

    /// Writes `data` to the `-o` file (a new file only), or prints it.
    static func deliver(_ data: Data, _ arguments: ParsedArguments, console: Console, mode: mode_t = 0o600) throws(CLIError) {
        guard let path = arguments.value(output) else {
            console.out(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines))
            return
        }
        try ArchiveOptions.writeNew(data, to: path, mode: mode)
    }
}

/// `inclusio audit verify`: the access log is complete and unaltered.
enum AuditVerifyCommand {
    static let spec = CommandSpec(
        path: "audit verify",
        abstract: "Verify the access log: every entry's number, link and seal, the Merkle tree against every signed checkpoint.",
        usage: "inclusio audit verify [--checkpoint <file>…] --as <auditor> (--key <key> | --passphrase-file <file>) [--purpose <text>] [--json]",
        options: ArchiveOptions.session + [AuditOptions.checkpoint],
        discussion: """
        Any entry changed, deleted, reordered, inserted or forged is named by its number; a log cut short or rolled \
        back to an older copy is found against the stored checkpoints, and a rewritten log (a fork) against the \
        checkpoints you exported and kept elsewhere (--checkpoint). Needs an operator whose role permits "audit".
        """)

    static func run(_ arguments: ParsedArguments, console: Console) throws(CLIError) {
        let exported = try AuditOptions.checkpoints(arguments)
        let session = try ArchiveOptions.login(arguments, command: spec)
        let result = try ArchiveOptions.run { () throws(ArchiveError) in try session.verifyLog(exported: exported) }
        if console.json { console.emit(result) } else {
            console.out("\(result.entries) entries (\(result.bytes) bytes), \(result.checkpoints) signed checkpoints"
                + (exported.isEmpty ? "" : ", \(exported.count) exported checkpoint(s)") + " checked. Tree head \(result.root).")
            for note in result.notes { console.out("Note: \(note)") }
            for problem in result.problems { console.err("Problem: \(problem)") }
            console.out(result.isIntact ? "The access log is intact." : "\(result.problems.count) problem(s) found: the access log was altered or damaged.")
        }
        if !result.isIntact { throw .someFailed("The access log has \(result.problems.count) problem(s), listed above.", code: .dataError) }
    }
}

/// `inclusio audit checkpoint`: a signed tree head to keep outside the archive.
enum AuditCheckpointCommand {
    static let publicKey = CommandSpec.Option(names: ["--public-key"], value: "file", help: "Also write the PEM public key that checks it.")

    static let spec = CommandSpec(
        path: "audit checkpoint",
        abstract: "Sign a checkpoint of the access log now and export it, to keep elsewhere (a later rewrite no longer matches it).",
        usage: "inclusio audit checkpoint [-o <file>] [--public-key <file>] --as <auditor> (--key <key> | --passphrase-file <file>)",
        options: ArchiveOptions.session + [AuditOptions.output, publicKey],
        discussion: "The checkpoint is a signed note (origin, size, root, time); `openssl pkeyutl -verify -rawin` checks its Ed25519 signature.")

    static func run(_ arguments: ParsedArguments, console: Console) throws(CLIError) {
        let session = try ArchiveOptions.login(arguments, command: spec)
        let (checkpoint, pem) = try ArchiveOptions.run { () throws(ArchiveError) in try session.exportCheckpoint() }
        if let path = arguments.value(publicKey) {
            try ArchiveOptions.writeNew(Data(pem.utf8), to: path, mode: 0o644)
        }
        try AuditOptions.deliver(Data(checkpoint.note.utf8), arguments, console: console, mode: 0o644)
        if let path = arguments.value(AuditOptions.output) { console.err("Checkpoint of \(checkpoint.size) entries written to \(path).") }
    }
}

/// `inclusio audit prove`: an inclusion proof anyone can check.
enum AuditProveCommand {
    static let entry = CommandSpec.Option(names: ["--entry"], value: "n", help: "The log entry's number.")

    static let spec = CommandSpec(
        path: "audit prove",
        abstract: "Print the proof (JSON) that a log entry is in the log an exported checkpoint signed.",
        usage: "inclusio audit prove --entry <n> --checkpoint <file> [-o <file>] --as <auditor> (--key <key> | --passphrase-file <file>)",
        options: ArchiveOptions.session + [entry, AuditOptions.checkpoint, AuditOptions.output],
        discussion: "Benchmarks/verify_inclusion.py PROOF CHECKPOINT checks it with SHA-256 alone (RFC 6962).")

    static func run(_ arguments: ParsedArguments, console: Console) throws(CLIError) {
        guard let text = arguments.value(entry), let number = Int(text), number > 0 else { throw .usage("Give the entry's number with --entry N.", command: spec) }
        let checkpoints = try AuditOptions.checkpoints(arguments)
        guard checkpoints.count == 1 else { throw .usage("Give one checkpoint with --checkpoint FILE.", command: spec) }
        let session = try ArchiveOptions.login(arguments, command: spec)
        let proof = try ArchiveOptions.run { () throws(ArchiveError) in
            try session.inclusionProof(entry: number, checkpoint: checkpoints[0].checkpoint, file: checkpoints[0].file)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding strings and integers cannot fail.
        try AuditOptions.deliver((try? encoder.encode(proof)) ?? Data(), arguments, console: console)
    }
}
