/// One thing wrong with a record: where, and what a clerk should know.
///
/// Messages never repeat the offending value: a record holds a pupil's personal and
/// health data, and messages end up in terminals, logs and e-mails.
public struct RecordProblem: Sendable, Equatable, CustomStringConvertible {
    /// Line in the file (1-based), or 0 when unknown.
    public var line: Int
    /// Where in the record, as a ``RecordPath`` (`pupil/birthDate`), or empty.
    public var path: String
    /// What is wrong and, where possible, what is expected.
    public var message: String

    public init(line: Int, path: String, message: String) {
        self.line = line
        self.path = path
        self.message = message
    }

    public var description: String {
        let place = [line > 0 ? "line \(line)" : nil, path.isEmpty ? nil : path].compactMap { $0 }
        return place.isEmpty ? message : place.joined(separator: " ") + ": " + message
    }
}
