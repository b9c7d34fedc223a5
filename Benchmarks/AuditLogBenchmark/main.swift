import AuditLog
import Cryptography
import Foundation

// Appends, verifies and proves on a log of N entries (default 1,000,000) in a fresh folder;
// prints one JSON object of figures for Benchmarks/audit_log.py.
// usage: inclusio-audit-log-benchmark FOLDER [ENTRIES] [ENTRIES-PER-COMMAND] [PER-ENTRY-SAMPLE]

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: inclusio-audit-log-benchmark FOLDER [ENTRIES] [ENTRIES-PER-COMMAND] [PER-ENTRY-SAMPLE]\n".utf8))
    exit(64)
}
let folder = URL(fileURLWithPath: arguments[1], isDirectory: true)
let total = arguments.count > 2 ? Int(arguments[2]) ?? 1_000_000 : 1_000_000
let perCommand = arguments.count > 3 ? Int(arguments[3]) ?? 100 : 100
let perEntrySample = arguments.count > 4 ? Int(arguments[4]) ?? 2_000 : 2_000

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

do {
    try? FileManager.default.removeItem(at: folder)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let keys = LogKeys(seal: try SymmetricKey.random(), signing: try Ed25519SigningKey(seed: .random()), origin: "inclusio.archive/benchmark")
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

    let figures: [String: Any] = [
        "entries": total, "bytes": bytes, "entriesPerCommand": perCommand,
        "appendSeconds": appendSeconds, "appendPerSecond": Double(total) / appendSeconds,
        "perEntrySample": perEntrySample, "perEntryPerSecond": Double(perEntrySample) / perEntrySeconds,
        "verifySeconds": verifySeconds, "verifyPerSecond": Double(total) / verifySeconds, "verifyMBPerSecond": Double(bytes) / verifySeconds / 1e6,
        "checkpoints": verification.checkpoints,
        "treeBuildSeconds": treeSeconds, "proofMicroseconds": proofSeconds / Double(proofs) * 1e6, "proofs": verified,
        "proveCommandSeconds": sample1,
    ]
    print(String(decoding: try JSONSerialization.data(withJSONObject: figures, options: [.sortedKeys]), as: UTF8.self))
} catch {
    FileHandle.standardError.write(Data("benchmark failed: \(error)\n".utf8))
    exit(70)
}
