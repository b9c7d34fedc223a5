import Support

/// The options a command accepts, and the parse of its arguments against them.
struct CommandSpec: Sendable {
    /// One option: its spellings, whether it takes a value, and its help line.
    struct Option: Sendable {
        let names: [String]
        let value: String?
        let help: String
        var key: String { names.last! }
    }

    let path: String
    let abstract: String
    let usage: String
    let options: [Option]
    let discussion: String

    static let json = Option(names: ["--json"], value: nil, help: "Print one JSON document on stdout, failures included.")
    static let schemas = Option(names: ["--schemas"], value: "dir", help: "Folder of XSD schemas (default: Schemas/ of the Inclusio home).")

    var help: String {
        var text = "OVERVIEW: \(abstract)\n\nUSAGE: \(usage)\n"
        if !discussion.isEmpty { text += "\n\(discussion)\n" }
        text += "\nOPTIONS:\n"
        let rows = options.map { ($0.names.joined(separator: ", ") + ($0.value.map { " <\($0)>" } ?? ""), $0.help) }
            + [("-h, --help", "Show this help.")]
        let width = rows.map(\.0.count).max() ?? 0
        for (left, right) in rows { text += "  " + left.padding(toLength: width + 2, withPad: " ", startingAt: 0) + right + "\n" }
        return text
    }

    /// Splits `arguments` into option values and operands.
    /// - Throws: ``CLIError/usage(_:command:)`` for unknown options or missing values.
    func parse(_ arguments: [String]) throws(CLIError) -> ParsedArguments {
        var parsed = ParsedArguments()
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--" { parsed.operands += arguments[index...]; break }
            if argument == "-h" || argument == "--help" { parsed.helpRequested = true; continue }
            guard argument.hasPrefix("-"), argument.count > 1 else { parsed.operands.append(argument); continue }
            let (name, inline) = argument.split(separator: "=", maxSplits: 1).count == 2 && argument.hasPrefix("--")
                ? (String(argument.prefix { $0 != "=" }), String(argument.drop { $0 != "=" }.dropFirst()))
                : (argument, nil)
            guard let option = options.first(where: { $0.names.contains(name) }) else {
                let all = options.flatMap(\.names) + ["--help"]
                let near = EditDistance.nearest(to: name, among: all, limit: 3)
                throw .usage("Unknown option '\(name)'." + (near.map { " Did you mean '\($0)'?" } ?? ""), command: self)
            }
            if option.value == nil {
                parsed.flags.insert(option.key)
            } else if let inline {
                parsed.values[option.key, default: []].append(inline)
            } else {
                guard index < arguments.count else { throw .usage("Missing value for '\(name) <\(option.value!)>'.", command: self) }
                parsed.values[option.key, default: []].append(arguments[index])
                index += 1
            }
        }
        return parsed
    }
}

/// Arguments split by a ``CommandSpec``.
struct ParsedArguments {
    var values: [String: [String]] = [:]
    var flags: Set<String> = []
    var operands: [String] = []
    var helpRequested = false

    func value(_ option: CommandSpec.Option) -> String? { values[option.key]?.last }
    func has(_ option: CommandSpec.Option) -> Bool { flags.contains(option.key) }
}
