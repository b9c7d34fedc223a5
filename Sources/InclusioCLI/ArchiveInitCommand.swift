import Archive
import Foundation

/// `inclusio archive init`: a new archive with its index, keys and policy.
enum ArchiveInitCommand {
    static let policy = Option(["--policy"], value: "file", help: "The policy to start from (default: Archive/policy.sample.xml of the Inclusio home).")
    static let admin = Option(["--admin"], value: "operator", help: "The administrator to enrol (default: the one operator whose role permits \"policy\").")
    static let adminCert = Option(["--admin-cert"], value: "cert", help: "The administrator's certificate (credential \"certificate\").")
    static let adminPassphrase = Option(["--admin-passphrase-file"], value: "file", help: "The administrator's passphrase (credential \"passphrase\").")
    static let custody = Option(["--custody"], value: "operators|service",
                                help: "Who holds the archive key: its operators (local, the default) or its service alone (`inclusio serve`).")
    static let custodianPassphrase = Option(["--custodian-passphrase-file"], value: "file",
                                            help: "With --custody service: the custodians' passphrase, the only thing that opens the archive key.")

    static let command = Command(spec: spec, run: run)

    static let spec = CommandSpec(
        path: "archive init",
        abstract: "Create a confidential archive: encrypted store, SQLite index, archive key, policy.",
        options: [ArchiveOptions.path, policy, admin, adminCert, adminPassphrase, custody, custodianPassphrase, HomeOptions.schemas],
        required: [.oneOf([adminCert, adminPassphrase])],
        discussion: """
        The archive key is random and is kept only sealed for each enrolled operator: first the administrator, who \
        then enrols the others with `inclusio archive enrol`. An existing archive is never replaced. With --custody \
        service it is sealed only under the custodians' passphrase (scrypt N = 2^17) and operators are enrolled by \
        identity alone (certificate, or a passphrase verifier): they reach the archive through `inclusio serve`.
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
        let custodian: Data?
        switch arguments.value(custody) ?? "operators" {
        case "operators":
            guard arguments.value(custodianPassphrase) == nil else { throw arguments.usage("--custodian-passphrase-file is for --custody service.") }
            custodian = nil
        case "service":
            guard let path = arguments.value(custodianPassphrase) else {
                throw arguments.usage("A served archive's key is opened by its custodians: give --custodian-passphrase-file FILE.")
            }
            custodian = try KeyOptions.passphrase(in: path)
        case let other:
            throw arguments.usage("--custody is operators or service, not '\(other)'.")
        }
        let schemas = try ArchiveOptions.schemas(arguments)
        var administrator = arguments.value(admin) ?? ""
        if arguments.value(admin) == nil {
            administrator = try ArchiveOptions.run { () throws(ArchiveError) in
                try ConfidentialArchive.administrator(in: data, file: sample.path, schemas: schemas)
            }
        }
        try ArchiveOptions.run { () throws(ArchiveError) in
            try ConfidentialArchive.create(at: folder, policy: data, policyFile: sample.path, schemas: schemas,
                                           administrator: administrator, enrolment: enrolment, custodian: custodian)
        }
        let served = custodian != nil
        return CommandResult(["archive": folder.path, "administrator": administrator, "custody": served ? "service" : "operators"]) {
            served ? """
            Served archive created in \(folder.path) with administrator \(administrator); only the custodians' passphrase opens its key.
            Next: enrol the other operators (inclusio archive enrol OPERATOR --cert CERT --as \(administrator) … --custodian-passphrase-file FILE), then run inclusio serve.
            """ : """
            Archive created in \(folder.path) with administrator \(administrator).
            Next: enrol the other operators (inclusio archive enrol OPERATOR --cert CERT --as \(administrator) …).
            """
        }
    }
}
