import Foundation
import Jurisdictions
import XML

/// The deadlines of every jurisdiction in a rules folder (`Rules/<jurisdiction>/deadlines.xml`),
/// read when asked for: a new jurisdiction is a new folder, a changed deadline a changed file,
/// both taking effect at the next run.
public struct DeadlineCatalog: Sendable {
    /// The file of each jurisdiction's deadlines inside a rules folder.
    public static let fileName = "deadlines.xml"

    /// Each jurisdiction's deadlines, by jurisdiction code.
    public let books: [String: DeadlineBook]

    public init(books: [DeadlineBook]) {
        self.books = Dictionary(books.map { ($0.jurisdiction, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Reads every `folder/<jurisdiction>/deadlines.xml`, checked against `schemas` (`Schemas/rules/`),
    /// each with the school year and language its jurisdiction's manifest in `jurisdictions` declares.
    /// - Throws: ``DeadlineError/noRules(folder:)`` when the folder holds no deadlines at all,
    ///   ``DeadlineError/undeclared(_:)`` for deadlines of a jurisdiction without a manifest, or
    ///   the first rule file's ``DeadlineError``.
    public init(folder: URL, schemas: SchemaCatalog, jurisdictions: JurisdictionCatalog) throws(DeadlineError) {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let files = entries.sorted().map { (code: $0, url: folder.appendingPathComponent($0).appendingPathComponent(Self.fileName)) }
            .filter { FileManager.default.fileExists(atPath: $0.url.path) }
        guard !files.isEmpty else { throw .noRules(folder: folder.path) }
        var books: [DeadlineBook] = []
        for (code, url) in files {
            let declared: Jurisdiction
            do { declared = try jurisdictions.jurisdiction(code) } catch { throw .undeclared(error) }
            books.append(try DeadlineBook(contentsOf: url, file: "\(folder.lastPathComponent)/\(code)/\(Self.fileName)", schemas: schemas, declared: declared))
        }
        self.init(books: books)
    }
}
