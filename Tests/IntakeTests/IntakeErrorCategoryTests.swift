import Intake
import Support
import Testing
import XML

/// A file that cannot be read is missing input (exit 66); every other refusal is wrong data (65).
struct IntakeErrorCategoryTests {
    @Test(arguments: [
        (IntakeError.unreadable(file: "c.json"), FailureCategory.input),
        (.tooLarge(file: "big.xml", bytes: 1 << 30, limit: 1 << 28), .data),
        (.malformedXML(.xml(.malformed(file: "c.xml", problems: []))), .data),
        (.unrecognised(file: "c.txt", reason: "an empty file"), .data),
        (.notAccepted(file: "d.asice", kind: .dossier, command: "generate", accepted: [.caseFile]), .data),
    ])
    func category(error: IntakeError, category: FailureCategory) {
        #expect(error.category == category)
    }
}
