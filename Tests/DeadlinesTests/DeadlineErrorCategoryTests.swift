import Deadlines
import Records
import XML
import Support
import Testing

struct DeadlineErrorCategoryTests {
    /// Deadline files are the installation's: even an unreadable one is configuration.
    @Test(arguments: [
        DeadlineError.noRules(folder: "Rules"),
        .record(.xml(.unreadable(file: "deadlines.xml"))),
        .record(.invalid(file: "deadlines.xml", problems: [])),
        .inconsistent(file: "deadlines.xml", line: 4, rule: "r1", reason: "r"),
    ])
    func configuration(error: DeadlineError) {
        #expect(error.category == .configuration)
    }
}
