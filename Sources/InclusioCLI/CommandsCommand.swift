/// `inclusio commands`: every command and group with its usage, for tools and for the
/// contract test (hidden from the overview).
enum CommandsCommand {
    static let spec = CommandSpec(path: "commands", abstract: "List every command and group, with usage and options (for tools).", options: [])

    static let command = Command(spec: spec, run: run, hidden: true)

    /// One command in the listing.
    struct Listed: Encodable {
        let path: String
        let abstract: String
        let usage: String
        let options: [String]
    }

    /// One group in the listing.
    struct Group: Encodable {
        let path: String
        let commands: [String]
    }

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> CommandResult {
        guard arguments.operands.isEmpty else { throw arguments.usage("commands takes no operands.") }
        let listed = Inclusio.commands.filter { !$0.hidden }.map {
            Listed(path: $0.spec.path, abstract: $0.spec.abstract, usage: $0.spec.usage, options: $0.spec.options.flatMap(\.names))
        }
        let groups = Inclusio.groups.map { Group(path: $0.path, commands: $0.commands.map(\.spec.path)) }
        return CommandResult(Listing(commands: listed, groups: groups)) {
            (listed.map(\.usage) + groups.map { "inclusio \($0.path) <command>" }).joined(separator: "\n")
        }
    }

    /// The whole listing.
    struct Listing: Encodable {
        let commands: [Listed]
        let groups: [Group]
    }
}
