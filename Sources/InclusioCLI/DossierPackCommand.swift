import Cryptography
import Dossier
import Foundation
import Records
import Support
import XML

/// `inclusio dossier pack`: records and files into a signed, encrypted dossier.
enum DossierPackCommand {
    static let signCert = Option(["--sign-cert"], value: "cert",
                                             help: "The sending office's certificate (PEM, with its chain after it) or PKCS#12 file.")
    static let signKey = Option(["--sign-key"], value: "key", help: "The private key of --sign-cert (not needed for PKCS#12).")
    static let recipient = Option(["--recipient"], value: "cert", repeatable: true, help: "A certificate that may open the dossier; repeatable.")
    static let output = Option(["-o", "--output"], value: "file.asice", help: "The dossier to write.")

    static let command = Command(spec: spec, run: run)

    static let spec = CommandSpec(
        path: "dossier pack",
        abstract: "Pack records, PDFs and other files into a signed, encrypted dossier (ASiC-E).",
        operands: .some("file"),
        options: [signCert, signKey, KeyOptions.keyPassphrase, recipient, KeyOptions.passphrase, output, HomeOptions.schemas],
        required: [.option(signCert), .option(output)],
        discussion: """
        Records are validated first; a dossier carries only valid records. Every file is encrypted (AES-256) under \
        a fresh random password, which is sealed for each --recipient certificate and/or the passphrase. Entry names \
        carry no personal data; what each entry is travels in an encrypted index. The manifest of SHA-256 digests is \
        signed (CMS, CAdES) so the receiver can check the dossier with `inclusio dossier verify` or standard tools.
        """)

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> CommandResult {
        guard !arguments.operands.isEmpty else { throw arguments.usage("Give the files to pack.") }
        guard let certificate = arguments.value(signCert) else { throw arguments.usage("Give the signing certificate with --sign-cert.") }
        guard let out = arguments.value(output) else { throw arguments.usage("Give the dossier to write with -o FILE.asice.") }
        let recipients = try KeyOptions.certificates(arguments, recipient)
        let passphrase = try KeyOptions.passphrase(arguments, KeyOptions.passphrase)
        guard !recipients.isEmpty || passphrase != nil else { throw .failed(DossierError.noRecipient) }
        let keyPassphrase = try KeyOptions.passphrase(arguments, KeyOptions.keyPassphrase)
        let identity: SigningIdentity
        do {
            identity = try SigningIdentity.load(certificate: URL(fileURLWithPath: certificate),
                                                key: arguments.value(signKey).map { URL(fileURLWithPath: $0) }, passphrase: keyPassphrase)
        } catch {
            throw .failed(error)
        }
        let validator = RecordValidator(catalog: try InclusioHome.schemaCatalog(arguments))
        let files = InputFiles.expand(arguments.operands, extensions: DossierPacker.knownExtensions)
        let packed: DossierPacker.Packed
        do {
            packed = try DossierPacker(identity: identity, recipients: recipients, passphrase: passphrase, validator: validator)
                .pack(files, to: URL(fileURLWithPath: out))
        } catch {
            throw .failed(error)
        }
        let json = PackedJSON(file: packed.file.path, signer: packed.signer, recipients: recipients.map(\.subject),
                              passphrase: passphrase != nil, entries: packed.entries.map(EntryJSON.init))
        return CommandResult(json) {
            (["Packed \(packed.entries.count) file\(packed.entries.count == 1 ? "" : "s") into \(out)", "  signed by  \(packed.signer)"]
                + recipients.map { "  for       \($0.subject)" } + (passphrase != nil ? ["  for       the holder of the passphrase"] : [])
                + zip(packed.entries, files).map { entry, file in "  \(entry.name)  \(entry.kind)  ← \(file.name)" }).joined(separator: "\n")
        }
    }

    private struct PackedJSON: Encodable {
        let file: String
        let signer: String
        let recipients: [String]
        let passphrase: Bool
        let entries: [EntryJSON]
    }
}
