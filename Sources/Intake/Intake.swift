import Foundation
import XML
import Support

/// The files a command is given, read and told apart by ``InputClassifier``, with the kinds
/// the command takes; a file of another kind is refused with what it is and what to do.
///
/// All commands that read records or case data go through one intake, so each takes the
/// same file the same way, whatever its name says.
public struct Intake: Sendable {
    public let classifier: InputClassifier
    /// The categories the command takes, in the order messages list them.
    public let accepted: [InputCategory]
    /// The command, as messages name it (`render`, `archive ingest`).
    public let command: String

    /// The largest file an input may be (records stop far sooner, at their own parse limit).
    public static let maximumSize = 1 << 30

    public init(catalog: SchemaCatalog, accepting accepted: [InputCategory], command: String) {
        classifier = InputClassifier(catalog: catalog)
        self.accepted = accepted
        self.command = command
    }

    /// `operands` with folders replaced by the files inside them (recursively, in name order)
    /// that have an extension of an accepted category; files named are kept whatever their name.
    public func files(_ operands: [String]) -> [(url: URL, name: String)] {
        InputFiles.expand(operands, extensions: accepted.reduce(into: []) { $0.formUnion($1.folderExtensions) })
    }

    /// Every file of `operands` (see ``files(_:)``), read and classified, in order.
    /// - Throws: ``IntakeError`` for the first file that cannot be taken.
    public func read(_ operands: [String]) throws(IntakeError) -> [ClassifiedInput] {
        try files(operands).map { file throws(IntakeError) in try read(file.url, name: file.name) }
    }

    /// The file at `url` (named `name` in messages), read once and classified.
    ///
    /// XML that cannot be parsed is handed on as the command's XML kind (a record, else an XML
    /// case file), so that the reader it was meant for reports its problems at their lines.
    /// - Throws: ``IntakeError/unreadable(file:)``, ``IntakeError/tooLarge(file:bytes:limit:)``,
    ///   ``IntakeError/unrecognised(file:reason:)``, ``IntakeError/notAccepted(file:kind:command:accepted:)``.
    public func read(_ url: URL, name: String) throws(IntakeError) -> ClassifiedInput {
        let data = try Self.contents(of: url, name: name)
        let kind: InputKind
        do {
            kind = try classifier.classify(data, file: name)
        } catch {
            guard case .malformedXML = error else { throw error }
            if accepted.contains(.record) { kind = .record(kind: nil) } else if accepted.contains(.caseFile) { kind = .caseFile(.xml) } else { throw error }
        }
        guard accepted.contains(kind.category) else { throw .notAccepted(file: name, kind: kind, command: command, accepted: accepted) }
        return ClassifiedInput(name: name, data: data, kind: kind)
    }

    /// The bytes of the regular file at `url`, up to ``maximumSize``.
    private static func contents(of url: URL, name: String) throws(IntakeError) -> Data {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
              attributes[.type] as? FileAttributeType == .typeRegular else { throw .unreadable(file: name) }
        let size = attributes[.size] as? Int ?? 0
        guard size <= maximumSize else { throw .tooLarge(file: name, bytes: size, limit: maximumSize) }
        guard let data = FileManager.default.contents(atPath: url.path) else { throw .unreadable(file: name) }
        return data
    }
}
