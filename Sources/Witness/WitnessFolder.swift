import AuditLog
import Cryptography
import Foundation
import Support

/// A witness's folder: `witness.json` (its name and the logs it witnesses, each an origin and
/// the Ed25519 key that signs its checkpoints), `witness.key` (its own Ed25519 seed, mode 0600)
/// and `state.json` (per log, the size and root of the latest checkpoint it cosigned). Every
/// file is written durably (temporary, `fsync`, rename, `fsync` of the folder).
public struct WitnessFolder: Sendable {
    /// A log the witness accepts checkpoints of.
    public struct Log: Codable, Sendable, Equatable {
        public let origin: String
        /// The log's checkpoint key (base64 of the 32 raw bytes).
        public let publicKey: String
    }

    /// The latest checkpoint cosigned for one log.
    public struct Head: Codable, Sendable, Equatable {
        public let size: Int
        /// Base64 root, as in the checkpoint.
        public let root: String

        public init(size: Int, root: String) {
            self.size = size
            self.root = root
        }
    }

    struct Configuration: Codable {
        let name: String
        var logs: [Log]
    }

    public let folder: URL
    var configurationFile: URL { folder.appendingPathComponent("witness.json") }
    var keyFile: URL { folder.appendingPathComponent("witness.key") }
    var stateFile: URL { folder.appendingPathComponent("state.json") }

    public init(folder: URL) {
        self.folder = folder
    }

    /// Makes a new witness named `name` with a new key, witnessing `logs`, from the checkpoints in `start` (by origin).
    /// - Returns: its verifier key, for the archive's `policy.xml`.
    /// - Throws: ``WitnessError``; an existing witness is never replaced.
    public func create(name: String, logs: [Log], start: [String: Head] = [:]) throws(WitnessError) -> WitnessKey {
        guard WitnessKey.isName(name) else { throw .invalidName(name) }
        guard !FileManager.default.fileExists(atPath: keyFile.path) else { throw .alreadyExists(path: folder.path) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .cannotWrite(FileWriteError(path: folder.path, reason: "the folder cannot be created"))
        }
        let seed: SymmetricKey, key: Ed25519SigningKey
        do {
            seed = try SymmetricKey.random()
            key = try Ed25519SigningKey(seed: seed)
        } catch {
            throw .key("\(error)")
        }
        try write(Self.encoded(Configuration(name: name, logs: logs)), to: configurationFile, replacing: false)
        try write(Self.encoded(start), to: stateFile, replacing: false)
        try write(seed.bytes, to: keyFile, replacing: false)
        return WitnessKey(name: name, publicKey: key.publicKey)
    }

    /// The witness's name, logs, key and state, as stored.
    func load() throws(WitnessError) -> (configuration: Configuration, key: Ed25519SigningKey, heads: [String: Head]) {
        guard let configuration = FileManager.default.contents(atPath: configurationFile.path)
            .flatMap({ try? JSONDecoder().decode(Configuration.self, from: $0) }) else {
            throw .notAWitness(path: folder.path, reason: "witness.json is missing or damaged")
        }
        guard let seed = FileManager.default.contents(atPath: keyFile.path).flatMap({ try? SymmetricKey(bytes: $0) }),
              let key = try? Ed25519SigningKey(seed: seed) else {
            throw .notAWitness(path: folder.path, reason: "witness.key is missing or damaged")
        }
        guard let heads = FileManager.default.contents(atPath: stateFile.path)
            .flatMap({ try? JSONDecoder().decode([String: Head].self, from: $0) }) else {
            throw .notAWitness(path: folder.path, reason: "state.json is missing or damaged")
        }
        return (configuration, key, heads)
    }

    /// Replaces the state durably.
    func save(_ heads: [String: Head]) throws(WitnessError) {
        try write(Self.encoded(heads), to: stateFile, replacing: true)
    }

    private func write(_ data: Data, to file: URL, replacing: Bool) throws(WitnessError) {
        do { try DurableFiles.write(data, to: file, temporaryFolder: folder, mode: 0o600, replacing: replacing) } catch {
            throw error.alreadyExists ? .alreadyExists(path: folder.path) : .cannotWrite(error)
        }
    }

    private static func encoded(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        // Strings and integers always encode.
        return (try? encoder.encode(value)) ?? Data()
    }
}

extension WitnessFolder.Log {
    /// The log named `origin` whose checkpoints `key` signs.
    public init(origin: String, key: Ed25519PublicKey) {
        self.origin = origin
        publicKey = key.rawRepresentation.base64EncodedString()
    }

    var key: Ed25519PublicKey? { Data(base64Encoded: publicKey).flatMap { try? Ed25519PublicKey(rawRepresentation: $0) } }
}
