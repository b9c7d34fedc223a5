import Cryptography
import Foundation
import Support

/// One pass over a dossier: structure, signature, manifest coverage, then (with the
/// password) every entry's content against its signed digest. Used by verify and open.
struct DossierInspection {
    let origin: ZipOrigin
    let file: String
    let limits: DossierLimits
    let reader: ZipReader
    let entries: [String: ZipReader.Entry]
    let manifest: ASiCManifest
    let signer: CMSSignature.Signer
    /// The key envelope, matched to the digest the signed manifest gives for it (`nil` when there is none).
    let envelope: Data?

    /// Opens the dossier at `origin` and checks everything that needs no key.
    init(_ origin: ZipOrigin, file: String, roots: [Certificate], at time: Date?, limits: DossierLimits) throws(DossierError) {
        self.origin = origin
        self.file = file
        self.limits = limits
        do {
            reader = try origin.open()
        } catch {
            guard !error.isUnopenable else { throw .unreadable(file: file) }
            // libzip refuses repeated names as "inconsistent"; name that case precisely.
            if let names = try? origin.open(consistent: false).entries.map({ $0.name?.lowercased() }),
               let repeated = names.indices.first(where: { names[..<$0].contains(names[$0]) }) {
                throw .duplicateEntry(position: repeated + 1)
            }
            throw .damaged(file: file, reason: error.message.lowercased())
        }
        entries = try Self.checkStructure(reader, limits: limits)
        let manifestData = try Self.read(DossierLayout.manifest, in: reader, entries: entries, limit: limits.metadataSize)
        let signatureData = try Self.read(DossierLayout.signature, in: reader, entries: entries, limit: limits.metadataSize)
        do {
            signer = try CMSSignature.verify(signatureData, content: manifestData, roots: roots, at: time)
        } catch {
            throw .cryptography(error)
        }
        manifest = try ASiCManifest(parsing: manifestData)
        try Self.checkCoverage(of: manifest, in: reader, entries: entries)
        envelope = try Self.checkEnvelope(of: manifest, in: reader, entries: entries, limits: limits)
    }

    /// The envelope, when there is one: the signed manifest must name the addressees and the
    /// envelope's digest, so that no recipient can re-address the dossier by re-wrapping its password.
    private static func checkEnvelope(of manifest: ASiCManifest, in reader: ZipReader, entries: [String: ZipReader.Entry],
                                      limits: DossierLimits) throws(DossierError) -> Data? {
        guard entries[DossierLayout.recipients] != nil else { return nil }
        let envelope = try read(DossierLayout.recipients, in: reader, entries: entries, limit: limits.metadataSize)
        guard let addressees = manifest.addressees else { throw .addresseesNotSigned }
        guard SHA256.digest(envelope) == addressees.envelope else { throw .envelopeReplaced }
        return envelope
    }

    /// The zip's entries by name, after the checks that protect the reader: the `mimetype`
    /// entry, safe and unique names, and the size and ratio limits.
    private static func checkStructure(_ reader: ZipReader, limits: DossierLimits) throws(DossierError) -> [String: ZipReader.Entry] {
        let all = reader.entries
        guard let first = all.first else { throw .notADossier(reason: "it is empty") }
        guard all.count <= limits.entries else { throw .notADossier(reason: "it has more than \(limits.entries) entries") }
        guard first.name == DossierLayout.mimetypeName else { throw .notADossier(reason: "its first entry is not 'mimetype'") }
        guard first.stored, !first.encrypted, reader.extraFieldCount(first.index) == 0 else {
            throw .notADossier(reason: "'mimetype' must be stored uncompressed, unencrypted and without extra fields")
        }
        var byName: [String: ZipReader.Entry] = [:]
        var folded: Set<String> = []
        var total: UInt64 = 0
        for entry in all {
            let position = entry.index + 1
            guard let name = entry.name, DossierLayout.isSafe(name) else { throw .unsafeEntryName(position: position) }
            guard folded.insert(name.lowercased()).inserted else { throw .duplicateEntry(position: position) }
            guard entry.size <= limits.entrySize else { throw .bomb(position: position, reason: "is larger than \(limits.entrySize >> 20) MiB") }
            total += entry.size
            guard total <= limits.totalSize else { throw .bomb(position: position, reason: "takes the dossier past \(limits.totalSize >> 20) MiB") }
            if entry.size > limits.ratioFloor && entry.size / max(entry.compressedSize, 1) > limits.ratio {
                throw .bomb(position: position, reason: "expands more than \(limits.ratio) times")
            }
            byName[name] = entry
        }
        let mimetype = try read(DossierLayout.mimetypeName, in: reader, entries: byName, limit: 256)
        guard mimetype == Data(DossierLayout.mimetype.utf8) else { throw .notADossier(reason: "'mimetype' does not say \(DossierLayout.mimetype)") }
        for required in [DossierLayout.manifest, DossierLayout.signature] where byName[required] == nil {
            throw .notADossier(reason: "it has no \(required)")
        }
        for plain in [DossierLayout.manifest, DossierLayout.signature, DossierLayout.recipients] where byName[plain]?.encrypted == true {
            throw .notADossier(reason: "\(plain) must not be encrypted")
        }
        return byName
    }

    /// Every manifest reference is a distinct entry of the format that exists; every other
    /// entry is covered; encrypted entries come with a key envelope.
    private static func checkCoverage(of manifest: ASiCManifest, in reader: ZipReader, entries: [String: ZipReader.Entry]) throws(DossierError) {
        guard manifest.signatureURI == DossierLayout.signature else {
            throw .malformedManifest(reason: "its SigReference does not name \(DossierLayout.signature)")
        }
        var referenced: Set<String> = []
        for reference in manifest.references {
            guard DossierLayout.isOwnShape(reference.uri), !DossierLayout.unsigned.contains(reference.uri) else {
                throw .malformedManifest(reason: "it references an entry outside the dossier format")
            }
            guard referenced.insert(reference.uri).inserted else { throw .malformedManifest(reason: "it lists \(reference.uri) twice") }
            guard entries[reference.uri] != nil else { throw .missingEntry(name: reference.uri) }
        }
        for entry in reader.entries {
            guard let name = entry.name, !DossierLayout.unsigned.contains(name), !referenced.contains(name) else { continue }
            throw .notInManifest(position: entry.index + 1, name: DossierLayout.isOwnShape(name) ? name : nil)
        }
        if manifest.references.contains(where: { entries[$0.uri]!.encrypted }) && entries[DossierLayout.recipients] == nil {
            throw .notADossier(reason: "its entries are encrypted but it has no \(DossierLayout.recipients)")
        }
    }

    /// Whether any covered entry is encrypted.
    var encrypted: Bool { manifest.references.contains { entries[$0.uri]!.encrypted } }

    /// The password, from the envelope, with `key`, which must be one of the signed addressees.
    func password(with key: DossierKey) throws(DossierError) -> String {
        guard let envelope, let addressees = manifest.addressees else { throw .missingEntry(name: DossierLayout.recipients) }
        try key.check(addressedBy: addressees)
        return try key.unwrap(envelope)
    }

    /// Reads a small entry whole.
    static func read(_ name: String, in reader: ZipReader, entries: [String: ZipReader.Entry], limit: UInt64) throws(DossierError) -> Data {
        guard let entry = entries[name] else { throw .missingEntry(name: name) }
        guard entry.size <= limit else { throw .bomb(position: entry.index + 1, reason: "is larger than \(limit >> 20) MiB") }
        do {
            return try reader.data(entry.index, limit: min(entry.size, limit))
        } catch {
            throw Self.readFailure(error, name: name)
        }
    }

    /// A read failure as the clerk should hear it.
    static func readFailure(_ error: any Error, name: String) -> DossierError {
        if let failure = error as? ZipFailure {
            return failure.isPassword ? .wrongPassword : .damagedEntry(name: name, reason: failure.message.lowercased())
        }
        if let error = error as? DossierError { return error }
        return .damagedEntry(name: name, reason: "it holds more data than it declares")
    }
}
