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
}
