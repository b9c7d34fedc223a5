import Cryptography
import Foundation
import Support

extension DossierInspection {
    /// What reading the contents gave.
    struct Contents {
        /// Entries whose digest matched.
        var checked: Set<String> = []
        /// The decrypted index, when read.
        var index: Data?
        /// Payload entries written to hidden temporaries (when extracting), by entry name.
        var extracted: [String: URL] = [:]
        /// Payload entries kept in memory (when asked), by entry name.
        var payload: [String: Data] = [:]
    }

    /// Reads every covered entry that `password` (or no encryption) allows, on two workers,
    /// each with its own reader, and checks it against its signed digest. With `directory`,
    /// payload entries are also written to hidden temporaries there; on failure they are removed.
    /// With `keepingPayload`, payload entries are kept in memory instead.
    /// - Throws: ``DossierError/digestMismatch(name:)``, ``DossierError/damagedEntry(name:reason:)``,
    ///   ``DossierError/wrongPassword``, ``DossierError/cannotWrite(_:)``.
    func readContents(password: String?, extractingInto directory: URL?, keepingPayload: Bool = false) throws(DossierError) -> Contents {
        let (origin, entries, limits) = (origin, entries, limits)
        let references = manifest.references.filter { password != nil || !entries[$0.uri]!.encrypted }
        let token = AtomicFiles.token()
        let outcomes = ConcurrentSlots<Result<(Data?, URL?), DossierError>>(count: references.count)
        let workers = min(2, references.count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let reader: ZipReader
            do { reader = try origin.open() } catch {
                for index in stride(from: worker, to: references.count, by: workers) {
                    outcomes[index] = .failure(DossierInspection.readFailure(error, name: references[index].uri))
                }
                return
            }
            for index in stride(from: worker, to: references.count, by: workers) {
                let reference = references[index], entry = entries[reference.uri]!
                let isIndex = reference.uri == DossierLayout.index
                let target = isIndex ? nil : directory.map {
                    AtomicFiles.temporary(for: $0.appendingPathComponent(reference.uri.replacingOccurrences(of: "/", with: "-")), token: token)
                }
                outcomes[index] = Result { () throws(DossierError) in
                    let data = try Self.check(reference, entry: entry, in: reader, password: password, limits: limits,
                                              keep: isIndex || keepingPayload, writingTo: target)
                    return (data, target)
                }
            }
        }
        var contents = Contents()
        var failure: DossierError?
        for (index, reference) in references.enumerated() {
            switch outcomes[index]! {
            case let .success((data, target)):
                contents.checked.insert(reference.uri)
                if let data { if reference.uri == DossierLayout.index { contents.index = data } else { contents.payload[reference.uri] = data } }
                if let target { contents.extracted[reference.uri] = target }
            case let .failure(error):
                failure = failure ?? error
            }
        }
        if let failure {
            for case let .success((_, target?)) in (0..<references.count).compactMap({ outcomes[$0] }) { unlink(target.path) }
            throw failure
        }
        return contents
    }

    /// Streams one entry through SHA-256 (keeping it in memory with `keep`, or writing it to
    /// `target`) and compares the digest; returns the kept bytes.
    private static func check(_ reference: ASiCManifest.Reference, entry: ZipReader.Entry, in reader: ZipReader, password: String?,
                              limits: DossierLimits, keep: Bool, writingTo target: URL?) throws(DossierError) -> Data? {
        if reference.uri == DossierLayout.index && entry.size > limits.metadataSize { throw .bomb(position: entry.index + 1, reason: "is larger than \(limits.metadataSize >> 20) MiB") }
        let hasher = SHA256Hasher()
        var kept = Data()
        var descriptor: Int32 = -1
        if let target {
            descriptor = open(target.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else { throw .cannotWrite(FileWriteError(path: target.deletingLastPathComponent().path, reason: String(cString: strerror(errno)))) }
        }
        defer { if descriptor >= 0 { close(descriptor) } }
        do {
            let limit = min(entry.size, limits.entrySize)
            let consume = { (bytes: UnsafeRawBufferPointer) throws in
                hasher.update(bytes)
                if keep { kept.append(contentsOf: bytes) }
                if descriptor >= 0, let code = AtomicFiles.writeAll(descriptor, bytes) {
                    throw DossierError.cannotWrite(FileWriteError(path: target!.deletingLastPathComponent().path, reason: String(cString: strerror(code))))
                }
            }
            if let password, entry.encrypted {
                try EncryptedEntryReader.read(entry, from: reader, password: password, limit: limit, into: consume)
            } else {
                try reader.read(entry.index, limit: limit, into: consume)
            }
        } catch {
            if let target { unlink(target.path) }
            throw readFailure(error, name: reference.uri)
        }
        guard hasher.finalize() == reference.digest else {
            if let target { unlink(target.path) }
            throw .digestMismatch(name: reference.uri)
        }
        return keep ? kept : nil
    }
}
