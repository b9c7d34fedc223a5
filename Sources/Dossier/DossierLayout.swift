import Foundation

/// The fixed names and media types of the dossier format (ASiC-E, ETSI EN 319 162-1).
enum DossierLayout {
    static let mimetypeName = "mimetype"
    static let mimetype = "application/vnd.etsi.asic-e+zip"
    static let manifest = "META-INF/ASiCManifest.xml"
    static let signature = "META-INF/signature.p7s"
    static let recipients = "META-INF/recipients.p7m"
    static let index = "META-INF/index.xml"

    /// Entries that are read before, or instead of, being covered by the manifest.
    static let unsigned: Set<String> = [mimetypeName, manifest, signature, recipients]

    /// The payload entry name for the `number`th file (1-based) with extension `ext`.
    static func payloadName(_ number: Int, ext: String) -> String {
        "data/" + String(repeating: "0", count: max(0, 4 - String(number).count)) + String(number) + "." + ext
    }

    /// Whether `name` has a shape this format writes (safe to quote in messages).
    static func isOwnShape(_ name: String) -> Bool {
        if name == index || unsigned.contains(name) { return true }
        guard name.hasPrefix("data/") else { return false }
        let parts = name.dropFirst(5).split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 2 && parts[0].count >= 4 && parts[0].allSatisfy(\.isASCIIDigit)
            && (1...5).contains(parts[1].count) && parts[1].allSatisfy { $0.isASCIIDigit || ("a"..."z").contains($0) }
    }

    /// Whether `name` is a plain relative path that stays inside the dossier.
    static func isSafe(_ name: String) -> Bool {
        guard !name.isEmpty, !name.hasPrefix("/"), !name.contains("\\"), !name.contains(":"),
              name.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) else { return false }
        return name.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { $0 != ".." && $0 != "." && !$0.isEmpty }
    }

    /// What a payload file is, from its extension: media type, entry extension, and whether
    /// to compress it (already-compressed formats are stored).
    typealias PayloadKind = (mediaType: String, entryExtension: String, compress: Bool)

    /// The extensions the format knows; any other file travels as `application/octet-stream`.
    static let payloadKinds: [String: PayloadKind] = [
        "xml": ("application/xml", "xml", true), "pdf": ("application/pdf", "pdf", false),
        "png": ("image/png", "png", false), "jpg": ("image/jpeg", "jpg", false), "jpeg": ("image/jpeg", "jpg", false),
        "tif": ("image/tiff", "tif", true), "tiff": ("image/tiff", "tif", true), "txt": ("text/plain", "txt", true),
        "csv": ("text/csv", "csv", true), "json": ("application/json", "json", true),
    ]

    static func kind(ofExtension ext: String) -> PayloadKind {
        payloadKinds[ext.lowercased()] ?? ("application/octet-stream", "bin", true)
    }
}

private extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
