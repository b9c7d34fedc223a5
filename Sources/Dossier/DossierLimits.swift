/// Bounds a dossier must stay within; anything beyond is refused before it is unpacked, and the
/// packer keeps to them (an entry that would compress past ``ratio`` is stored).
public struct DossierLimits: Sendable {
    /// Most entries in one dossier.
    public var entries: Int
    /// Largest uncompressed entry, in bytes.
    public var entrySize: UInt64
    /// Largest total uncompressed size, in bytes.
    public var totalSize: UInt64
    /// Highest uncompressed ÷ compressed ratio for an entry over ``ratioFloor`` bytes.
    public var ratio: UInt64
    /// Entries up to this size are not judged by ratio (a small XML compresses well).
    public var ratioFloor: UInt64
    /// Largest manifest, signature, envelope or index, in bytes.
    public var metadataSize: UInt64
    /// Fewest characters of a passphrase a dossier is packed for (the archive policy's default minimum).
    public var passphraseLength: Int

    /// Ten thousand entries, 2 GiB each, 8 GiB in all, ratio 200 above 1 MiB, metadata 16 MiB,
    /// passphrases of at least 12 characters.
    public static let standard = DossierLimits(entries: 10_000, entrySize: 2 << 30, totalSize: 8 << 30,
                                               ratio: 200, ratioFloor: 1 << 20, metadataSize: 16 << 20, passphraseLength: 12)
}
