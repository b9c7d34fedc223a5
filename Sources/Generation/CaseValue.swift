/// Case data read from JSON, CSV or XML, as one tree of text, fields and lists, each
/// value knowing where it came from.
public indirect enum CaseValue: Sendable {
    /// A single value (numbers and booleans keep their written form).
    case text(String, SourceLocation)
    /// Named fields, in the order written.
    case fields(CaseFields)
    /// Several values of one field.
    case list([CaseValue], SourceLocation)

    /// Where the value came from.
    public var location: SourceLocation {
        switch self {
        case let .text(_, location), let .list(_, location): location
        case let .fields(fields): fields.location
        }
    }
}

/// An ordered set of named case values.
public struct CaseFields: Sendable {
    public var entries: [(key: String, value: CaseValue)]
    public let location: SourceLocation

    public init(entries: [(key: String, value: CaseValue)] = [], location: SourceLocation) {
        self.entries = entries
        self.location = location
    }

    /// The value of field `key`, if present.
    public subscript(key: String) -> CaseValue? {
        entries.first { $0.key == key }?.value
    }

    /// The text of field `key`, if it is a single value.
    public func text(_ key: String) -> String? {
        if case let .text(value, _)? = self[key] { return value }
        return nil
    }
}
