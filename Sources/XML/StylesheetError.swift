import Support

/// Why a form (an XSLT stylesheet) could not be compiled or run.
///
/// Messages name the stylesheet file and, where libxslt gives one, the line of the
/// instruction at fault. They never quote the record being transformed.
public enum StylesheetError: CategorizedError, Equatable {
    /// The stylesheet file (or one it imports) cannot be read, is not well-formed XML or declares a DTD.
    case unreadable(file: String, reason: XMLError)
    /// libxslt refused to compile the stylesheet (unknown instruction, bad XPath, missing import…).
    case broken(file: String, problems: [Diagnostic])
    /// The stylesheet stopped while transforming a record (`xsl:message terminate="yes"`,
    /// a runtime XPath error, a forbidden `document()` or file access).
    case failed(file: String, problems: [Diagnostic])

    /// The stylesheet the error is about (for a problem in an imported file, the file
    /// named in the problem's message).
    public var file: String {
        switch self {
        case let .unreadable(file, _), let .broken(file, _), let .failed(file, _): file
        }
    }

    /// The problems listed, with their lines (their `file` empty: see ``diagnostics``).
    public var problems: [Diagnostic] {
        switch self {
        case let .unreadable(_, reason): reason.problems
        case let .broken(_, problems), let .failed(_, problems): problems
        }
    }

    /// Forms are part of the installation: a form that cannot be read, compiled or run
    /// to the end is a configuration failure, whatever the reason.
    public var category: FailureCategory { .configuration }

    public var diagnostics: [Diagnostic] {
        switch self {
        case let .unreadable(_, reason): reason.diagnostics
        case let .broken(file, problems), let .failed(file, problems): problems.map { $0.inFile(file) }
        }
    }

    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            "the form \(file) cannot be used: \(reason.description)"
        case let .broken(file, problems):
            "the form \(file) cannot be compiled; correct it:\n" + XMLError.list(problems)
        case let .failed(file, problems):
            "the form \(file) stopped while filling in the record; correct the form or the record:\n" + XMLError.list(problems)
        }
    }
}
