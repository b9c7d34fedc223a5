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

    @Test(arguments: [
        ("line 4", Diagnostic(file: "c.json", line: 4, field: "pupil", message: "m")),
        ("line 4, column 7", Diagnostic(file: "c.json", line: 4, field: "pupil", message: "m")),
        ("row 5, column F", Diagnostic(file: "c.json", row: 5, column: "F", field: "pupil", message: "m")),
        ("", Diagnostic(file: "c.json", field: "pupil", message: "m")),
    ])
    func rejectedProblemsBecomeDiagnostics(place: String, expected: Diagnostic) {
        let error = GenerationError.rejected(problems: [GenerationProblem(SourceLocation(file: "c.json", place: place, field: "pupil"), "m")])
        #expect(error.diagnostics == [expected])
    }
}
