import Foundation
import Support
import Transfer

/// `inclusio transfer confirm`: match signed receipts to a handover register.
enum TransferConfirmCommand {
    static let register = CommandSpec.Option(names: ["--register"], value: "file", help: "The batch's handover-register.xml (its signature .p7s beside it).")

    static let spec = CommandSpec(
        path: "transfer confirm",
        abstract: "Match the receiving school's signed receipts to a handover register; list what is still unacknowledged.",
        usage: "inclusio transfer confirm <receipt.xml>... --register <handover-register.xml> --ca <root.pem> [--json]",
        options: [register, KeyOptions.ca, CommandSpec.schemas, CommandSpec.json],
        discussion: """
        The register and every receipt must carry a signature (.p7s beside them) that verifies against --ca; a receipt must \
        acknowledge this register and be signed by the register's recipient, or it is refused. A pupil is acknowledged when a \
        receipt lists their dossier (by SHA-256) with the same documents and gaps as the register.
        """)

    static func run(_ arguments: ParsedArguments, console: Console) throws(CLIError) {
        guard let registerPath = arguments.value(register) else { throw .usage("Give the handover register with --register FILE.", command: spec) }
        let receipts = InputFiles.expand(arguments.operands, extensions: ["xml"])
        guard !receipts.isEmpty else { throw .usage("Give the receipts to match.", command: spec) }
        let roots = try KeyOptions.roots(arguments, command: spec)
        let schemas = try TransferOptions.schemas(arguments)
        let confirmation = try TransferOptions.run { () throws(TransferError) in
            try TransferConfirmation.confirm(register: URL(fileURLWithPath: registerPath), registerFile: registerPath, receipts: receipts,
                                             roots: roots, schemas: schemas)
        }
        if console.json {
            console.emit(ConfirmJSON(register: confirmation.register, pupils: confirmation.pupils,
                                     rejected: confirmation.rejected.map { .init(file: $0.file, message: $0.error.description) }))
        } else {
            for (_, error) in confirmation.rejected { console.err("Error: \(error)") }
            let acknowledged = confirmation.pupils.count - confirmation.unacknowledged.count
            console.out("Register \(confirmation.register) to \(confirmation.recipient): \(acknowledged) of \(confirmation.pupils.count) dossiers acknowledged.")
            for pupil in confirmation.unacknowledged {
                console.out("  \(pupil.status == "discrepancy" ? "DISCREPANCY" : "unacknowledged")  \(pupil.pupil)  \(pupil.dossier)")
            }
        }
        if let first = confirmation.rejected.first {
            throw .someFailed("\(confirmation.rejected.count) of \(receipts.count) receipts were refused (each is listed above).",
                              code: CLIError.exitCode(first.error))
        }
    }

    private struct ConfirmJSON: Encodable {
        struct Failure: Encodable { let file: String; let message: String }
        let register: String
        let pupils: [TransferConfirmation.Pupil]
        let rejected: [Failure]
    }
}
