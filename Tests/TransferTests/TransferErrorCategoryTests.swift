import Printing
import Support
import Testing
import Transfer

struct TransferErrorCategoryTests {
    @Test(arguments: [
        (TransferError.noRules(jurisdiction: "IT-MO", expected: "Rules/IT-MO/transfer.xml"), FailureCategory.configuration),
        (.invalidRules(file: "transfer.xml", reason: "r"), .configuration),
        (.otherBatch(folder: "/out", register: "R-1", recipient: "S"), .usage),
        (.incomplete(pupil: "P1", missing: ["iep"]), .data),
        (.unsigned(file: "register.xml", reason: "r"), .data),
        (.cannotWrite(FileWriteError(path: "/out", reason: "full")), .output),
        (.archive(.purposeMissing), .usage),
        (.dossier(.unreadable(file: "d.asice")), .input),
        (.cryptography(.wrongEnvelopePassphrase), .permission),
        (.printing(.noForm(file: "r.xml", jurisdiction: "IT-MO", kind: "placement", expected: "Forms/IT-MO/placement.xsl")), .configuration),
    ])
    func category(error: TransferError, category: FailureCategory) {
        #expect(error.category == category)
    }

    @Test(arguments: [
        (PrintingError.record(.xml(.unreadable(file: "r.xml"))), FailureCategory.input),
        (.record(.invalid(file: "r.xml", problems: [])), .data),
        (.noJurisdiction(file: "r.xml"), .data),
        (.form(record: "r.xml", .broken(file: "f.xsl", problems: [])), .configuration),
        (.outsideSubset(record: "r.xml", .unsupportedElement(source: "f.xsl", line: 2, element: "fo:float")), .configuration),
        (.rendering(.outputNotWritable(path: "/out/r.pdf", reason: "full")), .output),
        (.rendering(.pdfFailed(reason: "cairo")), .internal),
    ])
    func printing(error: PrintingError, category: FailureCategory) {
        #expect(error.category == category)
    }
}
