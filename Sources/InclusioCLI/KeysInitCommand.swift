import Cryptography
import Foundation

/// `inclusio keys init`: a demo PKI so that signing and encryption work out of the box.
enum KeysInitCommand {
    static let command = Command(spec: spec, run: run)

    static let spec = CommandSpec(
        path: "keys init",
        abstract: "Make a demonstration PKI: a root, the office and two schools (not for real use).",
        operands: .one("dir"),
        options: [],
        discussion: """
        Writes root.pem, office.pem + office.key, school-a.pem + school-a.key, school-b.pem + school-b.key \
        and server.pem + server.key (a TLS server certificate for 127.0.0.1 and localhost, for `inclusio serve`) \
        (ECDSA P-256, keys readable only by you). Existing files are never overwritten. Real offices and schools \
        sign and receive with certificates from their own PKI, and give those files to the dossier commands instead.
        """)

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> CommandResult {
        guard arguments.operands.count == 1, let folder = arguments.operands.first else {
            throw arguments.usage("Give exactly one folder for the demo keys.")
        }
        let files: [URL]
        do {
            files = try DemoPKI.create(in: URL(fileURLWithPath: folder, isDirectory: true))
        } catch {
            throw .failed(error)
        }
        return CommandResult(["files": files.map(\.path)]) {
            (["Demo PKI written to \(folder) (for trying Inclusio out; real deployments use their own PKI):"]
                + files.map { "  \($0.lastPathComponent)" }).joined(separator: "\n")
        }
    }
}
