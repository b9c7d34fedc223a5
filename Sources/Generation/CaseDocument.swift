import Support

/// One document to generate: its fields (the case's shared fields overlaid by the
/// document's own) and where it was written.
struct CaseDocument: Sendable {
    /// Shared fields first, then the document's own (which replace shared ones).
    let fields: CaseFields
    /// Names of the fields the document gave itself (not inherited from the case).
    let ownKeys: Set<String>
    /// Where the document is in the case data.
    let location: SourceLocation

    /// The case's documents. A case is a set of fields with a `documents` list; every
    /// other field is shared by all its documents.
    static func documents(in value: CaseValue, problems: inout [Diagnostic]) -> (shared: CaseFields?, documents: [CaseDocument]) {
        guard case let .fields(root) = value else {
            problems.append(Diagnostic(value.location, "a case is a set of fields ({ … }) with a list of documents"))
            return (nil, [])
        }
        var shared = root
        shared.entries.removeAll { $0.key == "documents" }
        let items: [CaseValue]
        switch root["documents"] {
        case let .list(values, _)?: items = values
        case let single?: items = [single]
        case nil:
            problems.append(Diagnostic(root.location, "the case has no documents; add a \"documents\" list with one entry per document"))
            items = []
        }
        var documents: [CaseDocument] = []
        for item in items {
            guard case let .fields(own) = item else {
                problems.append(Diagnostic(item.location, "a document is a set of fields ({ \"kind\": …, \"id\": …, … })"))
                continue
            }
            documents.append(CaseDocument(shared: shared, own: own))
        }
        return (shared, documents)
    }

    /// A CSV row: all its fields are its own.
    init(row: CaseFields) {
        self.init(shared: CaseFields(location: row.location), own: row)
    }

    private init(shared: CaseFields, own: CaseFields) {
        let ownKeys = Set(own.entries.map(\.key))
        var merged = shared
        merged.entries.removeAll { ownKeys.contains($0.key) }
        merged.entries += own.entries
        self.fields = CaseFields(entries: merged.entries, location: own.location)
        self.ownKeys = ownKeys
        self.location = own.location
    }
}
