import Foundation
import XML

extension RecordValidator {
    /// Parses `data` (named `file` in messages), requires its root element in `namespace`, and
    /// validates it: how every data file of the installation is read (jurisdiction manifests,
    /// deadlines, transfer rules, the archive policy, signed transfer files).
    /// - Throws: ``RecordError/xml(_:)`` for a file that does not parse,
    ///   ``RecordError/unknownKind(file:namespace:)`` for a root in another namespace, and what
    ///   ``validate(_:)`` throws.
    public func tree(data: Data, file: String, namespace: String) throws(RecordError) -> XMLTree {
        let tree = try RecordError.parsing { () throws(XMLError) in try XMLTree(data: data, file: file, limits: limits) }
        return try requiring(namespace, of: tree)
    }

    /// ``tree(data:file:namespace:)`` for the file at `url`.
    public func tree(contentsOf url: URL, file: String, namespace: String) throws(RecordError) -> XMLTree {
        let tree = try RecordError.parsing { () throws(XMLError) in try XMLTree(contentsOf: url, file: file, limits: limits) }
        return try requiring(namespace, of: tree)
    }

    private func requiring(_ namespace: String, of tree: XMLTree) throws(RecordError) -> XMLTree {
        guard tree.rootNamespace == namespace else { throw .unknownKind(file: tree.file, namespace: tree.rootNamespace) }
        try validate(tree)
        return tree
    }
}
