import Archive
import Foundation

/// `inclusio archive init`: a new archive with its index, keys and policy.
enum ArchiveInitCommand {
    static let policy = Option(["--policy"], value: "file", help: "The policy to start from (default: Archive/policy.sample.xml of the Inclusio home).")
    static let admin = Option(["--admin"], value: "operator", help: "The administrator to enrol (default: the one operator whose role permits \"policy\").")
    static let adminCert = Option(["--admin-cert"], value: "cert", help: "The administrator's certificate (credential \"certificate\").")
    static let adminPassphrase = Option(["--admin-passphrase-file"], value: "file", help: "The administrator's passphrase (credential \"passphrase\").")

    static let command = Command(spec: spec, run: run)

    static let spec = CommandSpec(
        path: "archive init",
        abstract: "Create a confidential archive: encrypted store, SQLite index, archive key, policy.",
        options: [ArchiveOptions.path, policy, admin, adminCert, adminPassphrase, HomeOptions.schemas],
        required: [.oneOf([adminCert, adminPassphrase])],
        discussion: """
        The archive key is random and is kept only sealed for each enrolled operator: first the administrator, who \
        then enrols the others with `inclusio archive enrol`. An existing archive is never replaced.
        """)

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> CommandResult {
        guard arguments.operands.isEmpty else { throw arguments.usage("archive init takes no files; give the folder with --path.") }
        let folder = try ArchiveOptions.folder(arguments)
        let sample: URL
        if let path = arguments.value(policy) { sample = URL(fileURLWithPath: path) } else {
            sample = try InclusioHome.folder(.archive, explicit: nil).appendingPathComponent("policy.sample.xml")
        }
        guard let data = FileManager.default.contents(atPath: sample.path) else { throw .failed(ArchiveError.cannotRead(file: sample.path)) }
        let enrolment = try ArchiveOptions.enrolment(arguments, certificate: adminCert, passphrase: adminPassphrase)
        let schemas = try ArchiveOptions.schemas(arguments)
        var administrator = arguments.value(admin) ?? ""
        if arguments.value(admin) == nil {
            administrator = try ArchiveOptions.run { () throws(ArchiveError) in
                try ConfidentialArchive.administrator(in: data, file: sample.path, schemas: schemas)
            }
        }
        try ArchiveOptions.run { () throws(ArchiveError) in
            try ConfidentialArchive.create(at: folder, policy: data, policyFile: sample.path, schemas: schemas,
                                           administrator: administrator, enrolment: enrolment)
        }
        return CommandResult(["archive": folder.path, "administrator": administrator]) {
            """
            Archive created in \(folder.path) with administrator \(administrator).
            Next: enrol the other operators (inclusio archive enrol OPERATOR --cert CERT --as \(administrator) …).
            """
        }
    }
}
