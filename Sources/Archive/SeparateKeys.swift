import Cryptography
import Foundation

/// The keys a format-2 archive keeps wrapped under its master key in the index's `keys` table,
/// one row each, beside the scope keys: random, so that none derives from another.
struct SeparateKeys: Sendable {
    let blindIndex: SymmetricKey
    let policySeal: SymmetricKey
    let contentTokens: SymmetricKey
    let notes: SymmetricKey
    let enrolmentSeal: SymmetricKey
    /// What the log's seal and checkpoint keys derive from (unchanged by a migration or a rekey,
    /// so the log continues).
    let logRoot: SymmetricKey

    /// The names of the rows, in the order of ``all``.
    static let names = ["blind-index", "policy-seal", "content-tokens", "notes", "enrolment-seal", "log-root"]

    var all: [SymmetricKey] { [blindIndex, policySeal, contentTokens, notes, enrolmentSeal, logRoot] }

    init(blindIndex: SymmetricKey, policySeal: SymmetricKey, contentTokens: SymmetricKey, notes: SymmetricKey,
         enrolmentSeal: SymmetricKey, logRoot: SymmetricKey) {
        self.blindIndex = blindIndex
        self.policySeal = policySeal
        self.contentTokens = contentTokens
        self.notes = notes
        self.enrolmentSeal = enrolmentSeal
        self.logRoot = logRoot
    }

    /// Fresh random keys, for a new archive.
    static func random() throws(CryptographyError) -> SeparateKeys {
        SeparateKeys(blindIndex: try .random(), policySeal: try .random(), contentTokens: try .random(), notes: try .random(),
                    enrolmentSeal: try .random(), logRoot: try .random())
    }

    /// The keys a format-1 archive derived from its archive key (HKDF-SHA-256, one label each), which
    /// `archive migrate` keeps, so blind-index tokens, content tokens, seals and the log stay valid.
    static func derived(from archiveKey: SymmetricKey) throws(CryptographyError) -> SeparateKeys {
        func derive(_ use: String) throws(CryptographyError) -> SymmetricKey { try HKDF.deriveKey(from: archiveKey, info: "inclusio archive 1: \(use)") }
        return SeparateKeys(blindIndex: try derive("blind index"), policySeal: try derive("policy seal"), contentTokens: try derive("content tokens"),
                           notes: try derive("notes"), enrolmentSeal: try derive("enrolment seal"), logRoot: archiveKey)
    }

    /// Each key wrapped under `master`, as rows of the `keys` table (name, wrapped).
    func wrapped(under master: SymmetricKey) throws(CryptographyError) -> [(name: String, wrapped: Data)] {
        var rows: [(name: String, wrapped: Data)] = []
        for (name, key) in zip(Self.names, all) {
            rows.append((name, try AESGCM.seal(key.bytes, key: master, associatedData: Binding.wrappedKey(name))))
        }
        return rows
    }

    /// The keys from the rows of the `keys` table, opened with `master`; `nil` when one is missing
    /// or does not open.
    static func unwrap(_ rows: [String: Data], master: SymmetricKey) -> SeparateKeys? {
        var keys: [SymmetricKey] = []
        for name in names {
            guard let wrapped = rows[name], let bytes = try? AESGCM.open(wrapped, key: master, associatedData: Binding.wrappedKey(name)),
                  let key = try? SymmetricKey(bytes: bytes) else { return nil }
            keys.append(key)
        }
        return SeparateKeys(blindIndex: keys[0], policySeal: keys[1], contentTokens: keys[2], notes: keys[3], enrolmentSeal: keys[4], logRoot: keys[5])
    }
}
