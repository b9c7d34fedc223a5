import Archive
import Foundation
import HTTPService
import Support

/// `inclusio serve`: the HTTPS service over a served archive (`archive init --custody service`).
enum ServeCommand {
    static let listen = Option(["--listen"], value: "address:port", help: "Where to listen, e.g. 127.0.0.1:8443 (port 0: a free port, printed at start).")
    static let tlsCert = Option(["--tls-cert"], value: "cert", help: "The service's TLS certificate (PEM), then any intermediates.")
    static let tlsKey = Option(["--tls-key"], value: "key", help: "The service's TLS private key (PEM, unencrypted).")
    static let clientCA = Option(["--client-ca"], value: "cert", help: "The CA that issues operators' client certificates (PEM).")
    static let unlock = Option(["--unlock-passphrase-file"], value: "file", help: "The custodians' passphrase, which opens the archive key at start.")
    static let witnessCA = Option(["--witness-ca"], value: "cert",
                                  help: "The CA that issued the TLS certificates of the policy's witnesses (PEM): submit each checkpoint to them.")
    static let lifetime = Option(["--session-lifetime"], value: "seconds", type: .integer(1...86_400),
                                 help: "How long a passphrase operator's session lasts (default 900).")

    static let command = Command(spec: spec, run: run)

    static let spec = CommandSpec(
        path: "serve",
        abstract: "Serve a served archive over HTTPS: the service alone holds its keys; operators prove who they are per request.",
        options: [ArchiveOptions.path, listen, tlsCert, tlsKey, clientCA, unlock, lifetime, witnessCA] + ServeLimits.options + ServiceKeys.options + [HomeOptions.schemas],
        required: [.option(listen), .option(tlsCert), .option(tlsKey), .option(clientCA), .option(unlock)],
        discussion: """
        Runs until SIGINT or SIGTERM. One service per archive folder (a lock file, serve.lock); a second is refused. \
        The API (JSON, under /v1) is described in the README: POST /v1/commands/<command words with /> with \
        {"arguments": [...]} runs that command as the operator of the client certificate or session token.
        """)

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> CommandResult {
        guard let address = arguments.value(listen), let cert = arguments.value(tlsCert), let key = arguments.value(tlsKey),
              let ca = arguments.value(clientCA), let unlockFile = arguments.value(unlock) else {
            throw arguments.usage("Give --listen, --tls-cert, --tls-key, --client-ca and --unlock-passphrase-file.")
        }
        let endpoint = try endpoint(address, arguments)
        let passphrase = try KeyOptions.passphrase(in: unlockFile)
        let keys = try ServiceKeys.load(arguments)
        let archive = try ArchiveOptions.open(arguments)
        let lock = try ServeLock(folder: archive.root)
        let custody = try ArchiveOptions.run { () throws(ArchiveError) in try archive.unlock(custodianPassphrase: passphrase) }
        StagedInputs.removeLeftovers()
        let service = ArchiveService(custody: custody, sessionLifetime: TimeInterval(arguments.integer(lifetime) ?? 900), keys: keys)
        let say = { @Sendable [json = arguments.json] (line: String) in
            if json { FileHandle.standardError.write(Data((line + "\n").utf8)) } else { CommandPrinter.live(line) }
        }
        if let ca = arguments.value(witnessCA) {
            custody.submitCheckpoints(trustingWitnessCA: URL(fileURLWithPath: ca)) { say("Witness: \($0)") }
        }

        let signals = blockStopSignals()
        let configuration = HTTPServerConfiguration(endpoint: endpoint,
                                                    certificate: URL(fileURLWithPath: cert), privateKey: URL(fileURLWithPath: key),
                                                    clientCA: URL(fileURLWithPath: ca),
                                                    limits: ServeLimits.limits(arguments))
        let server: HTTPSServer
        do { server = try HTTPSServer(configuration: configuration, handler: service.handle) } catch { throw .failed(error) }
        // Said at once (on stderr with --json, whose stdout is the one document printed at the end).
        say("Serving \(archive.root.path) on https://\(server.endpoint)")
        let received = wait(for: signals)
        server.stop()
        withExtendedLifetime(lock) {}
        return CommandResult(["stopped": server.endpoint.description]) { "Stopped (signal \(received))." }
    }

    /// The `--listen` address `ADDRESS:PORT`.
    static func endpoint(_ address: String, _ arguments: ParsedArguments) throws(CLIError) -> HTTPServerConfiguration.Endpoint {
        let parts = address.split(separator: ":")
        guard parts.count == 2, let port = UInt16(parts[1]) else { throw arguments.usage("--listen takes ADDRESS:PORT, e.g. 127.0.0.1:8443.") }
        return .tcp(address: String(parts[0]), port: port)
    }

    /// Blocks SIGINT and SIGTERM in every thread (the server's threads inherit the mask), so that
    /// ``wait(for:)`` receives them here.
    static func blockStopSignals() -> sigset_t {
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &signals, nil)
        return signals
    }

    /// Waits for one of `signals`; returns it.
    static func wait(for signals: sigset_t) -> Int32 {
        var signals = signals
        var received: Int32 = 0
        sigwait(&signals, &received)
        return received
    }
}

/// The lock that lets one service at a time serve an archive folder: `serve.lock`, held with
/// `flock` for the process's life (released by the kernel however it ends, `kill -9` included).
final class ServeLock {
    private let descriptor: Int32

    init(folder: URL) throws(CLIError) {
        let path = folder.appendingPathComponent("serve.lock").path
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .failed(ArchiveError.cannotWrite(FileWriteError(path: path, reason: String(cString: strerror(errno))))) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw .failed(ServeError.alreadyServed(path: folder.path))
        }
    }

    deinit { close(descriptor) }
}

/// Why `serve` cannot start.
enum ServeError: CategorizedError {
    case alreadyServed(path: String)

    var category: FailureCategory { .output }

    var description: String {
        switch self {
        case let .alreadyServed(path): "\(path) is already being served by another `inclusio serve` (it holds serve.lock); stop that one first."
        }
    }
}
