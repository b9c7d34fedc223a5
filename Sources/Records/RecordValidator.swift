import Foundation
import Support
import XML

/// Validates records against the schema their root namespace names.
///
/// Safe to use from many tasks at once: each call parses and validates on its own,
/// sharing only the compiled schemas of the ``SchemaCatalog``.
public struct RecordValidator: Sendable {
    public let catalog: SchemaCatalog
    public let limits: XMLInputLimits

    public init(catalog: SchemaCatalog, limits: XMLInputLimits = .standard) {
        self.catalog = catalog
        self.limits = limits
    }

    /// Parses and validates a record held in memory; returns its kind.
    @discardableResult
    public func validate(data: Data, file: String) throws(RecordError) -> String {
        let tree: XMLTree
        do { tree = try XMLTree(data: data, file: file, limits: limits) } catch { throw .xml(error) }
        return try validate(tree)
    }

    /// Validates a parsed record; returns its kind.
    /// - Throws: ``RecordError/unknownKind(file:namespace:)``, ``RecordError/invalid(file:problems:)``,
    ///   ``RecordError/xml(_:)`` with ``XMLError/brokenSchema(file:problems:)``.
    @discardableResult
    public func validate(_ tree: XMLTree) throws(RecordError) -> String {
        let namespace = tree.rootNamespace
        guard let kind = catalog.kind(forNamespace: namespace) else { throw .unknownKind(file: tree.file, namespace: namespace) }
        let problems: [Diagnostic]?
        do { problems = try catalog.problems(in: tree, asKind: kind) } catch { throw .xml(error) }
        guard let problems else { throw .unknownKind(file: tree.file, namespace: namespace) }
        guard problems.isEmpty else { throw .invalid(file: tree.file, problems: problems) }
        return kind
    }
}
