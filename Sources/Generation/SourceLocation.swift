import Support

/// Where a value came from in case data: the file, the place in it (a line, or a CSV row
/// and column) and the field's path.
///
/// Not a ``Diagnostic``: every value of a case carries one, and a generated record names
/// its document's as provenance (`← case.json: line 3: documents[0]`), with nothing wrong.
/// A problem at a value is `Diagnostic(location, message)`, which keeps every part of it.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The case file as the user named it.
    public let file: String
    /// 1-based line in a JSON or XML case file, else 0.
    public let line: Int
    /// 1-based CSV row (the header is row 1) and column (A is 1), else 0.
    public let row: Int
    public let column: Int
    /// The field: a JSON path (`documents[0].pupil.birthDate`), a CSV header, or an
    /// element path in an XML case file (`document[2]/pupil/birthDate`).
    public let field: String

    public init(file: String, line: Int = 0, row: Int = 0, column: Int = 0, field: String) {
        self.file = file
        self.line = line
        self.row = row
        self.column = column
        self.field = field
    }

    /// `line 12`, `row 5`, `row 5, column F`, or empty: as a ``Diagnostic`` here says it.
    public var place: String { Diagnostic(self, "").place }

    /// `file: place: field`, leaving out what is unknown.
    public var description: String {
        [file, place, field].filter { !$0.isEmpty }.joined(separator: ": ")
    }

    /// The same place, for the field `field`.
    func with(field: String) -> SourceLocation {
        SourceLocation(file: file, line: line, row: row, column: column, field: field)
    }
}

extension Diagnostic {
    /// The problem `message` at `location`.
    public init(_ location: SourceLocation, _ message: String) {
        self.init(file: location.file, line: location.line, row: location.row, column: location.column,
                  field: location.field, message: message)
    }
}
