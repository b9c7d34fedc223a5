import AuditLog
import Cryptography
import Foundation
import HTTPService
import Support
import Witness

/// `inclusio witness init`: a witness of an archive's access log, with its own key.
enum WitnessInitCommand {
    static let name = Option(["--name"], value: "name", help: "The witness's name in its cosignatures, e.g. dpo.example.org/witness.")
    static let logCheckpoint = Option(["--log-checkpoint"], value: "file",
                                      help: "A checkpoint of the log to witness, exported by `audit checkpoint` (its origin and starting point).")
    static let logKey = Option(["--log-key"], value: "file", help: "The log's checkpoint key (PEM), written by `audit checkpoint --public-key`.")

    static let command = Command(spec: spec, run: run)

    static let spec = CommandSpec(
        path: "witness init",
        abstract: "Make a witness of an archive's access log: its own Ed25519 key, the log it witnesses, and its state.",
        operands: .one("folder"),
        options: [name, logCheckpoint, logKey],
        required: [.option(name), .option(logCheckpoint), .option(logKey)],
        discussion: """
        Run by an auditor or data-protection officer on a machine of their own. The witness starts from the \
        checkpoint given (checked against the key), so it will cosign only checkpoints that extend it. Prints the \
        witness's verifier key: list it, with the witness's URL, in the archive's policy.xml (<witnesses>). The \
        folder holds witness.key (readable only by you), witness.json and state.json; an existing witness is never replaced.
        """)

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> CommandResult {
        guard arguments.operands.count == 1, let folder = arguments.operands.first, let witnessName = arguments.value(name),
              let checkpointFile = arguments.value(logCheckpoint), let keyFile = arguments.value(logKey) else {
            throw arguments.usage("Give one folder, --name, --log-checkpoint and --log-key.")
        }
        let checkpoint = try AuditOptions.checkpoints(arguments, option: logCheckpoint)[0].checkpoint
        guard let pem = FileManager.default.contents(atPath: keyFile) else { throw .failed(WitnessCommandError.unreadable(file: keyFile)) }
        let key: Ed25519PublicKey
        do { key = try Ed25519PublicKey(pem: String(decoding: pem, as: UTF8.self), file: keyFile) } catch { throw .failed(error) }
        guard checkpoint.isSigned(by: key) else { throw .failed(WitnessCommandError.notSignedByKey(checkpoint: checkpointFile, key: keyFile)) }
        let witnessFolder = WitnessFolder(folder: URL(fileURLWithPath: folder, isDirectory: true))
        let identity: WitnessKey
        do {
            identity = try witnessFolder.create(name: witnessName, logs: [.init(origin: checkpoint.origin, key: key)],
                                                start: [checkpoint.origin: .init(size: checkpoint.size, root: checkpoint.root.base64EncodedString())])
        } catch {
            throw .failed(error)
        }
        return CommandResult(["folder": folder, "verifierKey": identity.description, "origin": checkpoint.origin, "size": "\(checkpoint.size)"]) {
            """
            Witness \(witnessName) made in \(folder), witnessing \(checkpoint.origin) from \(checkpoint.size) entries.
            Its verifier key, for the archive's policy.xml:
            \(identity.description)
            """
        }
    }
}

/// `inclusio witness serve`: the witness's HTTPS service (C2SP tlog-witness).
enum WitnessServeCommand {
    static let command = Command(spec: spec, run: run)

    static let spec = CommandSpec(
        path: "witness serve",
        abstract: "Run a witness over HTTPS (C2SP tlog-witness: POST /add-checkpoint) until SIGINT or SIGTERM.",
        operands: .one("folder"),
        options: [ServeCommand.listen, ServeCommand.tlsCert, ServeCommand.tlsKey],
        required: [.option(ServeCommand.listen), .option(ServeCommand.tlsCert), .option(ServeCommand.tlsKey)],
        discussion: """
        Cosigns (tlog-cosignature/v1) a checkpoint of the log it witnesses only when a consistency proof shows it \
        extends the last one it cosigned, and records it durably before answering. Refusals follow the \
        specification: 409 with the size it holds, 422 for a proof that does not verify, 403 for another key, \
        404 for another log; each refusal is printed (it is evidence that the log was cut short or rewritten).
        """)

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> CommandResult {
        guard arguments.operands.count == 1, let folder = arguments.operands.first, let address = arguments.value(ServeCommand.listen),
              let cert = arguments.value(ServeCommand.tlsCert), let key = arguments.value(ServeCommand.tlsKey) else {
            throw arguments.usage("Give one witness folder, --listen, --tls-cert and --tls-key.")
        }
        let endpoint = try ServeCommand.endpoint(address, arguments)
        let json = arguments.json
        let say = { @Sendable (line: String) in
            if json { FileHandle.standardError.write(Data((line + "\n").utf8)) } else { CommandPrinter.live(line) }
        }
        let witness: LogWitness
        do { witness = try LogWitness(folder: WitnessFolder(folder: URL(fileURLWithPath: folder, isDirectory: true)), report: { say("Refused: \($0)") }) } catch {
            throw .failed(error)
        }
        let signals = ServeCommand.blockStopSignals()
        let configuration = HTTPServerConfiguration(endpoint: endpoint, certificate: URL(fileURLWithPath: cert), privateKey: URL(fileURLWithPath: key),
                                                    limits: HTTPLimits(maxBodyBytes: 64 << 10, threads: 4))
        let server: HTTPSServer
        do {
            server = try HTTPSServer(configuration: configuration) { request in
                guard request.path == "/add-checkpoint" else { return .text("Not found.", status: 404) }
                guard request.method == "POST" else { return .text("Use POST.", status: 405) }
                let answer = witness.addCheckpoint(request.body)
                return HTTPResponse(status: answer.status, headers: [HTTPField(name: "Content-Type", value: answer.contentType)], body: answer.body)
            }
        } catch {
            throw .failed(error)
        }
        say("Witnessing on https://\(server.endpoint) as \(witness.identity)")
        let received = ServeCommand.wait(for: signals)
        server.stop()
        return CommandResult(["stopped": server.endpoint.description]) { "Stopped (signal \(received))." }
    }
}

/// Why a witness command cannot go ahead.
enum WitnessCommandError: CategorizedError {
    case unreadable(file: String)
    case notSignedByKey(checkpoint: String, key: String)

    var category: FailureCategory {
        switch self {
        case .unreadable: .input
        case .notSignedByKey: .data
        }
    }

    var description: String {
        switch self {
        case let .unreadable(file): "\(file) cannot be read; check the path and its permissions."
        case let .notSignedByKey(checkpoint, key): "\(checkpoint) is not signed by the key in \(key); give the checkpoint and the key `audit checkpoint` wrote together."
        }
    }
}
