import Dossier
import Records
import Support
import Testing
import XML

struct DossierErrorCategoryTests {
    @Test(arguments: [
        (DossierError.unreadableInput(file: "a.xml"), FailureCategory.input),
        (.unreadable(file: "d.asice"), .input),
        (.cannotWrite(FileWriteError(path: "/out/d.asice", reason: "full")), .output),
        (.noRecipient, .usage),
        (.digestMismatch(name: "data/0001.xml"), .data),
        (.bomb(position: 3, reason: "expands too much"), .data),
        (.wrongPassword, .data),
        (.cryptography(.notAddressedToKey(file: "k.pem")), .permission),
        (.invalidRecord(.invalid(file: "a.xml", problems: [])), .data),
        (.invalidRecord(.xml(.brokenSchema(file: "placement.xsd", problems: []))), .configuration),
    ])
    func category(error: DossierError, category: FailureCategory) {
        #expect(error.category == category)
    }
}
