import Archive
import AuditLog
import Records
import XML
import Support
import Testing

struct ArchiveErrorCategoryTests {
    @Test(arguments: [
        (ArchiveError.notAnArchive(path: "/a"), FailureCategory.input),
        (.unknownPupil(reference: "P1"), .input),
        (.alreadyExists(path: "/a"), .output),
        (.cannotWrite(FileWriteError(path: "/a/x", reason: "full")), .output),
        (.invalidPolicy(file: "policy.xml", reason: "r"), .configuration),
        (.policyAltered(path: "/a/policy.xml"), .configuration),
        (.purposeMissing, .usage),
        (.unknownOperator(id: "x", suggestion: nil), .usage),
        (.notPermitted(operator: "x", action: .read, target: "P1"), .permission),
        (.withheld(operator: "x", action: .read, target: "P1"), .permission),
        (.wrongCredential(operator: "x"), .permission),
        (.damaged(what: "blob", reason: "r"), .data),
        (.onHold(pupil: "P1"), .data),
        (.record(.xml(.unreadable(file: "r.xml"))), .input),
        (.record(.invalid(file: "r.xml", problems: [])), .data),
        (.dossier(.noRecipient), .usage),
        (.cryptography(.wrongPassphrase(file: "k")), .permission),
        (.accessLog(.cannotWrite(FileWriteError(path: "/a/log", reason: "full"))), .output),
    ])
    func category(error: ArchiveError, category: FailureCategory) {
        #expect(error.category == category)
    }
}
