/// A command that `inclusio serve` runs for clients, and which of its arguments name input
/// files: the client uploads those with the request, and the service reads them only from the
/// request's private folder (``StagedInputs``), never from its own disk.
///
/// The one table both sides read: `--server` on the command line and the service's routes.
struct ServedCommand: Sendable {
    let path: String
    /// Options whose values are files (or folders) the command reads.
    let inputs: [Option]
    /// Whether the operands are files (or folders) the command reads.
    let operandsAreInputs: Bool
    /// The option naming a folder the command writes into (``ServedFolder``).
    let output: Option?

    init(_ path: String, inputs: [Option] = [], operands: Bool = false, output: Option? = nil) {
        (self.path, self.inputs, operandsAreInputs, self.output) = (path, inputs, operands, output)
    }

    /// Every served command. `transfer prepare` and `transfer receive` sign (and open dossiers)
    /// with the service's own keys (``ServiceKeys``), never with one a client holds. Not served:
    /// `transfer confirm`, which reads no archive, and the archive's set-up (`init`, `enrol`, `policy`).
    static let all: [ServedCommand] = [
        ServedCommand("archive ingest", inputs: [KeyOptions.ca, ArchiveIngestCommand.dossierPassphrase], operands: true),
        ServedCommand("archive list"), ServedCommand("archive search"), ServedCommand("archive show"), ServedCommand("archive get"),
        ServedCommand("archive render"), ServedCommand("archive hold"), ServedCommand("archive shred"), ServedCommand("archive check"),
        ServedCommand("audit verify", inputs: [AuditOptions.checkpoint]), ServedCommand("audit checkpoint"),
        ServedCommand("audit prove", inputs: [AuditOptions.checkpoint]), ServedCommand("audit consistency", inputs: [AuditConsistencyCommand.from]),
        ServedCommand("audit report"), ServedCommand("audit chart"),
        ServedCommand("due"),
        ServedCommand("transfer prepare", inputs: [TransferPrepareCommand.to], output: TransferOptions.output),
        ServedCommand("transfer receive", inputs: [KeyOptions.ca], operands: true, output: TransferOptions.output),
    ]

    static func named(_ path: String) -> ServedCommand? { all.first { $0.path == path } }

    /// One argument of a command line, as ``ParsedArguments`` reads it: an option (with the
    /// index of its value, and the `--name=` prefix when the value is inline) or an operand.
    enum Token {
        case option(Option, at: Int, value: Int?, inlinePrefix: String?)
        case operand(at: Int)
    }

    /// `arguments` split as ``ParsedArguments`` splits them; unknown options are left to it.
    static func tokens(_ arguments: [String], spec: CommandSpec) -> [Token] {
        var tokens: [Token] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" {
                tokens += (index + 1..<arguments.count).map { Token.operand(at: $0) }
                break
            }
            guard argument.hasPrefix("-"), argument.count > 1 else { tokens.append(.operand(at: index)); index += 1; continue }
            let inline = argument.hasPrefix("--") && argument.contains("=")
            let name = inline ? String(argument.prefix { $0 != "=" }) : argument
            guard let option = spec.options.first(where: { $0.names.contains(name) }) else { index += 1; continue }
            if option.value == nil {
                tokens.append(.option(option, at: index, value: nil, inlinePrefix: nil))
                index += 1
            } else if inline {
                tokens.append(.option(option, at: index, value: index, inlinePrefix: name + "="))
                index += 1
            } else {
                tokens.append(.option(option, at: index, value: index + 1 < arguments.count ? index + 1 : nil, inlinePrefix: nil))
                index += 2
            }
        }
        return tokens
    }

    /// The positions of `arguments` naming input files, with the `--name=` prefix to keep.
    func inputPositions(_ arguments: [String], spec: CommandSpec) -> [(index: Int, prefix: String)] {
        let keys = Set(inputs.map(\.key))
        return Self.tokens(arguments, spec: spec).compactMap { token in
            switch token {
            case let .option(option, _, value?, prefix) where keys.contains(option.key): (value, prefix ?? "")
            case let .operand(at) where operandsAreInputs: (at, "")
            default: nil
            }
        }
    }
}
