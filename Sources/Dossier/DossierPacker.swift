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
        return try write(payload.map { ($0.0, $0.1) }, sources: files.map { .file($0.url, name: $0.name) }, handover: nil, to: output, at: time)
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
