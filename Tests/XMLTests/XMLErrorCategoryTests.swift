import Support
import Testing
import XML

/// Each XML-layer error says the category the command line turns into its exit status.
struct XMLErrorCategoryTests {
    static let problem = Diagnostic(line: 3, field: "a/b", message: "is wrong")

    @Test(arguments: [
        (XMLError.unreadable(file: "r.xml"), FailureCategory.input),
        (.tooLarge(file: "r.xml", bytes: 2, limit: 1), .data),
        (.documentTypeDeclared(file: "r.xml"), .data),
        (.malformed(file: "r.xml", problems: [problem]), .data),
        (.tooDeep(file: "r.xml", line: 70, limit: 64), .data),
        (.brokenSchema(file: "placement.xsd", problems: [problem]), .configuration),
    ])
    func xmlErrors(error: XMLError, category: FailureCategory) {
        #expect(error.category == category)
    }

    @Test(arguments: [
        StylesheetError.unreadable(file: "f.xsl", reason: .unreadable(file: "f.xsl")),
        .broken(file: "f.xsl", problems: [problem]),
        .failed(file: "f.xsl", problems: [problem]),
    ])
    func formsAreConfiguration(error: StylesheetError) {
        #expect(error.category == .configuration)
    }

    @Test func diagnosticsNameTheFileWhileTheListingDoesNot() {
        let error = XMLError.malformed(file: "r.xml", problems: [Self.problem])
        #expect(error.diagnostics == [Diagnostic(file: "r.xml", line: 3, field: "a/b", message: "is wrong")])
        #expect(error.description == "r.xml: is not well-formed XML; correct it and try again:\n  line 3 a/b: is wrong")
        #expect(StylesheetError.failed(file: "f.xsl", problems: [Self.problem]).diagnostics.first?.file == "f.xsl")
    }
}
