import Foundation
import Records
import Support
import XML

/// Turns case files (JSON, CSV, XML) into validated XML records.
///
/// Every document is built in its schema's order, then validated with libxml2; any
/// problem is traced back to the case field that caused it. All problems of all
/// inputs are reported together, and no record is returned unless every document is
/// valid. Documents are generated on all cores.
public struct RecordGenerator: Sendable {
    /// What a record must satisfy beyond its schema (cross-field rules, dates that can be),
    /// given the parsed, schema-valid record: problems with the record field path, or none.
    public typealias RecordCheck = @Sendable (XMLTree) -> [Diagnostic]

    public let catalog: SchemaCatalog
    /// Run on every schema-valid record; its problems are traced back to the case fields.
    public let check: RecordCheck?

    public init(catalog: SchemaCatalog, check: RecordCheck? = nil) {
        self.catalog = catalog
        self.check = check
    }

    /// Generates the records of every case file in `inputs`, in order.
    /// - Throws: ``GenerationError/rejected(problems:)`` listing every problem found.
    public func generate(from inputs: [CaseFile]) throws(GenerationError) -> [GeneratedRecord] {
        var problems: [Diagnostic] = []
        var documents: [CaseDocument] = []
        var cases: [(shared: CaseFields, documents: ArraySlice<CaseDocument>)] = []
        for input in inputs {
            do {
                let start = documents.count
                let read = try Self.read(input)
                documents += read.documents
                if let shared = read.shared { cases.append((shared, documents[start...])) }
            } catch let GenerationError.rejected(found) {
                problems += found
            }
        }
        let models = models(for: documents, problems: &problems)
        for (shared, members) in cases {
            problems += Self.unusedSharedFields(shared, documents: members, models: models)
        }
        let built = build(documents, models: models)
        var records: [GeneratedRecord] = []
        var names: [String: SourceLocation] = [:]
        for result in built {
            switch result {
            case let .success(record):
                if let first = names.updateValue(record.source, forKey: record.fileName) {
                    problems.append(Diagnostic(record.source, "has the same kind, id and version as \(first.file) \(first.field); give each document its own id"))
                }
                records.append(record)
            case let .failure(found):
                problems += found.problems
            }
        }
        var seen: Set<Diagnostic> = []
        problems = problems.filter { seen.insert($0).inserted }
        guard problems.isEmpty else { throw .rejected(problems: problems) }
        return records
    }

    private static func read(_ input: CaseFile) throws(GenerationError) -> (shared: CaseFields?, documents: [CaseDocument]) {
        var problems: [Diagnostic] = []
        let result: (shared: CaseFields?, documents: [CaseDocument])
        switch input.format {
        case .json: result = CaseDocument.documents(in: try JSONCaseReader.read(input.data, file: input.name), problems: &problems)
        case .xml: result = CaseDocument.documents(in: try XMLCaseReader.read(input.data, file: input.name), problems: &problems)
        case .csv: result = (nil, try CSVCaseReader.read(input.data, file: input.name).map(CaseDocument.init(row:)))
        }
        guard problems.isEmpty else { throw .rejected(problems: problems) }
        return result
    }

    /// The schema model of every kind the documents name (compiling each once).
    private func models(for documents: [CaseDocument], problems: inout [Diagnostic]) -> [String: SchemaModel] {
        var models: [String: SchemaModel] = [:]
        for kind in Set(documents.compactMap { $0.fields.text("kind") }) {
            do {
                if let model = try catalog.model(forKind: kind) { models[kind] = model }
            } catch {
                problems.append(Diagnostic(file: catalog.directory.path, field: kind, message: error.description))
            }
        }
        return models
    }

    /// Shared fields that none of the case's documents has: most likely a typo.
    private static func unusedSharedFields(_ shared: CaseFields, documents: ArraySlice<CaseDocument>, models: [String: SchemaModel]) -> [Diagnostic] {
        var used = RecordBuilder.generatorKeys
        for document in documents {
            guard let model = document.fields.text("kind").flatMap({ models[$0] }),
                  let type = model.complexType(of: model.root) else { continue }
            used.formUnion(type.children.map(\.name) + type.attributes.map(\.name))
        }
        return shared.entries.filter { !used.contains($0.key) }.map {
            Diagnostic($0.value.location, "is not a field of any document in this case; check the spelling")
        }
    }

    private func build(_ documents: [CaseDocument], models: [String: SchemaModel]) -> [Result<GeneratedRecord, ProblemList>] {
        let results = ConcurrentSlots<Result<GeneratedRecord, ProblemList>>(count: documents.count)
        let validator = RecordValidator(catalog: catalog)
        DispatchQueue.concurrentPerform(iterations: documents.count) { index in
            results[index] = Self.record(from: documents[index], models: models, validator: validator, check: check)
        }
        return results.values
    }

    private static func record(from document: CaseDocument, models: [String: SchemaModel], validator: RecordValidator,
                               check: RecordCheck?) -> Result<GeneratedRecord, ProblemList> {
        guard let kind = document.fields.text("kind") else {
            return .failure(ProblemList([Diagnostic(document.location, "has no \"kind\"; say which document this is (one of: \(validator.catalog.kinds.joined(separator: ", ")))")]))
        }
        guard let model = models[kind] else {
            let location = document.fields["kind"]?.location ?? document.location
            return .failure(ProblemList([Diagnostic(location, "is not a known document kind; use one of: \(validator.catalog.kinds.joined(separator: ", "))")]))
        }
        var builder = RecordBuilder(model: model)
        builder.build(document)
        // Validate even when the builder found problems: what it could place may be wrong too.
        let data = Data(builder.xml.utf8)
        var problems = builder.problems
        var found: [Diagnostic] = []
        do {
            let tree = try RecordError.parsing { () throws(XMLError) in try XMLTree(data: data, file: document.location.file) }
            try validator.validate(tree)
            // Cross-field rules read a record the schema accepts; before that their paths may not exist.
            if problems.isEmpty, let check { found = check(tree) }
        } catch {
            found = error.problems
        }
        problems += found.map { problem in
            Diagnostic(Self.source(of: problem.field, in: builder.sources) ?? document.location, problem.message)
        }
        guard problems.isEmpty else { return .failure(ProblemList(problems)) }
        let id = document.fields.text("id") ?? ""
        let version = document.fields.text("version") ?? ""
        return .success(GeneratedRecord(kind: kind, id: id, version: version, fileName: RecordFileName(kind: kind, id: id, version: version).xml,
                                        data: data, source: document.location))
    }

    /// The case field behind a record path, or behind its nearest written ancestor.
    private static func source(of path: String, in sources: [String: SourceLocation]) -> SourceLocation? {
        var path = Substring(path)
        while !path.isEmpty {
            if let location = sources[String(path)] { return location }
            path = path[..<(path.lastIndex(of: "/") ?? path.startIndex)]
        }
        return nil
    }
}

/// Problems of one document, as a `Result` failure.
struct ProblemList: Error {
    let problems: [Diagnostic]
    init(_ problems: [Diagnostic]) { self.problems = problems }
}
