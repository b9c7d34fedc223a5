import Audit
import Support
import Testing

struct AuditReportErrorCategoryTests {
    @Test(arguments: [
        (AuditReportError.noLabels(jurisdiction: "IT-MO", file: "labels.xml"), FailureCategory.configuration),
        (.badLabels(file: "labels.xml", reason: "r"), .configuration),
        (.badDate("yesterday"), .usage),
    ])
    func category(error: AuditReportError, category: FailureCategory) {
        #expect(error.category == category)
    }
}
