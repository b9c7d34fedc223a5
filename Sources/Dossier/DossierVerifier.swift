import Cryptography
import Foundation
import Support

/// Verifies dossiers, and opens those that verify.
///
/// Without a key, verification covers the structure, the signature and its chain, and the
/// manifest's coverage of every entry; the digests of encrypted entries need the password,
/// so the report says they were not checked. With a key, every digest is checked too.
public struct DossierVerifier {
    /// Trusted roots for the signer's chain.
    public let roots: [Certificate]
    /// The time at which certificates must be valid (now when `nil`).
    public let time: Date?
    public let limits: DossierLimits

    public init(roots: [Certificate], at time: Date? = nil, limits: DossierLimits = .standard) {
        self.roots = roots
        self.time = time
        self.limits = limits
    }

    /// Verifies `url` (named `file` in messages), checking digests when `key` is given.
    /// - Throws: ``DossierError`` for the first thing that does not hold.
    public func verify(_ url: URL, file: String, key: DossierKey?) throws(DossierError) -> DossierReport {
        let inspection = try DossierInspection(.file(path: url.path), file: file, roots: roots, at: time, limits: limits)
        let password = try key.map { key throws(DossierError) in try inspection.password(with: key) }
        let contents = try inspection.readContents(password: password, extractingInto: nil)
        return try report(inspection, contents)
    }

    /// Verifies `url` fully with `key`, then extracts every payload entry into `directory`
    /// under its original title. Nothing is written unless everything verifies, and no
    /// existing file is replaced.
    /// - Returns: the report and the files written, in manifest order.
    /// - Throws: ``DossierError``.
    public func open(_ url: URL, file: String, key: DossierKey, into directory: URL) throws(DossierError) -> (report: DossierReport, files: [URL]) {
        let inspection = try DossierInspection(.file(path: url.path), file: file, roots: roots, at: time, limits: limits)
        let password = try inspection.password(with: key)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(FileWriteError(path: directory.path, reason: "the folder cannot be created"))
        }
        let contents = try inspection.readContents(password: password, extractingInto: directory)
        let report: DossierReport
        do {
            report = try self.report(inspection, contents)
        } catch {
            for temporary in contents.extracted.values { unlink(temporary.path) }
            throw error
        }
        var titles = ExtractedTitles()
        let moves = report.entries.compactMap { entry -> (temporary: String, final: String)? in
            guard let temporary = contents.extracted[entry.name] else { return nil }
            let title = titles.claim(entry.described?.title, fallback: String(entry.name.dropFirst("data/".count)))
            return (temporary.path, directory.appendingPathComponent(title).path)
        }
        do {
            try AtomicFiles.moveIntoPlace(moves, replacing: false)
        } catch {
            throw .cannotWrite(error)
        }
        return (report, moves.map { URL(fileURLWithPath: $0.final) })
    }

    /// Verifies the dossier `bytes` (named `file` in messages) fully with `key` and returns every
    /// payload entry's bytes, in manifest order, without writing anything: for the archive, which
    /// keeps no plaintext on disk, and which hashes the very bytes verified for its provenance.
    /// The bytes are copied once into memory that libzip reads in place (see ``ZipBuffer``).
    /// - Throws: ``DossierError``.
    public func read(_ bytes: Data, file: String, key: DossierKey) throws(DossierError) -> (report: DossierReport, payload: [Data]) {
        let inspection = try DossierInspection(.bytes(ZipBuffer(bytes)), file: file, roots: roots, at: time, limits: limits)
        let password = try inspection.password(with: key)
        let contents = try inspection.readContents(password: password, extractingInto: nil, keepingPayload: true)
        let report = try self.report(inspection, contents)
        return (report, report.entries.map { contents.payload[$0.name] ?? Data() })
    }

    /// The report, with the index (when read) matched to the manifest.
    private func report(_ inspection: DossierInspection, _ contents: DossierInspection.Contents) throws(DossierError) -> DossierReport {
        let index = try contents.index.map { data throws(DossierError) in try DossierIndex.parse(data) }
        let described = index?.entries ?? []
        let byName = Dictionary(described.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let payload = inspection.manifest.references.filter { $0.uri != DossierLayout.index }
        if contents.index != nil {
            guard byName.count == described.count, Set(byName.keys) == Set(payload.map(\.uri)) else {
                throw .malformedIndex(reason: "it does not describe exactly the entries of the signed manifest")
            }
        }
        let entries = payload.map { reference in
            DossierReport.Entry(name: reference.uri, mediaType: reference.mediaType, size: inspection.entries[reference.uri]!.size,
                                digestChecked: contents.checked.contains(reference.uri), described: byName[reference.uri])
        }
        return DossierReport(file: inspection.file, signer: inspection.signer, entries: entries, encrypted: inspection.encrypted,
                             handover: index?.handover)
    }
}

/// Original titles made safe as file names and unique within one extraction.
struct ExtractedTitles {
    private var taken: Set<String> = []

    /// A safe, unused file name for `title` (or `fallback` when there is none usable).
    mutating func claim(_ title: String?, fallback: String) -> String {
        var name = String(String.UnicodeScalarView((title ?? "").unicodeScalars.map {
            $0.value < 0x20 || $0.value == 0x7F || $0 == "/" || $0 == "\\" ? "_" : $0
        })).trimmingCharacters(in: .whitespaces)
        if name.isEmpty || name.hasPrefix(".") || name.utf8.count > 200 { name = fallback }
        let stem = (name as NSString).deletingPathExtension, ext = (name as NSString).pathExtension
        var candidate = name, number = 2
        while !taken.insert(candidate.lowercased()).inserted {
            candidate = "\(stem) (\(number))" + (ext.isEmpty ? "" : ".\(ext)")
            number += 1
        }
        return candidate
    }
}
