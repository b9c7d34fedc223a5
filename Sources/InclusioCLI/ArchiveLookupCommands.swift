import Archive
import Foundation

/// `inclusio archive list`: the pupils in your scope.
enum ArchiveListCommand {
    static let school = Option(["--school"], value: "code", help: "Only pupils of this school (code or name).")
    static let kind = Option(["--kind"], value: "kind", help: "Only pupils with a document of this kind.")

    static let command = Command(spec: spec, run: run)

    static let spec = CommandSpec(
        path: "archive list",
        abstract: "List the pupils in your scope: pseudonym, school, number of documents, status.",
        options: ArchiveOptions.session + [school, kind],
        required: ArchiveOptions.access,
        discussion: "Names are not listed; `inclusio archive show --pupil P-…` shows one pupil's file.")

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> CommandResult {
        let session = try ArchiveOptions.login(arguments)
        let pupils = try ArchiveOptions.run { () throws(ArchiveError) in
            try session.pupils(school: arguments.value(school), kind: arguments.value(kind))
        }
        return ArchivePrinter.result(pupils)
    }
}

/// `inclusio archive search`: find a pupil by exact name or national id.
enum ArchiveSearchCommand {
    static let name = Option(["--name"], value: "name", help: "The pupil's full name, exactly (either order; case and width do not matter).")
    static let nationalId = Option(["--national-id"], value: "id", help: "The pupil's national id.")

    static let command = Command(spec: spec, run: run)

    static let spec = CommandSpec(
        path: "archive search",
        abstract: "Find pupils in your scope by exact name or national id (through keyed tokens; no plaintext is stored).",
        options: ArchiveOptions.session + [name, nationalId],
        required: [.oneOf([name, nationalId])] + ArchiveOptions.access,
        discussion: "")

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> CommandResult {
        guard (arguments.value(name) == nil) != (arguments.value(nationalId) == nil) else {
            throw arguments.usage("Give --name or --national-id (one of them).")
        }
        let session = try ArchiveOptions.login(arguments)
        let pupils = try ArchiveOptions.run { () throws(ArchiveError) in
            try session.search(name: arguments.value(name), nationalId: arguments.value(nationalId))
        }
        return ArchivePrinter.result(pupils)
    }
}

/// `inclusio archive show`: one pupil's file.
enum ArchiveShowCommand {
    static let command = Command(spec: spec, run: run)

    static let spec = CommandSpec(
        path: "archive show",
        abstract: "Show a pupil's file: who, where, and every document and version you may read.",
        options: ArchiveOptions.session + [ArchiveOptions.pupil],
        required: [.option(ArchiveOptions.pupil)] + ArchiveOptions.access,
        discussion: "")

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> CommandResult {
        guard let pupil = arguments.value(ArchiveOptions.pupil) else { throw arguments.usage("Give the pupil with --pupil.") }
        let session = try ArchiveOptions.login(arguments)
        let file = try ArchiveOptions.run { () throws(ArchiveError) in try session.file(of: pupil) }
        return ArchivePrinter.result(file)
    }
}

/// `inclusio archive get`: a decrypted copy of one document version.
enum ArchiveGetCommand {
    static let version = Option(["--version"], value: "n", type: .integer(1...Int.max), help: "The version (default: the current one).")
    static let output = Option(["-o", "--output"], value: "file", help: "Where to write the copy (must not exist).")

    static let command = Command(spec: spec, run: run)

    static let spec = CommandSpec(
        path: "archive get",
        abstract: "Write a decrypted copy of a document (archive id D-… or record id), checked against its seal.",
        operands: .one("document"),
        options: ArchiveOptions.session + [version, output],
        required: [.option(output)] + ArchiveOptions.access,
        discussion: "The copy is readable by you only; it is logged as an export before it is written. An existing file is never replaced.")

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> CommandResult {
        guard arguments.operands.count == 1, let document = arguments.operands.first else { throw arguments.usage("Give the one document to get.") }
        guard let path = arguments.value(output) else { throw arguments.usage("Give the file to write with -o FILE.") }
        let number = arguments.integer(version)
        let session = try ArchiveOptions.login(arguments)
        let (summary, content) = try ArchiveOptions.run { () throws(ArchiveError) in try session.export(document, version: number) }
        try ArchiveOptions.writeNew(content, to: path)
        return CommandResult(summary) { "Wrote version \(summary.version)\(summary.isCurrent ? " (current)" : " (superseded)") of \(document) to \(path)." }
    }
}
