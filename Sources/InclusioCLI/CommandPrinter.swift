import Foundation

/// The one place that writes a command's outcome: as text (results on stdout, messages and
/// failures on stderr) or, with `--json`, as exactly one JSON document on stdout:
///
/// ```json
/// {"result": {…} | null, "failures": [{"input", "kind", "message", "problems"}], "error": {"kind", "message", "problems"} | null}
/// ```
enum CommandPrinter {
    /// Prints `result` (absent when the command threw `error`) and returns the exit status.
    static func print(_ result: CommandResult?, error thrown: CLIError? = nil, json: Bool) -> ExitCode {
        let error = thrown ?? result?.error
        if json {
            write(Document(result: result?.value, failures: result?.failures ?? [], error: error.map(JSONError.init)).encoded(), to: .standardOutput)
        } else {
            if let result {
                let text = result.text()
                if !text.isEmpty { write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8), to: .standardOutput) }
            }
            let messages = (result?.notes ?? []) + (result?.failures.map(\.message) ?? []) + [error?.message].compactMap { $0 }
            // One write for all of them: a batch of thousands of failures is one system call.
            if !messages.isEmpty { write(Data((messages.joined(separator: "\n") + "\n").utf8), to: .standardError) }
        }
        return error?.exitCode ?? .success
    }

    /// The JSON document `--json` prints for `result` or `error`, and the exit status: what the
    /// service answers (with `extra` keys beside `result`, `failures` and `error`), printed by no one.
    static func document(_ result: CommandResult?, error thrown: CLIError? = nil, extra: [String: any Encodable] = [:]) -> (Data, ExitCode) {
        let error = thrown ?? result?.error
        let document = Document(result: result?.value, failures: result?.failures ?? [], error: error.map(JSONError.init), extra: extra)
        return (document.encoded(), error?.exitCode ?? .success)
    }

    /// Writes `line` on stdout now, before the result: see ``ParsedArguments/live(_:)``.
    static func live(_ line: String) { write(Data((line + "\n").utf8), to: .standardOutput) }

    private static func write(_ data: Data, to handle: FileHandle) { handle.write(data) }

    /// The JSON document: `result`, `failures` and `error`, each always present.
    private struct Document: Encodable {
        let result: (any Encodable)?
        let failures: [InputFailure]
        let error: JSONError?
        /// Keys the service adds (`exitStatus`, `files`); none on the command line.
        var extra: [String: any Encodable] = [:]

        struct Key: CodingKey {
            let stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            if let result { try container.encode(result, forKey: Key(stringValue: "result")) } else { try container.encodeNil(forKey: Key(stringValue: "result")) }
            try container.encode(failures, forKey: Key(stringValue: "failures"))
            if let error { try container.encode(error, forKey: Key(stringValue: "error")) } else { try container.encodeNil(forKey: Key(stringValue: "error")) }
            for (key, value) in extra { try container.encode(value, forKey: Key(stringValue: key)) }
        }

        func encoded() -> Data {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            // Values are strings, numbers, dates and arrays of them; should one fail, the document still parses.
            let data = (try? encoder.encode(self))
                ?? Data(#"{"result": null, "failures": [], "error": {"kind": "internal", "message": "Error: the result cannot be written as JSON.", "problems": []}}"#.utf8)
            return data + Data("\n".utf8)
        }
    }
}
