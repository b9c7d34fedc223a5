import AuditLog
import Support
import Testing

struct AuditLogErrorCategoryTests {
    @Test(arguments: [
        (AuditLogError.cannotWrite(FileWriteError(path: "/a/log", reason: "full")), FailureCategory.output),
        (.unreadable(path: "/a/log"), .input),
        (.notACheckpoint(file: "c.txt", reason: "r"), .data),
        (.signing("r"), .internal),
    ])
    func category(error: AuditLogError, category: FailureCategory) {
        #expect(error.category == category)
    }
}
