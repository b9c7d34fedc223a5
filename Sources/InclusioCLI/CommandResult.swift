import Support
/// What a command produced, for the runner alone to print: its value (encoded under
/// `"result"` with `--json`) and the text that renders it, the inputs that failed while the
/// others went through, and the failure that sets the exit status although there is a result.
///
/// Commands never write to stdout or stderr themselves (a progress bar on a terminal aside):
/// ``CommandPrinter`` prints a result either as text or as exactly one JSON document.
struct CommandResult {
    /// The value of `--json` output (`null` when the command has none).
    let value: (any Encodable)?
    /// The value as text for stdout; made only when text is printed (a big table costs time).
    let text: () -> String
    /// Messages for the person at the terminal, on stderr in text mode ("Report written to …").
    var notes: [String] = []
    /// Inputs of a batch that failed while the others went through, in input order.
    var failures: [InputFailure] = []
    /// The failure that sets the exit status although the command produced a result.
    var error: CLIError?

    init(_ value: (any Encodable)?, text: @escaping () -> String) {
        self.value = value
        self.text = text
    }

    /// Sets ``error`` to a summary of ``failures`` (`summary` says how many and what that
    /// means), with the exit status of the first; nothing when none failed.
    mutating func summarize(_ summary: (Int) -> String, first: CLIError?) {
        guard let first, !failures.isEmpty else { return }
        error = .someFailed(summary(failures.count), code: first.exitCode)
    }
}

/// One input of a batch that failed: which, and the failure as `"error"` says it.
struct InputFailure: Codable {
    let input: String
    let kind: String
    let message: String
    let problems: [Diagnostic]

    init(input: String, error: CLIError) {
        (self.input, kind, message, problems) = (input, error.kind, error.message, error.problems)
    }

    /// An input whose data is wrong (an invalid record), with its problems.
    init(input: String, message: String, problems: [Diagnostic]) {
        (self.input, kind, self.message, self.problems) = (input, "data", message, problems)
    }
}

/// `"error"` of a JSON document: the failure's kind (from its exit status), message and problems
/// (each a ``Diagnostic``: `file`, `place`, `field`, `message`, and `line`, `row`, `column` when known).
struct JSONError: Codable {
    let kind: String
    let message: String
    let problems: [Diagnostic]

    init(_ error: CLIError) { (kind, message, problems) = (error.kind, error.message, error.problems) }
}
