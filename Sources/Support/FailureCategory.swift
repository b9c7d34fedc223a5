/// What kind of failure a command met, as the person who ran it must act on it.
///
/// Each module's error says its own category at the source; the command line derives
/// its exit status (after BSD `sysexits.h`) and the JSON `kind` from it alone.
public enum FailureCategory: String, Sendable, Encodable, CaseIterable {
    /// The command was called wrongly: an unknown option, a missing operand.
    case usage
    /// An input file or an archive entry is missing or unreadable.
    case input
    /// An input was read but its content is wrong: an invalid record, a forged signature.
    case data
    /// The installation is incomplete or broken: no `Schemas/`, a form that does not compile.
    case configuration
    /// The operator is not allowed, or the credential does not open what was asked.
    case permission
    /// An output could not be written (exists, no room, no rights).
    case output
    /// A fault inside Inclusio or a library it uses; report it.
    case `internal`
}

/// An error that says its own ``FailureCategory`` and, where it has them, the places it
/// concerns.
public protocol CategorizedError: Error, CustomStringConvertible {
    /// What kind of failure this is.
    var category: FailureCategory { get }
    /// Every problem at a place the error lists (empty when it concerns no place).
    var diagnostics: [Diagnostic] { get }
}

extension CategorizedError {
    public var diagnostics: [Diagnostic] { [] }
}
