import Deadlines
import Support

/// A command line split by a ``CommandSpec``: option values already read by their type,
/// flags, and operands.
struct ParsedArguments {
    let spec: CommandSpec
    private(set) var values: [String: [OptionValue]] = [:]
    private(set) var flags: Set<String> = []
    private(set) var operands: [String] = []
    private(set) var helpRequested = false

    /// Splits `arguments` into option values and operands, reading each value by its type.
    /// - Throws: ``CLIError/usage(_:command:)`` for an unknown option, a missing value or a
    ///   value of the wrong type, naming the option.
    init(_ arguments: [String], spec: CommandSpec) throws(CLIError) {
        self.spec = spec
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--" { operands += arguments[index...]; break }
            if argument == "-h" || argument == "--help" { helpRequested = true; continue }
            guard argument.hasPrefix("-"), argument.count > 1 else { operands.append(argument); continue }
            let (name, inline) = argument.hasPrefix("--") && argument.contains("=")
                ? (String(argument.prefix { $0 != "=" }), String(argument.drop { $0 != "=" }.dropFirst()))
                : (argument, nil)
            guard let option = spec.options.first(where: { $0.names.contains(name) }) else {
                let near = EditDistance.nearest(to: name, among: spec.options.flatMap(\.names) + ["--help"], limit: 3)
                throw .usage("Unknown option '\(name)'." + (near.map { " Did you mean '\($0)'?" } ?? ""), command: spec)
            }
            guard let placeholder = option.value else { flags.insert(option.key); continue }
            let text: String
            if let inline { text = inline } else {
                guard index < arguments.count else { throw .usage("Missing value for '\(name) <\(placeholder)>'.", command: spec) }
                text = arguments[index]
                index += 1
            }
            values[option.key, default: []].append(try option.type.parse(text, name: name, command: spec))
        }
    }

    /// The last value given for `option`, as text.
    func value(_ option: Option) -> String? { values[option.key]?.last?.text }
    /// Every value given for a repeatable `option`, as text.
    func all(_ option: Option) -> [String] { values[option.key]?.map(\.text) ?? [] }
    func has(_ option: Option) -> Bool { flags.contains(option.key) }

    /// The day of a ``OptionType/day`` option.
    func day(_ option: Option) -> CalendarDay? {
        guard case let .day(day)? = values[option.key]?.last else { return nil }
        return day
    }

    /// The number of an ``OptionType/integer(_:)`` or ``OptionType/year`` option.
    func integer(_ option: Option) -> Int? {
        guard case let .integer(value)? = values[option.key]?.last else { return nil }
        return value
    }

    /// The opening and closing hour of an ``OptionType/hours`` option.
    func hours(_ option: Option) -> (opening: Int, closing: Int)? {
        guard case let .hours(opening, closing)? = values[option.key]?.last else { return nil }
        return (opening, closing)
    }

    /// The path and format (its extension) of an ``OptionType/file(extensions:)`` option.
    func file(_ option: Option) -> (path: String, format: String)? {
        guard case let .file(path, format)? = values[option.key]?.last else { return nil }
        return (path, format)
    }

    /// Whether `--json` was given.
    var json: Bool { has(Option.json) }

    /// Reports `line` on stdout at once in text mode (nothing with `--json`, whose result holds it):
    /// for batches whose every committed input must be known should the process be killed.
    /// Run by `inclusio serve`, the line goes back to the client in the answer (`"live"`).
    func live(_ line: String) {
        if let bound = ServiceBinding.current { bound.live.append(line); return }
        if !json { CommandPrinter.live(line) }
    }

    /// A usage error of this command.
    func usage(_ message: String) -> CLIError { .usage(message, command: spec) }
}
