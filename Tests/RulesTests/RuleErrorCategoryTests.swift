import Rules
import Support
import Testing

struct RuleErrorCategoryTests {
    @Test(arguments: [
        (RuleError.noRules(jurisdiction: "IT-MO", file: "Rules/IT-MO/rules.xml"), FailureCategory.configuration),
        (.brokenRules(file: "rules.xml", problems: []), .configuration),
        (.noCheck(check: "placement", jurisdiction: "IT-MO", file: "rules.xml"), .configuration),
        (.unreadable(file: "school.csv"), .input),
        (.invalidData(file: "school.csv", problems: []), .data),
        (.nothingToCheck(file: "x.xml", kinds: ["placement"]), .data),
    ])
    func category(error: RuleError, category: FailureCategory) {
        #expect(error.category == category)
    }

    @Test func invalidDataListsItsPlacesWithTheFile() {
        let error = RuleError.invalidData(file: "school.csv", problems: [Diagnostic(row: 5, column: 6, field: "class.size", message: "must be a whole number")])
        #expect(error.diagnostics == [Diagnostic(file: "school.csv", row: 5, column: 6, field: "class.size", message: "must be a whole number")])
        #expect(error.description.hasSuffix("\n  row 5, column F: class.size: must be a whole number"))
    }
}
