import Support

/// Why an XML input (a record, a case file, a rule file, a form, one of our schemas)
/// could not be used. Problems never quote the file's values.
public enum XMLError: CategorizedError, Equatable {
    /// The file could not be read.
    case unreadable(file: String)
    /// The file is larger than ``XMLInputLimits/maximumBytes``.
    case tooLarge(file: String, bytes: Int, limit: Int)
    /// The file declares a DTD (`<!DOCTYPE …>`), which we never accept.
    case documentTypeDeclared(file: String)
    /// The file is not well-formed XML.
    case malformed(file: String, problems: [Diagnostic])
    /// Elements nest deeper than ``XMLInputLimits/maximumDepth``.
    case tooDeep(file: String, line: Int, limit: Int)
    /// One of our own schemas cannot be compiled or read.
    case brokenSchema(file: String, problems: [Diagnostic])

    /// The problems listed by this error (empty for errors about the whole file); their
    /// `file` is empty, as the error names it (see ``diagnostics``).
    public var problems: [Diagnostic] {
        switch self {
        case let .malformed(_, problems), let .brokenSchema(_, problems): problems
        default: []
        }
    }

    /// The file the error is about.
    public var file: String {
        switch self {
        case let .unreadable(file), let .tooLarge(file, _, _), let .documentTypeDeclared(file), let .malformed(file, _),
             let .tooDeep(file, _, _), let .brokenSchema(file, _): file
        }
    }

    /// An unreadable file is missing input; a broken schema of ours is a broken
    /// installation; anything else is an input whose content is wrong.
    public var category: FailureCategory {
        switch self {
        case .unreadable: .input
        case .brokenSchema: .configuration
        case .tooLarge, .documentTypeDeclared, .malformed, .tooDeep: .data
        }
    }

    /// ``problems``, each naming ``file``.
    public var diagnostics: [Diagnostic] { problems.map { $0.inFile(file) } }

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
        case let .brokenSchema(_, problems):
            "this schema cannot be used; fix it before generating or validating:\n" + Self.list(problems)
        }
    }

    public var description: String { "\(file): \(reason)" }

    /// Problems one per line, indented, without their file (the message names it).
    public static func list(_ problems: [Diagnostic]) -> String {
        problems.map { "  \($0.descriptionInFile)" }.joined(separator: "\n")
    }
}

extension Diagnostic {
    /// The diagnostic naming `file` when it names none yet.
    public func inFile(_ file: String) -> Diagnostic {
        guard self.file.isEmpty else { return self }
        var named = self
        named.file = file
        return named
    }
}
