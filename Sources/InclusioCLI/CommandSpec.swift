/// What a command is called, what it takes, and how its help and usage line read.
///
/// The usage line is synthesised from the declared options and operands, as
/// swift-argument-parser prints it: required options bare, optional ones in `[ ]`,
/// repeatable ones followed by `...`, then the operands.
struct CommandSpec: Sendable {
    /// The operands a command takes after its options, e.g. `<file>...`.
    struct Operands: Sendable {
        let name: String
        let repeatable: Bool
        let optional: Bool

        /// Exactly one operand.
        static func one(_ name: String) -> Operands { Operands(name: name, repeatable: false, optional: false) }
        /// One or more operands.
        static func some(_ name: String) -> Operands { Operands(name: name, repeatable: true, optional: false) }

        var usage: String {
            let word = "<\(name)>" + (repeatable ? "..." : "")
            return optional ? "[\(word)]" : word
        }
    }

    /// Which options a command needs: one option, or exactly one of several.
    enum Requirement: Sendable {
        case option(Option)
        case oneOf([Option])

        var options: [Option] {
            switch self {
            case let .option(option): [option]
            case let .oneOf(options): options
            }
        }
    }

    let path: String
    let abstract: String
    let operands: Operands?
    let options: [Option]
    let required: [Requirement]
    let discussion: String

    init(path: String, abstract: String, operands: Operands? = nil, options: [Option], required: [Requirement] = [], discussion: String = "") {
        self.path = path
        self.abstract = abstract
        self.operands = operands
        // `--json` is every command's; declared once here, listed last.
        self.options = options.filter { $0.key != Option.json.key } + [Option.json]
        self.required = required
        self.discussion = discussion
    }

    /// `inclusio archive show --pupil <id> --as <operator> (--key <key> | --passphrase-file <file>) [--json]`.
    var usage: String {
        var words = ["inclusio", path]
        var placed: Set<String> = []
        for option in options where !placed.contains(option.key) {
            if let requirement = required.first(where: { $0.options.contains { $0.key == option.key } }) {
                let members = requirement.options.map { $0.usage + ($0.repeatable ? "..." : "") }
                placed.formUnion(requirement.options.map(\.key))
                words.append(members.count == 1 ? members[0] : "(" + members.joined(separator: " | ") + ")")
            } else {
                placed.insert(option.key)
                words.append("[\(option.usage)]" + (option.repeatable ? "..." : ""))
            }
        }
        if let operands { words.append(operands.usage) }
        return words.joined(separator: " ")
    }

    /// The text of `inclusio help <command>`.
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
}
