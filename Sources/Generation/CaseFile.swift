import Foundation

/// How a case file is written.
public enum CaseFormat: String, Sendable, CaseIterable {
    /// One pupil: an object of shared fields with a `documents` list.
    case json
    /// A batch: a header of field paths, then one document per row.
    case csv
    /// The JSON case written as elements: `<case xmlns="urn:inclusio:case:1">`.
    case xml

    /// The namespace of an XML case file's root `<case>` element.
    public static let xmlNamespace = "urn:inclusio:case:1"
}

/// A case file's bytes, with its format (told from the bytes, not the name) and the name
/// messages use for it.
public struct CaseFile: Sendable {
    public let name: String
    public let data: Data
    public let format: CaseFormat

    public init(name: String, data: Data, format: CaseFormat) {
        self.name = name
        self.data = data
        self.format = format
    }
}
