import Cryptography
import Foundation

/// What verifying a dossier established.
public struct DossierReport: Sendable {
    /// One entry covered by the signed manifest.
    public struct Entry: Sendable {
        public let name: String
        public let mediaType: String
        /// Uncompressed size as the zip declares it.
        public let size: UInt64
        /// Whether the entry's content was read and matched its signed digest.
        public let digestChecked: Bool
        /// What the encrypted index says the entry is, when it could be read.
        public let described: DossierEntry?
    }

    /// The dossier file as named by the caller.
    public let file: String
    /// The signer, whose signature and chain verified.
    public let signer: CMSSignature.Signer
    /// Payload entries, in manifest order (the index is not listed).
    public let entries: [Entry]
    /// Whether the entries are encrypted.
    public let encrypted: Bool
    /// The transfer the encrypted index declares (read only with a key).
    public let handover: DossierHandover?

    /// Whether every entry's digest was checked (false when encrypted and no key was given).
    public var contentsChecked: Bool { entries.allSatisfy(\.digestChecked) }
}
