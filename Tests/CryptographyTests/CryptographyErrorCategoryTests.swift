import Cryptography
import Support
import Testing

struct CryptographyErrorCategoryTests {
    @Test(arguments: [
        (CryptographyError.unreadable(file: "k.pem"), FailureCategory.input),
        (.wrongPassphrase(file: "k.pem"), .permission),
        (.notAddressedToKey(file: "k.pem"), .permission),
        (.passphraseNeeded(file: "k.pem"), .permission),
        (.signatureMismatch, .data),
        (.notACertificate(file: "c.pem"), .data),
        (.authenticationFailed, .data),
    ])
    func category(error: CryptographyError, category: FailureCategory) {
        #expect(error.category == category)
    }

    @Test(arguments: [
        (DemoPKIError.exists("/keys/root.pem"), FailureCategory.output),
        (.cannotWrite("/keys"), .output),
        (.cryptography(.wrongPassphrase(file: "k.pem")), .permission),
    ])
    func demoPKI(error: DemoPKIError, category: FailureCategory) {
        #expect(error.category == category)
    }
}
