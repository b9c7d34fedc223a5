import Foundation
import XML

/// A parsed XSL-FO document, checked against the subset of `Forms/FO-SUBSET.md`.
///
/// Holds plain values only (no Pango or Cairo state): build it on any thread and hand it
/// to a ``PDFRenderer``. Images are checked when the document is read and drawn when it
/// is rendered.
public struct FODocument: Sendable {
    /// The name used in messages.
    public let source: String
    let sequences: [PageSequence]

    /// Parses and checks `data`.
    /// - Parameters:
    ///   - source: names the document in errors (e.g. the form's path).
    ///   - resourceDirectory: where `fo:external-graphic` `src` paths are resolved
    ///     (the current directory when `nil`).
    ///   - fonts: what the generic families (`serif`, `sans-serif`, `monospace`) stand for: the
    ///     jurisdiction's choice when a form made the FO, else fontconfig's.
    /// - Throws: ``RenderingError/malformed(source:line:reason:)`` for XML that cannot be parsed;
    ///   ``RenderingError/unsupportedElement(source:line:element:)``,
    ///   ``RenderingError/unsupportedProperty(source:line:element:property:)``,
    ///   ``RenderingError/badValue(source:line:property:value:expected:)`` and the other cases
    ///   for FO outside the subset; ``RenderingError/unusableImage(source:line:path:problem:)``.
    public init(data: Data, source: String, resourceDirectory: URL?, fonts: FontChoice = .fontconfig) throws(RenderingError) {
        let root: XMLElement
        do {
            // FO nests deeper than records: tables in cells in blocks in containers.
            root = try XMLTree(data: data, file: source, limits: XMLInputLimits(maximumBytes: 64 << 20, maximumDepth: 200)).rootElement()
        } catch {
            throw .malformed(source: source, line: error.problems.first?.line ?? Self.line(of: error), reason: Self.reason(error))
        }
        var reader = FOReader(source: source, resourceDirectory: resourceDirectory, fonts: fonts)
        self.source = source
        self.sequences = try reader.read(root: root)
    }

    private static func line(of error: XMLError) -> Int {
        if case let .tooDeep(_, line, _) = error { return line }
        return 1
    }

    private static func reason(_ error: XMLError) -> String {
        switch error {
        case let .malformed(_, problems): problems.first?.message ?? "not well-formed"
        case let .tooDeep(_, _, limit): "elements nest deeper than \(limit) levels"
        case let .tooLarge(_, bytes, limit): "\(bytes) bytes, more than the \(limit) allowed"
        case .documentTypeDeclared: "it declares a DOCTYPE, which is never accepted"
        default: "it cannot be read"
        }
    }
}
