import AuditLog
import Cryptography
import Foundation
import HTTPService
import TestSupport
import Witness
import WitnessClient

/// A witness running on 127.0.0.1 (a free port) over TLS with the test PKI's server certificate,
/// witnessing one log; and logs to submit to it. Stopped by `stop`.
final class WitnessHarness {
    let folder: URL
    let witness: LogWitness
    let server: HTTPSServer
    let keys: LogKeys
    var endpoint: WitnessEndpoint { WitnessEndpoint(key: witness.identity, url: url) }
    var url: URL { URL(string: "https://\(server.endpoint)")! }

    init(keys: LogKeys? = nil) throws {
        folder = try Run.temporaryFolder()
        let keys = try keys ?? LogKeys(seal: SymmetricKey.random(), signing: Ed25519SigningKey(seed: .random()), origin: "inclusio.archive/test")
        self.keys = keys
        let witnessFolder = WitnessFolder(folder: folder.appendingPathComponent("witness"))
        _ = try witnessFolder.create(name: "dpo.example.org/witness", logs: [.init(origin: keys.origin, key: keys.signing.publicKey)])
        witness = try LogWitness(folder: witnessFolder)
        let witness = witness
        server = try HTTPSServer(configuration: HTTPServerConfiguration(endpoint: .loopback(), certificate: TestPKI.file("server.pem"),
                                                                        privateKey: TestPKI.file("server.key"))) { request in
            guard request.method == "POST", request.path == "/add-checkpoint" else { return .text("Not found.", status: 404) }
            let answer = witness.addCheckpoint(request.body)
            return HTTPResponse(status: answer.status, headers: [HTTPField(name: "Content-Type", value: answer.contentType)], body: answer.body)
        }
    }

    func stop() { server.stop() }

    /// A new log folder of `count` entries (made from `seed`, so two logs of one seed agree), with a checkpoint.
    func log(_ name: String, entries count: Int, seed: String = "a") throws -> AccessLog {
        let log = AccessLog(folder: folder.appendingPathComponent(name))
        try FileManager.default.createDirectory(at: log.folder, withIntermediateDirectories: true)
        try grow(log, by: count, seed: seed)
        return log
    }

    /// Appends `count` entries and signs a checkpoint.
    func grow(_ log: AccessLog, by count: Int, seed: String = "a") throws {
        let events = (0..<count).map {
            AccessEvent(operatorId: "op-\(seed)-\($0)", role: "auditor", organisation: "Office", action: "read", purpose: "test", outcome: .granted)
        }
        try log.append(events, keys: keys)
        try log.checkpoint(keys: keys)
    }

    func submitter(_ log: AccessLog) throws -> WitnessSubmitter {
        WitnessSubmitter(log: log, trustedCA: try TestPKI.file("root.pem"), timeout: 5)
    }

    func latest(_ log: AccessLog) throws -> Checkpoint { try log.checkpoints().last! }
}
