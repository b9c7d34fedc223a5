import Foundation
import Support
import Transfer

/// `inclusio transfer confirm`: match signed receipts to a handover register.
enum TransferConfirmCommand {
    static let register = Option(["--register"], value: "file", help: "The batch's handover-register.xml (its signature .p7s beside it).")

    static let command = Command(spec: spec, run: run)

    static let spec = CommandSpec(
        path: "transfer confirm",
        abstract: "Match the receiving school's signed receipts to a handover register; list what is still unacknowledged.",
        operands: .some("receipt.xml"),
        options: [register, KeyOptions.ca, HomeOptions.schemas],
        required: [.option(register), .option(KeyOptions.ca)],
        discussion: """
        The register and every receipt must carry a signature (.p7s beside them) that verifies against --ca; a receipt must \
        acknowledge this register and be signed by the register's recipient, or it is refused. A pupil is acknowledged when a \
        receipt lists their dossier (by SHA-256) with the same documents and gaps as the register.
        """)

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> CommandResult {
        guard let registerPath = arguments.value(register) else { throw arguments.usage("Give the handover register with --register FILE.") }
        let receipts = InputFiles.expand(arguments.operands, extensions: ["xml"])
        guard !receipts.isEmpty else { throw arguments.usage("Give the receipts to match.") }
        let roots = try KeyOptions.roots(arguments)
        let schemas = try InclusioHome.schemaCatalog("transfer", arguments)
        let confirmation = try TransferOptions.run { () throws(TransferError) in
            try TransferConfirmation.confirm(register: URL(fileURLWithPath: registerPath), registerFile: registerPath, receipts: receipts,
                                             roots: roots, schemas: schemas)
        }
        var result = CommandResult(ConfirmJSON(register: confirmation.register, pupils: confirmation.pupils)) {
            let acknowledged = confirmation.pupils.count - confirmation.unacknowledged.count
            return (["Register \(confirmation.register) to \(confirmation.recipient): \(acknowledged) of \(confirmation.pupils.count) dossiers acknowledged."]
                + confirmation.unacknowledged.map { "  \($0.status == "discrepancy" ? "DISCREPANCY" : "unacknowledged")  \($0.pupil)  \($0.dossier)" })
                .joined(separator: "\n")
        }
        result.failures = confirmation.rejected.map { InputFailure(input: $0.file, error: .failed($0.error)) }
        result.summarize({ "\($0) of \(receipts.count) receipts were refused (each is listed above)." },
                         first: confirmation.rejected.first.map { .failed($0.error) })
        return result
    }

    private struct ConfirmJSON: Encodable {
        let register: String
        let pupils: [TransferConfirmation.Pupil]
    }
}
