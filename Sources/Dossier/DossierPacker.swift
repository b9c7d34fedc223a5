import Cryptography
import Foundation
import Records
import Support
import XML

/// Packs records, PDFs and other files into a signed, encrypted dossier (ASiC-E):
/// `mimetype` first and stored, the signed manifest of SHA-256 digests, the CAdES signature,
/// the password envelope, the encrypted index, and the payload entries encrypted with
/// WinZip AES-256 under a fresh random password.
public struct DossierPacker {
    /// Who signs.
    public let identity: SigningIdentity
    /// Who may open: certificates of the receiving schools or offices.
    public let recipients: [Certificate]
    /// A passphrase that may open as well (for a recipient without a certificate).
    public let passphrase: Data?
    /// Validates records before they are packed; XML in a record namespace must be valid.
    public let validator: RecordValidator
    public let limits: DossierLimits

    public init(identity: SigningIdentity, recipients: [Certificate], passphrase: Data?, validator: RecordValidator,
                limits: DossierLimits = .standard) {
        self.identity = identity
        self.recipients = recipients
        self.passphrase = passphrase
        self.validator = validator
        self.limits = limits
    }

    /// The file extensions packed with their own media type, for picking files out of folders.
    public static var knownExtensions: Set<String> { Set(DossierLayout.payloadKinds.keys) }

    /// What was packed.
    public struct Packed: Sendable {
        public let file: URL
        public let entries: [DossierEntry]
        public let signer: String
    }

    /// A document packed from memory (a copy taken from the archive): its original title and bytes.
    public struct Payload: Sendable {
        public let title: String
        public let data: Data

        public init(title: String, data: Data) {
            self.title = title
            self.data = data
        }
    }

    /// Packs `files` (each with the name messages use for it) into `output`, replacing it
    /// (its folder is created if missing).
    /// Nothing is written unless every file is readable and every record valid.
    /// - Throws: ``DossierError``.
    public func pack(_ files: [(url: URL, name: String)], to output: URL, at time: Date = Date()) throws(DossierError) -> Packed {
        try checkRecipients()
        let described = ConcurrentSlots<Result<(DossierEntry, Data), DossierError>>(count: files.count)
        let (validator, limits) = (validator, limits)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            described[index] = Result { () throws(DossierError) in
                try Self.describe(files[index], number: index + 1, validator: validator, limits: limits)
            }
        }
        let payload = try (0..<files.count).map { index throws(DossierError) in try described[index]!.get() }
        return try write(payload.map { ($0.0, $0.1) }, sources: files.map { .file($0.url) }, handover: nil, to: output, at: time)
    }

    /// Packs documents held in memory into `output`, replacing it, with `handover` declared in
    /// the encrypted index. Records among them are validated first; nothing is written unless
    /// every one is valid.
    /// - Throws: ``DossierError``.
    public func pack(_ documents: [Payload], handover: DossierHandover?, to output: URL, at time: Date = Date()) throws(DossierError) -> Packed {
        try checkRecipients()
        let payload = try documents.enumerated().map { number, document throws(DossierError) in
            try Self.describe(document, number: number + 1, validator: validator)
        }
        return try write(payload, sources: documents.map { .data($0.data) }, handover: handover, to: output, at: time)
    }

    /// Someone must be able to open the dossier, and a passphrase must be long enough to resist guessing.
    private func checkRecipients() throws(DossierError) {
        guard !recipients.isEmpty || passphrase != nil else { throw .noRecipient }
        if let passphrase, String(decoding: passphrase, as: UTF8.self).count < limits.passphraseLength {
            throw .weakPassphrase(minimum: limits.passphraseLength)
        }
    }

    /// Where an entry's bytes come from when the zip is written.
    private enum Source {
        case file(URL)
        case data(Data)
    }

    /// Signs the manifest of `payload` and writes the dossier (hidden temporary, then renamed).
    private func write(_ payload: [(entry: DossierEntry, digest: Data)], sources: [Source], handover: DossierHandover?,
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
        let temporary = AtomicFiles.temporary(for: output, token: AtomicFiles.token())
        let metadata = Metadata(manifest: manifest, signature: signature, envelope: envelope, index: index, password: password, time: time)
        do throws(ZipFailure) {
            // The receiver refuses an entry that expands more than the ratio limit: one that deflated
            // past it is written again, stored (rare: a blank scan, a file of zeros).
            var stored: Set<String> = []
            while true {
                try Self.writeZip(temporary.path, metadata, entries: entries, sources: sources, storing: stored)
                let expanding = try ZipReader(path: temporary.path).entries.filter {
                    $0.size > limits.ratioFloor && $0.size / max($0.compressedSize, 1) > limits.ratio
                }.compactMap(\.name)
                guard !expanding.isEmpty, !stored.isSuperset(of: expanding) else { break }
                stored.formUnion(expanding)
            }
        } catch {
            unlink(temporary.path)
            throw .cannotWrite(FileWriteError(path: output.path, reason: error.message))
        }
        do {
            try AtomicFiles.moveIntoPlace([(temporary.path, output.path)], replacing: true)
        } catch {
            throw .cannotWrite(error)
        }
        return Packed(file: output, entries: entries, signer: identity.certificate.subject)
    }

    /// What the zip carries besides the payload.
    private struct Metadata {
        let manifest: Data, signature: Data, envelope: Data, index: Data
        let password: String
        let time: Date
    }

    /// Writes the zip at `path`: metadata first, then the payload entries, deflated where their
    /// kind compresses unless named in `storing`.
    private static func writeZip(_ path: String, _ metadata: Metadata, entries: [DossierEntry], sources: [Source],
                                 storing: Set<String>) throws(ZipFailure) {
        let (password, time) = (metadata.password, metadata.time)
        let writer = try ZipWriter(creating: path)
        try writer.add(DossierLayout.mimetypeName, data: Data(DossierLayout.mimetype.utf8), compression: .store, modified: time)
        try writer.add(DossierLayout.manifest, data: metadata.manifest, compression: .deflate, modified: time)
        try writer.add(DossierLayout.signature, data: metadata.signature, compression: .store, modified: time)
        try writer.add(DossierLayout.recipients, data: metadata.envelope, compression: .store, modified: time)
        try writer.add(DossierLayout.index, data: metadata.index, compression: storing.contains(DossierLayout.index) ? .store : .deflate,
                       password: password, modified: time)
        for (source, entry) in zip(sources, entries) {
            let compress = DossierLayout.kind(ofExtension: (entry.name as NSString).pathExtension).compress && !storing.contains(entry.name)
            switch source {
            case let .file(url): try writer.add(entry.name, file: url, compression: compress ? .deflate : .store, password: password, modified: time)
            case let .data(data): try writer.add(entry.name, data: data, compression: compress ? .deflate : .store, password: password, modified: time)
            }
        }
        try writer.close()
    }

    /// The index entry and SHA-256 of a document held in memory; records are validated first.
    private static func describe(_ document: Payload, number: Int, validator: RecordValidator) throws(DossierError) -> (entry: DossierEntry, digest: Data) {
        let kind = DossierLayout.kind(ofExtension: (document.title as NSString).pathExtension)
        var record: (kind: String, tree: XMLTree)?
        if kind.entryExtension == "xml" {
            do {
                let tree = try RecordError.parsing { () throws(XMLError) in try XMLTree(data: document.data, file: document.title) }
                if validator.catalog.kind(forNamespace: tree.rootNamespace) != nil { record = (try validator.validate(tree), tree) }
            } catch {
                throw .invalidRecord(error)
            }
        }
        return (entry(number: number, title: document.title, kind: kind, record: record, size: UInt64(document.data.count)), SHA256.digest(document.data))
    }

    /// The index entry of the `number`th payload file.
    private static func entry(number: Int, title: String, kind: DossierLayout.PayloadKind, record: (kind: String, tree: XMLTree)?,
                              size: UInt64) -> DossierEntry {
        DossierEntry(name: DossierLayout.payloadName(number, ext: kind.entryExtension), title: title,
                     mediaType: kind.mediaType, kind: record?.kind ?? "attachment",
                     document: record?.tree.rootAttribute("id"), version: record?.tree.rootAttribute("version"),
                     jurisdiction: record?.tree.rootAttribute("jurisdiction"), size: size)
    }

    /// The index entry and SHA-256 of one input file; records are validated first.
    private static func describe(_ file: (url: URL, name: String), number: Int, validator: RecordValidator,
                                 limits: DossierLimits) throws(DossierError) -> (DossierEntry, Data) {
        let kind = DossierLayout.kind(ofExtension: file.url.pathExtension)
        var record: (kind: String, tree: XMLTree)?
        let digest: Data, size: UInt64
        if kind.entryExtension == "xml" {
            // Read once: the same bytes are digested and parsed.
            do {
                let data = try RecordError.parsing { () throws(XMLError) in try XMLTree.read(file.url, file: file.name) }
                (digest, size) = (SHA256.digest(data), UInt64(data.count))
                let tree = try RecordError.parsing { () throws(XMLError) in try XMLTree(data: data, file: file.name) }
                if validator.catalog.kind(forNamespace: tree.rootNamespace) != nil { record = (try validator.validate(tree), tree) }
            } catch {
                if case .xml(.unreadable) = error { throw .unreadableInput(file: file.name) }
                throw .invalidRecord(error)
            }
        } else {
            (digest, size) = try Self.digest(of: file)
            guard size <= limits.entrySize else { throw .inputTooLarge(file: file.name, limit: limits.entrySize) }
        }
        return (entry(number: number, title: file.url.lastPathComponent, kind: kind, record: record, size: size), digest)
    }

    /// SHA-256 and size of a file, read in pieces.
    private static func digest(of file: (url: URL, name: String)) throws(DossierError) -> (Data, UInt64) {
        let descriptor = open(file.url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadableInput(file: file.name) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { throw .unreadableInput(file: file.name) }
        let hasher = SHA256Hasher()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        var size: UInt64 = 0
        while true {
            let count = read(descriptor, buffer.baseAddress, buffer.count)
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw .unreadableInput(file: file.name) }
            if count == 0 { return (hasher.finalize(), size) }
            hasher.update(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
            size += UInt64(count)
        }
    }
}
