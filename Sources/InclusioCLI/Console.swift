import Foundation
import Support

/// Where commands write: results on stdout, messages on stderr, or one JSON document
/// on stdout when `--json` is given.
struct Console {
    let json: Bool

    func out(_ text: String) { FileHandle.standardOutput.write(Data((text + "\n").utf8)) }
    func err(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }

    /// Prints `value` as the command's JSON document.
    func emit(_ value: some Encodable) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }

    /// Reports a failure as text on stderr or as `{"error": …}` on stdout.
    func fail(_ error: CLIError) -> ExitCode {
        if json, case .someFailed = error { return error.exitCode }  // the JSON document already lists the failures
        if json {
            emit(["error": JSONError(kind: error.kind, message: error.message, problems: error.problems)])
        } else {
            err(error.message)
        }
        return error.exitCode
    }
}

/// `{"error": {...}}` in `--json` output.
struct JSONError: Encodable {
    let kind: String
    let message: String
    let problems: [JSONProblem]
}

/// One problem in `--json` output.
struct JSONProblem: Encodable {
    let file: String
    let place: String
    let field: String
    let message: String
}

extension JSONProblem {
    /// The problem a ``Diagnostic`` names, its place written out (`line 12`, `row 5, column F`).
    init(_ diagnostic: Diagnostic) {
        self.init(file: diagnostic.file, place: diagnostic.place, field: diagnostic.field, message: diagnostic.message)
    }
}
