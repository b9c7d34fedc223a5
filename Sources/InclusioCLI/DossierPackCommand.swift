import Cryptography
import Dossier
import Foundation
import Records
import Support
import XML

/// `inclusio dossier pack`: records and files into a signed, encrypted dossier.
enum DossierPackCommand {
    static let signCert = CommandSpec.Option(names: ["--sign-cert"], value: "cert",
                                             help: "The sending office's certificate (PEM, with its chain after it) or PKCS#12 file.")
    static let signKey = CommandSpec.Option(names: ["--sign-key"], value: "key", help: "The private key of --sign-cert (not needed for PKCS#12).")
    static let recipient = CommandSpec.Option(names: ["--recipient"], value: "cert", help: "A certificate that may open the dossier; repeatable.")
    static let output = CommandSpec.Option(names: ["-o", "--output"], value: "file.asice", help: "The dossier to write.")

    static let spec = CommandSpec(
        path: "dossier pack",
        abstract: "Pack records, PDFs and other files into a signed, encrypted dossier (ASiC-E).",
        usage: "inclusio dossier pack --sign-cert <cert> --sign-key <key> [--recipient <cert>]... [--passphrase-file <file>] -o <file.asice> <file>...",
        options: [signCert, signKey, KeyOptions.keyPassphrase, recipient, KeyOptions.passphrase, output, CommandSpec.schemas, CommandSpec.json],
        discussion: """
        Records are validated first; a dossier carries only valid records. Every file is encrypted (AES-256) under \
        a fresh random password, which is sealed for each --recipient certificate and/or the passphrase. Entry names \
        carry no personal data; what each entry is travels in an encrypted index. The manifest of SHA-256 digests is \
        signed (CMS, CAdES) so the receiver can check the dossier with `inclusio dossier verify` or standard tools.
        """)

    static func run(_ arguments: ParsedArguments, console: Console) throws(CLIError) {
        guard !arguments.operands.isEmpty else { throw .usage("Give the files to pack.", command: spec) }
        guard let certificate = arguments.value(signCert) else { throw .usage("Give the signing certificate with --sign-cert.", command: spec) }
        guard let out = arguments.value(output) else { throw .usage("Give the dossier to write with -o FILE.asice.", command: spec) }
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
        if console.json {
            console.emit(PackedJSON(file: packed.file.path, signer: packed.signer, recipients: recipients.map(\.subject),
                                    passphrase: passphrase != nil, entries: packed.entries.map(EntryJSON.init)))
            return
        }
        console.out("Packed \(packed.entries.count) file\(packed.entries.count == 1 ? "" : "s") into \(out)")
        console.out("  signed by  \(packed.signer)")
        for subject in recipients.map(\.subject) { console.out("  for       \(subject)") }
        if passphrase != nil { console.out("  for       the holder of the passphrase") }
        for (entry, file) in zip(packed.entries, files) { console.out("  \(entry.name)  \(entry.kind)  ← \(file.name)") }
    }

    private struct PackedJSON: Encodable {
        let file: String
        let signer: String
        let recipients: [String]
        let passphrase: Bool
        let entries: [EntryJSON]
    }
}
