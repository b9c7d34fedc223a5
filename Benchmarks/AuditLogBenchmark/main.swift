import AuditLog
import Cryptography
import Foundation
import HTTPService
import Witness
import WitnessClient

// Figures for Benchmarks/audit_log.py, one JSON object per run:
//   inclusio-audit-log-benchmark FOLDER [ENTRIES] [ENTRIES-PER-COMMAND] [PER-ENTRY-SAMPLE]
//     appends ENTRIES (default 1,000,000) to a new log in FOLDER, verifies it, makes proofs; keeps the log and its keys;
//   inclusio-audit-log-benchmark verify FOLDER
//     verifies the log the first form left (run alone, so that its peak memory is the verifier's);
//   inclusio-audit-log-benchmark witness FOLDER [ROUNDS]
//     a witness over HTTPS on 127.0.0.1 and a growing log: ROUNDS (default 200) checkpoints submitted and cosigned.

let arguments = CommandLine.arguments
let usage = "usage: inclusio-audit-log-benchmark FOLDER [ENTRIES] [ENTRIES-PER-COMMAND] [PER-ENTRY-SAMPLE] | verify FOLDER | witness FOLDER [ROUNDS]\n"
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data(usage.utf8))
    exit(64)
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func event(_ index: Int) -> AccessEvent {
    AccessEvent(operatorId: "teacher-\(index % 40)", role: "support-teacher", organisation: "Istituto comprensivo \(index % 12)",
                action: ["read", "export", "search", "ingest"][index % 4], pupil: "P-\(String(index % 5000, radix: 32).uppercased())",
                document: "D-\(String(index % 20000, radix: 32).uppercased())", version: 1,
                sha256: String(repeating: "ab", count: 32), purpose: "annual review of the individual education plan", outcome: .granted)
}

func printJSON(_ figures: [String: Any]) throws {
    print(String(decoding: try JSONSerialization.data(withJSONObject: figures, options: [.sortedKeys]), as: UTF8.self))
}

/// The benchmark's log keys, kept beside the log so that `verify` can run in a process of its own.
func keys(in folder: URL, create: Bool) throws -> LogKeys {
    let file = folder.appendingPathComponent("keys.bin")
    let bytes: Data
    if create {
        bytes = try SymmetricKey.random().bytes + SymmetricKey.random().bytes
        try bytes.write(to: file)
    } else {
        bytes = try Data(contentsOf: file)
    }
    return LogKeys(seal: try SymmetricKey(bytes: bytes.prefix(32)), signing: try Ed25519SigningKey(seed: SymmetricKey(bytes: bytes.suffix(32))),
                   origin: "inclusio.archive/benchmark")
}

func verifyOnly(_ folder: URL) throws {
    let keys = try keys(in: folder, create: false)
    let log = AccessLog(folder: folder.appendingPathComponent("log", isDirectory: true))
    var verification: LogVerification?
    let elapsed = try seconds { verification = try LogVerifier(log: log, publicKey: keys.signing.publicKey, sealKey: keys.seal).verify() }
    guard let verification, verification.isIntact else { throw AuditLogError.unreadable(path: "benchmark log: \(verification?.problems.prefix(3) ?? [])") }
    try printJSON(["entries": verification.entries, "bytes": verification.bytes, "seconds": elapsed,
                   "verifyMBPerSecond": Double(verification.bytes) / elapsed / 1e6])
}

func witnessRounds(_ folder: URL, rounds: Int) throws {
    try? FileManager.default.removeItem(at: folder)
    let pki = folder.appendingPathComponent("pki")
    _ = try DemoPKI.create(in: pki)
    let keys = try keys(in: { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true); return folder }(), create: true)
    let witnessFolder = WitnessFolder(folder: folder.appendingPathComponent("witness"))
    _ = try witnessFolder.create(name: "benchmark.example/witness", logs: [.init(origin: keys.origin, key: keys.signing.publicKey)])
    let witness = try LogWitness(folder: witnessFolder)
    let server = try HTTPSServer(configuration: HTTPServerConfiguration(endpoint: .loopback(), certificate: pki.appendingPathComponent("server.pem"),
                                                                        privateKey: pki.appendingPathComponent("server.key"))) { request in
        let answer = witness.addCheckpoint(request.body)
        return HTTPResponse(status: answer.status, headers: [HTTPField(name: "Content-Type", value: answer.contentType)], body: answer.body)
    }
    defer { server.stop() }
    let log = AccessLog(folder: folder.appendingPathComponent("log", isDirectory: true))
    try FileManager.default.createDirectory(at: log.folder, withIntermediateDirectories: true)
    let endpoint = WitnessEndpoint(key: witness.identity, url: URL(string: "https://\(server.endpoint)")!)
    let submitter = WitnessSubmitter(log: log, trustedCA: pki.appendingPathComponent("root.pem"))
    var cosigned = 0, submitSeconds = 0.0
    for round in 0..<rounds {
        try log.append((0..<10).map { event(round * 10 + $0) }, keys: keys)
        try log.checkpoint(keys: keys)
        let newest = try log.checkpoints().last!
        submitSeconds += seconds {
            if case .cosigned = submitter.submit(newest, to: [endpoint]).values.first { cosigned += 1 }
        }
    }
    try printJSON(["rounds": rounds, "cosigned": cosigned, "roundTripsPerSecond": Double(rounds) / submitSeconds])
}

func appendVerifyProve(_ folder: URL, total: Int, perCommand: Int, perEntrySample: Int) throws {
    try? FileManager.default.removeItem(at: folder)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let keys = try keys(in: folder, create: true)
    let log = AccessLog(folder: folder.appendingPathComponent("log", isDirectory: true))
    try FileManager.default.createDirectory(at: log.folder, withIntermediateDirectories: true)

    // One fsync per command of `perCommand` entries, a checkpoint at each command's end.
    let appendSeconds = try seconds {
        var written = 0
        while written < total {
            let count = min(perCommand, total - written)
            try log.append((written..<(written + count)).map(event), keys: keys)
            try log.checkpoint(keys: keys)
            written += count
        }
    }
    let bytes = (try FileManager.default.attributesOfItem(atPath: log.entriesFile.path)[.size] as? Int) ?? 0

    // One fsync per entry, on a sample in a separate log.
    let sample = AccessLog(folder: folder.appendingPathComponent("sample", isDirectory: true))
    try FileManager.default.createDirectory(at: sample.folder, withIntermediateDirectories: true)
    let perEntrySeconds = try seconds { for index in 0..<perEntrySample { try sample.append([event(index)], keys: keys) } }

    var verification: LogVerification?
    let verifySeconds = try seconds {
        verification = try LogVerifier(log: log, publicKey: keys.signing.publicKey, sealKey: keys.seal).verify()
    }
    guard let verification else { exit(70) }
    guard verification.isIntact else { throw AuditLogError.unreadable(path: "benchmark log: \(verification.problems.prefix(3))") }

    let checkpoint = try log.checkpoints().last!
    var tree: MerkleTree?
    let treeSeconds = try seconds {
        let hasher = MerkleHasher()
        tree = MerkleTree(leaves: try log.lines().lines.map { hasher.leaf($0) })
    }
    let proofs = 1_000
    var verified = 0
    let proofSeconds = seconds {
        for step in 0..<proofs {
            let index = (step * 7919) % checkpoint.size
            let path = tree!.inclusionProof(index: index, size: checkpoint.size)
            if !path.isEmpty { verified += 1 }
        }
    }
    let sample1 = try seconds { _ = try InclusionProof(entry: checkpoint.size / 2, checkpoint: checkpoint, checkpointFile: "benchmark", log: log) }
    let consistency = try seconds { _ = try ConsistencyProof(log: log, origin: checkpoint.origin, from: checkpoint.size / 3, to: checkpoint.size) }

    try printJSON([
        "entries": total, "bytes": bytes, "entriesPerCommand": perCommand,
        "appendSeconds": appendSeconds, "appendPerSecond": Double(total) / appendSeconds,
        "perEntrySample": perEntrySample, "perEntryPerSecond": Double(perEntrySample) / perEntrySeconds,
        "verifySeconds": verifySeconds, "verifyPerSecond": Double(total) / verifySeconds, "verifyMBPerSecond": Double(bytes) / verifySeconds / 1e6,
        "checkpoints": verification.checkpoints,
        "treeBuildSeconds": treeSeconds, "proofMicroseconds": proofSeconds / Double(proofs) * 1e6, "proofs": verified,
        "proveCommandSeconds": sample1, "consistencyProofSeconds": consistency,
    ])
}

do {
    switch arguments[1] {
    case "verify" where arguments.count == 3:
        try verifyOnly(URL(fileURLWithPath: arguments[2], isDirectory: true))
    case "witness" where arguments.count >= 3:
        try witnessRounds(URL(fileURLWithPath: arguments[2], isDirectory: true), rounds: arguments.count > 3 ? Int(arguments[3]) ?? 200 : 200)
    default:
        try appendVerifyProve(URL(fileURLWithPath: arguments[1], isDirectory: true),
                              total: arguments.count > 2 ? Int(arguments[2]) ?? 1_000_000 : 1_000_000,
                              perCommand: arguments.count > 3 ? Int(arguments[3]) ?? 100 : 100,
                              perEntrySample: arguments.count > 4 ? Int(arguments[4]) ?? 2_000 : 2_000)
    }
} catch {
    FileHandle.standardError.write(Data("benchmark failed: \(error)\n".utf8))
    exit(70)
}
