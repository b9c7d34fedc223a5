/// Why a record, schema or XML input could not be used.
public enum RecordError: Error, Equatable, CustomStringConvertible {
    /// The file could not be read.
    case unreadable(file: String)
    /// The file is larger than ``XMLInputLimits/maximumBytes``.
    case tooLarge(file: String, bytes: Int, limit: Int)
    /// The file declares a DTD (`<!DOCTYPE …>`), which we never accept.
    case documentTypeDeclared(file: String)
    /// The file is not well-formed XML.
    case malformed(file: String, problems: [RecordProblem])
    /// Elements nest deeper than ``XMLInputLimits/maximumDepth``.
    case tooDeep(file: String, line: Int, limit: Int)
    /// No schema in the catalog declares the record's namespace.
    case unknownKind(file: String, namespace: String)
    /// The record breaks its schema.
    case invalid(file: String, problems: [RecordProblem])
    /// One of our own schemas cannot be compiled or read.
    case brokenSchema(file: String, problems: [RecordProblem])

    /// The problems listed by this error (empty for errors about the whole file).
    public var problems: [RecordProblem] {
        switch self {
        case let .malformed(_, problems), let .invalid(_, problems), let .brokenSchema(_, problems): problems
        default: []
        }
    }

    /// The file the error is about.
    public var file: String {
        switch self {
        case let .unreadable(file), let .tooLarge(file, _, _), let .documentTypeDeclared(file), let .malformed(file, _),
             let .tooDeep(file, _, _), let .unknownKind(file, _), let .invalid(file, _), let .brokenSchema(file, _): file
        }
    }

    /// What is wrong and what to do, without the file's name.
    public var reason: String {
        switch self {
        case .unreadable:
            "cannot be read; check the path and the file's permissions."
        case let .tooLarge(_, bytes, limit):
            "is \(bytes) bytes, more than the \(limit) bytes accepted; this is not a record or case file."
        case .documentTypeDeclared:
            "declares a DTD (<!DOCTYPE …>); records and case files must not declare DTDs or entities. Remove the DOCTYPE."
        case let .malformed(_, problems):
            "is not well-formed XML; correct it and try again:\n" + Self.list(problems)
        case let .tooDeep(_, line, limit):
            "line \(line): elements nest more than \(limit) levels deep; this is not a record or case file."
        case let .unknownKind(_, namespace):
            "has namespace \(namespace.isEmpty ? "(none)" : namespace), which no schema in Schemas/ declares; is it an Inclusio record?"
        case let .invalid(_, problems):
            "breaks its schema in \(problems.count) place\(problems.count == 1 ? "" : "s"); correct them and validate again:\n"
                + Self.list(problems)
        case let .brokenSchema(_, problems):
            "this schema cannot be used; fix it before generating or validating:\n" + Self.list(problems)
        }
    }

    public var description: String { "\(file): \(reason)" }

    private static func list(_ problems: [RecordProblem]) -> String {
        problems.map { "  \($0)" }.joined(separator: "\n")
    }
}
