import Foundation

/// How a dossier begins, for telling one from other files by its bytes alone.
///
/// An ASiC-E container starts with its `mimetype` entry, stored (not compressed) and without
/// extra fields, holding `application/vnd.etsi.asic-e+zip` (ETSI EN 319 162-1, A.1), so the
/// media type can be read at a fixed place in the first zip local header (APPNOTE 4.3.7).
/// This says what the file claims to be; ``DossierVerifier`` says whether it is sound.
public enum DossierPrefix {
    /// Whether `bytes` start like a dossier.
    public static func matches(_ bytes: Data) -> Bool {
        let name = DossierLayout.mimetypeName.utf8, mimetype = DossierLayout.mimetype.utf8
        let head = [UInt8](bytes.prefix(30 + name.count + mimetype.count))
        guard head.count == 30 + name.count + mimetype.count, head.starts(with: [0x50, 0x4B, 0x03, 0x04]) else { return false }
        func uint16(_ at: Int) -> Int { Int(head[at]) | Int(head[at + 1]) << 8 }
        // Compression method 0 (stored), name length, no extra field; then the name and the content.
        return uint16(8) == 0 && uint16(26) == name.count && uint16(28) == 0
            && head[30..<(30 + name.count)].elementsEqual(name) && head[(30 + name.count)...].elementsEqual(mimetype)
    }
}
