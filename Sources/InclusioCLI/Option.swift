/// One option of a command: its spellings, the type of its value (none for a flag), whether
/// it may be repeated, and its help line.
struct Option: Sendable {
    let names: [String]
    /// The placeholder of the value in help and usage (`dir`, `file.pdf`); `nil` for a flag.
    let value: String?
    let type: OptionType
    let repeatable: Bool
    let help: String

    /// An option that takes a value of `type` (text unless said otherwise).
    init(_ names: [String], value: String, type: OptionType = .text, repeatable: Bool = false, help: String) {
        (self.names, self.value, self.type, self.repeatable, self.help) = (names, value, type, repeatable, help)
    }

    /// A flag: present or not.
    init(flag names: [String], help: String) {
        (self.names, self.value, self.type, self.repeatable, self.help) = (names, nil, .text, false, help)
    }

    /// The name values are kept under: the long spelling.
    var key: String { names.last ?? "" }

    /// `-o <file.pdf>` or `--fo`: the first spelling with its placeholder.
    var usage: String { (names.first ?? "") + (value.map { " <\($0)>" } ?? "") }

    /// Every command's: one JSON document on stdout.
    static let json = Option(flag: ["--json"], help: "Print one JSON document on stdout: {\"result\", \"failures\", \"error\"}.")
}
