import Cryptography
import Foundation

/// How a record's files are named: `<kind>-<digest>-v<version>.xml` and the same with
/// `.pdf` for its printout, the digest being the first 12 hex digits of SHA-256 over
/// `kind`, a NUL byte and the record's id.
///
/// The one place the rule is written: the generator, the printer and everything that
/// names a record's file call it. A name never holds personal data (the id is hashed),
/// yet the same record always gets the same name.
public struct RecordFileName: Sendable, Hashable {
    public let kind: String
    public let id: String
    public let version: String

    public init(kind: String, id: String, version: String) {
        self.kind = kind
        self.id = id
        self.version = version
    }

    /// The 12 hex digits that stand for the id.
    public var digest: String { String(SHA256.hex(Data("\(kind)\u{0}\(id)".utf8)).prefix(12)) }

    /// `<kind>-<digest>-v<version>.xml`.
    public var xml: String { name(extension: "xml") }

    /// `<kind>-<digest>-v<version>.pdf`.
    public var pdf: String { name(extension: "pdf") }

    /// `<kind>-<digest>-v<version>.<extension>`.
    public func name(extension: String) -> String { "\(kind)-\(digest)-v\(version).\(`extension`)" }
}
