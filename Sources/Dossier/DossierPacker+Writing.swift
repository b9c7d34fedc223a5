import Cryptography
import Foundation
import Support

extension DossierPacker {
    /// Where an entry's bytes come from when the zip is written.
    enum Source {
        /// A file, with the name messages use for it.
        case file(URL, name: String)
        case data(Data)
    }

    /// Content bytes made ahead of `zip_close` on all cores; entries beyond are made one at a
    /// time while the zip is written, so memory stays near this plus the largest entry.
    static let preparedAhead: UInt64 = 512 << 20

    /// Signs the manifest of `payload` and writes the dossier (hidden temporary, then renamed).
    func write(_ payload: [(entry: DossierEntry, digest: Data)], sources: [Source], handover: DossierHandover?,
               to output: URL, at time: Date) throws(DossierError) -> Packed {
        let entries = payload.map(\.entry)
        let index = DossierIndex.render(entries, handover: handover, created: time)
        let password: String
        let manifest: Data, signature: Data, envelope: Data
        do {
            // 256 random bits, as hex: a password 7-Zip and libzip take as typed.
            password = try SecureRandom.bytes(32).hexadecimal
            envelope = try CMSEnvelope.seal(Data(password.utf8), for: recipients, passphrase: passphrase)
            // The manifest names the addressees and binds the envelope, so the signature covers both.
            let addressees = DossierAddressees(recipients: recipients.map { .init(certificate: $0.fingerprint, publicKey: $0.publicKeyFingerprint) },
                                               passphrase: passphrase != nil, envelope: SHA256.digest(envelope))
            manifest = ASiCManifest(signatureURI: DossierLayout.signature, references:
                [ASiCManifest.Reference(uri: DossierLayout.index, mediaType: "application/xml", digest: SHA256.digest(index))]
                + payload.map { ASiCManifest.Reference(uri: $0.entry.name, mediaType: $0.entry.mediaType, digest: $0.digest) },
                addressees: addressees).rendered()
            signature = try CMSSignature.sign(manifest, by: identity)
        } catch {
            throw .cryptography(error)
        }
        do {
            try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(FileWriteError(path: output.deletingLastPathComponent().path, reason: "the folder cannot be created"))
        }
        // The index, then the payload: each with its content, size and whether its kind compresses.
        let contents: [(source: Source, size: UInt64, compress: Bool)] = [(.data(index), UInt64(index.count), true)]
            + zip(sources, entries).map { ($0, $1.size, DossierLayout.kind(ofExtension: ($1.name as NSString).pathExtension).compress) }
        let made = makeAhead(contents, password: password)
        let encrypted = contents.indices.map { number in
            PreparedSource(size: contents[number].size, modified: time) {
                try made.take(number) ?? Self.make(contents[number], password: password, limits: limits)
            }
        }
        let temporary = AtomicFiles.temporary(for: output, token: AtomicFiles.token())
        do throws(ZipFailure) {
            let writer = try ZipWriter(creating: temporary.path)
            try writer.add(DossierLayout.mimetypeName, data: Data(DossierLayout.mimetype.utf8), compression: .store, modified: time)
            try writer.add(DossierLayout.manifest, data: manifest, compression: .deflate, modified: time)
            try writer.add(DossierLayout.signature, data: signature, compression: .store, modified: time)
            try writer.add(DossierLayout.recipients, data: envelope, compression: .store, modified: time)
            for (name, source) in zip([DossierLayout.index] + entries.map(\.name), encrypted) {
                try writer.add(name, prepared: source, modified: time)
            }
            try writer.close()
        } catch {
            unlink(temporary.path)
            switch encrypted.lazy.compactMap(\.failure).first {
            case let failure as DossierError: throw failure
            case let failure as CryptographyError: throw .cryptography(failure)
            case let failure as ZipFailure: throw .cannotWrite(FileWriteError(path: output.path, reason: failure.message))
            default: throw .cannotWrite(FileWriteError(path: output.path, reason: error.message))
            }
        }
        do {
            try AtomicFiles.moveIntoPlace([(temporary.path, output.path)], replacing: true)
        } catch {
            throw .cannotWrite(error)
        }
        return Packed(file: output, entries: entries, signer: identity.certificate.subject)
    }

    /// Makes the first entries, up to ``preparedAhead`` bytes of content, on all cores.
    private func makeAhead(_ contents: [(source: Source, size: UInt64, compress: Bool)], password: String) -> MadeAhead {
        var total: UInt64 = 0
        let ahead = contents.prefix { total += $0.size; return total <= Self.preparedAhead }.count
        let made = MadeAhead(count: ahead)
        let limits = limits
        DispatchQueue.concurrentPerform(iterations: ahead) { number in
            made.slots[number] = Result { try Self.make(contents[number], password: password, limits: limits) }
        }
        return made
    }

    /// One entry, deflated and encrypted; a file is read again (mapped) and must not have changed size.
    private static func make(_ content: (source: Source, size: UInt64, compress: Bool), password: String,
                             limits: DossierLimits) throws -> PreparedEntry {
        let data: Data
        switch content.source {
        case let .data(bytes): data = bytes
        case let .file(url, name):
            do { data = try Data(contentsOf: url, options: .alwaysMapped) } catch { throw DossierError.unreadableInput(file: name) }
            guard UInt64(data.count) == content.size else { throw DossierError.inputChanged(file: name) }
        }
        return try data.withUnsafeBytes { try PreparedEntry.make($0, compress: content.compress, password: password, limits: limits) }
    }
}

/// Entries made ahead of `zip_close`, each taken once (and so released) as the zip is written.
final class MadeAhead: @unchecked Sendable {
    let slots: ConcurrentSlots<Result<PreparedEntry, any Error>>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = ConcurrentSlots(count: count)
    }

    /// Entry `number`, if it was made ahead (`nil` otherwise); its slot is emptied.
    func take(_ number: Int) throws -> PreparedEntry? {
        guard number < count, let made = slots[number] else { return nil }
        slots[number] = nil
        return try made.get()
    }
}
