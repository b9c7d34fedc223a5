import Foundation
import Generation

extension Intake {
    /// The records of `inputs`, in order: records as they are, the documents of each case file
    /// generated and validated in memory (nothing written). Dossiers and attachments are skipped
    /// (an intake that takes them is not one for records).
    /// - Throws: ``GenerationError/rejected(problems:)`` when a case file has problems.
    public func records(of inputs: [ClassifiedInput]) throws(GenerationError) -> [RecordInput] {
        let generator = RecordGenerator(catalog: classifier.catalog)
        var records: [RecordInput] = []
        for input in inputs {
            switch input.kind {
            case .record: records.append(RecordInput(name: input.name, data: input.data))
            case let .caseFile(format):
                records += try generator.generate(from: [CaseFile(name: input.name, data: input.data, format: format)])
                    .map { RecordInput(name: $0.source.description, data: $0.data) }
            case .dossier, .attachment: continue
            }
        }
        return records
    }

    /// The case files of `inputs`, in order, for the generator.
    public func caseFiles(of inputs: [ClassifiedInput]) -> [CaseFile] {
        inputs.compactMap { input in
            guard case let .caseFile(format) = input.kind else { return nil }
            return CaseFile(name: input.name, data: input.data, format: format)
        }
    }
}
