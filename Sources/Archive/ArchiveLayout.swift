import Foundation

/// The files of an archive folder. Names carry no personal data: blobs are named by the
/// SHA-256 of their ciphertext, operators' key files by operator id.
struct ArchiveLayout: Sendable {
    let root: URL

    var index: URL { root.appendingPathComponent("index.sqlite") }
    var policy: URL { root.appendingPathComponent("policy.xml") }
    var keys: URL { root.appendingPathComponent("keys", isDirectory: true) }
    var operatorKeys: URL { keys.appendingPathComponent("operators", isDirectory: true) }
    var blobs: URL { root.appendingPathComponent("blobs", isDirectory: true) }
    var log: URL { root.appendingPathComponent("log", isDirectory: true) }
    /// The checkpoint signing key's public half, for auditors and outside tools.
    var checkpointKey: URL { log.appendingPathComponent("checkpoint-key.pem") }
    /// Hidden temporaries of blobs being written; a crash may leave some, `check` reports them.
    var temporary: URL { root.appendingPathComponent("tmp", isDirectory: true) }

    /// Everything `init` creates, the index last (its presence marks a complete archive).
    static let created = ["keys", "blobs", "log", "tmp", "policy.xml", "index.sqlite"]

    /// The key file of `op`: a CMS envelope for a certificate, an scrypt seal for a passphrase.
    func operatorKey(_ op: String, _ credential: ArchivePolicy.Credential) -> URL {
        operatorKeys.appendingPathComponent(op + (credential == .certificate ? ".p7m" : ".scrypt"))
    }

    /// A served archive's key, sealed under the custodians' passphrase (scrypt N = 2^17).
    var custodianKey: URL { keys.appendingPathComponent("custodian.scrypt") }

    /// What a served archive knows of operator `op`: their certificate or a passphrase verifier,
    /// sealed against changes; nothing in it opens a key.
    func enrolment(_ op: String) -> URL { operatorKeys.appendingPathComponent(op + ".enrolment") }

    /// Where the blob with ciphertext digest `digest` (hex) lives.
    func blob(_ digest: String) -> URL {
        blobs.appendingPathComponent(String(digest.prefix(2)), isDirectory: true).appendingPathComponent(digest)
    }
}
