import Foundation
import Intake
import Records
import Rules
import XML

/// The records the rule commands read: record files, and case files generated in memory,
/// told apart by their bytes (``Intake``).
enum RuleInputs {
    /// A record to check: its kind, its tree, and the attributes of its root.
    struct CheckedRecord {
        let kind: String
        let node: FactNode
        var attributes: [String: String] { node.attributes }
    }

    /// The records of `operands` (files, and folders of them), each validated and named by its
    /// source (the record file, or the case field it was generated from); nothing is written.
    static func records(_ operands: [String], command: String, catalog: SchemaCatalog) throws(CLIError) -> [(String, CheckedRecord)] {
        let intake = Intake(catalog: catalog, accepting: [.record, .caseFile], command: command)
        let inputs: [ClassifiedInput]
        do { inputs = try intake.read(operands) } catch { throw .failed(error) }
        let records: [RecordInput]
        do { records = try intake.records(of: inputs) } catch { throw .failed(error) }
        let validator = RecordValidator(catalog: catalog)
        return try records.map { record throws(CLIError) in
            do throws(RecordError) {
                let tree = try RecordError.parsing { () throws(XMLError) in try XMLTree(data: record.data, file: record.name) }
                let kind = try validator.validate(tree)
                return (record.name, CheckedRecord(kind: kind, node: FactNode(tree.rootElement())))
            } catch { throw .failed(error) }
        }
    }
}
