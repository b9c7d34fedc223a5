import Foundation
import Rendering

/// A record filled into its form: the FO, checked by the renderer, and the PDF's name.
public struct PreparedDocument: Sendable {
    /// The record's kind, id and version (the id is a document number, not personal data).
    public let kind: String
    public let id: String
    public let version: String
    /// `<kind>-<digest of the id>-v<version>.pdf`, as the record files are named: never personal data.
    public let pdfName: String
    /// The form's output.
    public let fo: Data
    /// The output, parsed and checked against the FO subset.
    public let document: FODocument
}
