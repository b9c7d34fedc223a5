import Foundation
import Support

/// The schemas of every record kind, found in a folder of XSD files.
///
/// A kind is a schema file's name without `.xsd` (`placement`), declaring its own
/// `targetNamespace`; files without one (`common.xsd`) are shared types included by
/// the others. Adding a kind is adding a file: no Swift change. Compiled schemas are
/// built on first use and shared across threads.
public final class SchemaCatalog: @unchecked Sendable {
    /// The folder the schemas were read from.
    public let directory: URL
    private let urls: [String: URL]
    private let namespaces: [String: String]
    private let lock = NSLock()
    private var compiled: [String: CompiledSchema] = [:]

    /// Reads the folder's kind schemas (their namespaces only; compilation is lazy).
    /// - Throws: ``XMLError/unreadable(file:)`` when the folder holds no schema.
    public init(directory: URL) throws(XMLError) {
        self.directory = directory
        let files = (try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? []
        var urls: [String: URL] = [:], namespaces: [String: String] = [:]
        for url in files where url.pathExtension == "xsd" {
            guard let namespace = try SchemaModelReader.targetNamespace(of: url) else { continue }
            let kind = url.deletingPathExtension().lastPathComponent
            urls[kind] = url
            namespaces[namespace] = kind
        }
        guard !urls.isEmpty else { throw .unreadable(file: directory.path + "/*.xsd") }
        self.urls = urls
        self.namespaces = namespaces
    }

    /// Every kind, sorted.
    public var kinds: [String] { urls.keys.sorted() }

    /// The kind whose schema declares `namespace`.
    public func kind(forNamespace namespace: String) -> String? { namespaces[namespace] }

    /// The model of `kind`'s schema, or `nil` when there is no such kind.
    /// - Throws: ``XMLError/brokenSchema(file:problems:)``.
    public func model(forKind kind: String) throws(XMLError) -> SchemaModel? {
        try schema(forKind: kind)?.model
    }

    /// Every way `tree` breaks `kind`'s schema, in document order (empty when valid), or
    /// `nil` when there is no such kind. Safe from many tasks at once.
    /// - Throws: ``XMLError/brokenSchema(file:problems:)``.
    public func problems(in tree: XMLTree, asKind kind: String) throws(XMLError) -> [Diagnostic]? {
        try schema(forKind: kind)?.problems(in: tree)
    }

    func schema(forKind kind: String) throws(XMLError) -> CompiledSchema? {
        guard let url = urls[kind] else { return nil }
        lock.lock()
        defer { lock.unlock() }
        if let schema = compiled[kind] { return schema }
        let schema = try CompiledSchema(url: url, model: SchemaModelReader.read(url))
        compiled[kind] = schema
        return schema
    }
}
