import Foundation
import Support

/// Where a value came from in case data, for messages: the file, the place in it
/// (line, or CSV row and column) and the field's path.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The case file as the user named it.
    public let file: String
    /// `line 12`, or `row 5, column F` for CSV.
    public let place: String
    /// The field: a JSON path (`documents[0].pupil.birthDate`), a CSV header, or an
    /// element path in an XML case file (`document[2]/pupil/birthDate`).
    public let field: String

    public init(file: String, place: String, field: String) {
        self.file = file
        self.place = place
        self.field = field
    }

    public var description: String {
        [file, place, field].filter { !$0.isEmpty }.joined(separator: ": ")
    }
}

/// One thing wrong with case data, at the field that holds it.
public struct GenerationProblem: Sendable, Hashable, CustomStringConvertible {
    public let location: SourceLocation
    public let message: String

    public init(_ location: SourceLocation, _ message: String) {
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): \(message)" }

    /// The problem as a ``Diagnostic``: `line N` and `row R, column X` become its line, row
    /// and column; a JSON position (`line N, column C`) keeps its line only.
    public var diagnostic: Diagnostic {
        var diagnostic = Diagnostic(file: location.file, field: location.field, message: message)
        let parts = location.place.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        for part in parts {
            let words = part.split(separator: " ")
            guard words.count == 2 else { continue }
            switch words[0] {
            case "line": diagnostic.line = Int(words[1]) ?? 0
            case "row": diagnostic.row = Int(words[1]) ?? 0
            case "column" where diagnostic.row > 0: diagnostic.column = String(words[1])
            default: break
            }
        }
        return diagnostic
    }
}
