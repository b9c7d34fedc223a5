import Generation
import Support
import Testing

struct GenerationErrorCategoryTests {
    @Test(arguments: [
        (GenerationError.rejected(problems: []), FailureCategory.data),
        (.cannotWrite(path: "/out", reason: "full"), .output),
    ])
    func category(error: GenerationError, category: FailureCategory) {
        #expect(error.category == category)
    }

    /// A problem keeps every part of its place, and says it as before (`line 4, column 7`).
    @Test(arguments: [
        (Diagnostic(SourceLocation(file: "c.json", line: 4, field: "pupil"), "m"), "c.json: line 4: pupil: m"),
        (Diagnostic(file: "c.json", line: 4, column: 7, message: "m"), "c.json: line 4, column 7: m"),
        (Diagnostic(SourceLocation(file: "b.csv", row: 5, column: 6, field: "pupil"), "m"), "b.csv: row 5, column F: pupil: m"),
        (Diagnostic(SourceLocation(file: "b.csv", row: 5, field: ""), "m"), "b.csv: row 5: m"),
        (Diagnostic(SourceLocation(file: "c.json", field: "pupil"), "m"), "c.json: pupil: m"),
    ])
    func rejectedProblemsAreTheDiagnostics(problem: Diagnostic, text: String) {
        let error = GenerationError.rejected(problems: [problem])
        #expect(error.diagnostics == [problem])
        #expect(error.description.hasSuffix("\n  " + text))
    }

    @Test func aValueSourceSaysItsPlaceLikeADiagnostic() {
        let cell = SourceLocation(file: "b.csv", row: 2, column: 28, field: "pupil.name")
        #expect(cell.description == "b.csv: row 2, column AB: pupil.name")
        #expect(Diagnostic(cell, "m") == Diagnostic(file: "b.csv", row: 2, column: 28, field: "pupil.name", message: "m"))
        #expect(SourceLocation(file: "c.json", line: 3, field: "documents[0]").description == "c.json: line 3: documents[0]")
    }
}
