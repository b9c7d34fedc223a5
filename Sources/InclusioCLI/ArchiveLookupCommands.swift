import Archive
import Foundation

/// `inclusio archive list`: the pupils in your scope.
enum ArchiveListCommand {
    static let school = CommandSpec.Option(names: ["--school"], value: "code", help: "Only pupils of this school (code or name).")
    static let kind = CommandSpec.Option(names: ["--kind"], value: "kind", help: "Only pupils with a document of this kind.")

    static let spec = CommandSpec(
        path: "archive list",
        abstract: "List the pupils in your scope: pseudonym, school, number of documents, status.",
        usage: "inclusio archive list --as <operator> (--key <key> | --passphrase-file <file>) --purpose <text> [--school <code>] [--kind <kind>] [--json]",
        options: ArchiveOptions.session + [school, kind],
        discussion: "Names are not listed; `inclusio archive show --pupil P-…` shows one pupil's file.")

    static func run(_ arguments: ParsedArguments, console: Console) throws(CLIError) {
        let session = try ArchiveOptions.login(arguments, command: spec)
        let pupils = try ArchiveOptions.run { () throws(ArchiveError) in
            try session.pupils(school: arguments.value(school), kind: arguments.value(kind))
        }
        ArchivePrinter.print(pupils, on: console)
    }
}

/// `inclusio archive search`: find a pupil by exact name or national id.
enum ArchiveSearchCommand {
    static let name = CommandSpec.Option(names: ["--name"], value: "name", help: "The pupil's full name, exactly (either order; case and width do not matter).")
    static let nationalId = CommandSpec.Option(names: ["--national-id"], value: "id", help: "The pupil's national id.")

    static let spec = CommandSpec(
        path: "archive search",
        abstract: "Find pupils in your scope by exact name or national id (through keyed tokens; no plaintext is stored).",
        usage: "inclusio archive search (--name <name> | --national-id <id>) --as <operator> (--key <key> | --passphrase-file <file>) --purpose <text> [--json]",
        options: ArchiveOptions.session + [name, nationalId],
        discussion: "")

    static func run(_ arguments: ParsedArguments, console: Console) throws(CLIError) {
        guard (arguments.value(name) == nil) != (arguments.value(nationalId) == nil) else {
            throw .usage("Give --name or --national-id (one of them).", command: spec)
        }
        let session = try ArchiveOptions.login(arguments, command: spec)
        let pupils = try ArchiveOptions.run { () throws(ArchiveError) in
            try session.search(name: arguments.value(name), nationalId: arguments.value(nationalId))
        }
        ArchivePrinter.print(pupils, on: console)
    }
}

/// `inclusio archive show`: one pupil's file.
enum ArchiveShowCommand {
    static let spec = CommandSpec(
        path: "archive show",
        abstract: "Show a pupil's file: who, where, and every document and version you may read.",
        usage: "inclusio archive show --pupil <id> --as <operator> (--key <key> | --passphrase-file <file>) --purpose <text> [--json]",
        options: ArchiveOptions.session + [ArchiveOptions.pupil],
        discussion: "")

    static func run(_ arguments: ParsedArguments, console: Console) throws(CLIError) {
        guard let pupil = arguments.value(ArchiveOptions.pupil) else { throw .usage("Give the pupil with --pupil.", command: spec) }
        let session = try ArchiveOptions.login(arguments, command: spec)
        let file = try ArchiveOptions.run { () throws(ArchiveError) in try session.file(of: pupil) }
        ArchivePrinter.print(file, on: console)
    }
}

/// `inclusio archive get`: a decrypted copy of one document version.
enum ArchiveGetCommand {
    static let version = CommandSpec.Option(names: ["--version"], value: "n", help: "The version (default: the current one).")
    static let output = CommandSpec.Option(names: ["-o", "--output"], value: "file", help: "Where to write the copy (must not exist).")

    static let spec = CommandSpec(
        path: "archive get",
        abstract: "Write a decrypted copy of a document (archive id D-… or record id), checked against its seal.",
        usage: "inclusio archive get <document> [--version <n>] -o <file> --as <operator> (--key <key> | --passphrase-file <file>) --purpose <text>",
        options: ArchiveOptions.session + [version, output],
        discussion: "The copy is readable by you only; it is logged as an export before it is written. An existing file is never replaced.")

    static func run(_ arguments: ParsedArguments, console: Console) throws(CLIError) {
        guard arguments.operands.count == 1, let document = arguments.operands.first else { throw .usage("Give the one document to get.", command: spec) }
        guard let path = arguments.value(output) else { throw .usage("Give the file to write with -o FILE.", command: spec) }
        let number = try versionNumber(arguments, command: spec)
        let session = try ArchiveOptions.login(arguments, command: spec)
        let (summary, content) = try ArchiveOptions.run { () throws(ArchiveError) in try session.export(document, version: number) }
        try ArchiveOptions.writeNew(content, to: path)
        if console.json { console.emit(summary) } else {
            console.out("Wrote version \(summary.version)\(summary.isCurrent ? " (current)" : " (superseded)") of \(document) to \(path).")
        }
    }

    /// `--version`, when given: a version number from 1.
    static func versionNumber(_ arguments: ParsedArguments, command: CommandSpec) throws(CLIError) -> Int? {
        guard let text = arguments.value(version) else { return nil }
        guard let value = Int(text), value > 0 else { throw .usage("--version takes a version number (1, 2, …).", command: command) }
        return value
    }
}
