import Foundation
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

    /// Reads `folder/<jurisdiction>/deadlines.xml` for each jurisdiction of `jurisdictions` that has
    /// one (every jurisdiction with a file when `nil`), checked against `schemas` (`Schemas/rules/`).
    /// - Throws: ``DeadlineError/noRules(folder:)`` when the folder holds no deadlines at all, or
    ///   the first rule file's ``DeadlineError``.
    public init(folder: URL, schemas: SchemaCatalog, jurisdictions: Set<String>? = nil) throws(DeadlineError) {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let files = entries.sorted().map { (code: $0, url: folder.appendingPathComponent($0).appendingPathComponent(Self.fileName)) }
            .filter { FileManager.default.fileExists(atPath: $0.url.path) }
        guard !files.isEmpty else { throw .noRules(folder: folder.path) }
        var books: [DeadlineBook] = []
        for (code, url) in files where jurisdictions?.contains(code) ?? true {
            let book = try DeadlineBook(contentsOf: url, file: "\(folder.lastPathComponent)/\(code)/\(Self.fileName)", schemas: schemas)
            guard book.jurisdiction == code else {
                throw .inconsistent(file: url.path, line: 1, rule: "-", reason: "it is for \(book.jurisdiction) but lies in the folder of \(code)")
            }
            books.append(book)
        }
        self.init(books: books)
    }
}
