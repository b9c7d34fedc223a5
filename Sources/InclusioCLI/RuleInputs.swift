import Foundation
import Generation
import Records
import Rules
import XML

/// The records the rule commands read: generated records, or case files generated in memory.
enum RuleInputs {
    /// A record to check: its kind, its tree, and the attributes of its root.
    struct CheckedRecord {
        let kind: String
        let node: FactNode
        var attributes: [String: String] { node.attributes }
    }

    /// The records of a case file (generated in memory, nothing written) or the record itself.
    static func records(_ url: URL, file: String, catalog: SchemaCatalog) throws(CLIError) -> [(String, CheckedRecord)] {
        if url.pathExtension.lowercased() == "xml", let tree = try? XMLTree(contentsOf: url, file: file),
           let kind = catalog.kind(forNamespace: tree.rootNamespace) {
            do {
                _ = try RecordValidator(catalog: catalog).validate(tree)
                return [(file, CheckedRecord(kind: kind, node: FactNode(tree.rootElement())))]
            } catch { throw .failed(error) }
        }
        let generated: [GeneratedRecord]
        do { generated = try RecordGenerator(catalog: catalog).generate(from: [file]) } catch { throw .failed(error) }
        var result: [(String, CheckedRecord)] = []
        for record in generated {
            do {
                let tree = try XMLTree(data: record.data, file: record.fileName)
                result.append((record.source.description, CheckedRecord(kind: record.kind, node: FactNode(tree.rootElement()))))
            } catch { throw .failed(error) }
        }
        return result
    }
}
