import Support
import Testing
import Records
import XML

struct RecordErrorTests {
    @Test(arguments: [
        (RecordError.xml(.unreadable(file: "r.xml")), FailureCategory.input),
        (.xml(.malformed(file: "r.xml", problems: [])), .data),
        (.xml(.brokenSchema(file: "placement.xsd", problems: [])), .configuration),
        (.unknownKind(file: "r.xml", namespace: "urn:x"), .data),
        (.invalid(file: "r.xml", problems: [Diagnostic(line: 2, field: "p", message: "m")]), .data),
    ])
    func category(error: RecordError, category: FailureCategory) {
        #expect(error.category == category)
    }

    @Test func invalidRecordListsItsProblemsWithTheFile() {
        let error = RecordError.invalid(file: "r.xml", problems: [Diagnostic(line: 2, field: "pupil/birthDate", message: "must be a date")])
        #expect(error.diagnostics == [Diagnostic(file: "r.xml", line: 2, field: "pupil/birthDate", message: "must be a date")])
        #expect(error.description == "r.xml: breaks its schema in 1 place; correct them and validate again:\n  line 2 pupil/birthDate: must be a date")
    }

    /// Known answer: `printf 'placement\0P-2026-001' | sha256sum | cut -c1-12`.
    @Test func fileNameHashesTheId() {
        let name = RecordFileName(kind: "placement", id: "P-2026-001", version: "3")
        #expect(name.xml == "placement-9b288804684f-v3.xml")
        #expect(name.pdf == "placement-9b288804684f-v3.pdf")
    }
}
