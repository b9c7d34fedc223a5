import AuditLog
import Cryptography
import Foundation

/// What `archive check` found: problems (damage that loses or endangers data) and notes
/// (harmless leftovers, such as the blob of an ingest that was interrupted before it committed).
public struct ArchiveCheckReport: Sendable, Encodable {
    public var problems: [String] = []
    public var notes: [String] = []
    public var pupils = 0
    public var versions = 0
    /// Versions whose content was decrypted and found intact (a check with credentials).
    public var decrypted = 0

    public var isSound: Bool { problems.isEmpty }
}

extension ConfidentialArchive {
    /// Checks everything that needs no key: the index's integrity, every stored blob against
    /// its recorded digest and size, leftovers, the policy copy, the access log's lines.
    public func check() -> ArchiveCheckReport {
        var report = ArchiveCheckReport()
        var filed: Set<String>?
        do {
            report.problems += try database.integrityProblems().map { "The index is damaged: \($0)" }
            report.pupils = try database.row("SELECT COUNT(*) FROM pupils")?.integer(0) ?? 0
            let rows = try database.rows("SELECT document, version, blob, blob_size FROM versions")
            report.versions = rows.count
            filed = Set(rows.map { Self.versionKey($0.text(0), $0.integer(1)) })
            var referenced: Set<String> = []
            for row in rows {
                guard let blob = row.text(2) else { continue }
                referenced.insert(blob)
                let what = "Version \(row.integer(1) ?? 0) of document \(row.text(0) ?? "")"
                guard let data = FileManager.default.contents(atPath: layout.blob(blob).path) else {
                    report.problems.append("\(what): its encrypted file blobs/\(blob.prefix(2))/\(blob) is missing.")
                    continue
                }
                if data.count != row.integer(3) || SHA256.hex(data) != blob {
                    report.problems.append("\(what): its encrypted file blobs/\(blob.prefix(2))/\(blob) was changed or damaged.")
                }
            }
            let stored = (FileManager.default.enumerator(atPath: layout.blobs.path)?.compactMap { $0 as? String } ?? [])
                .filter { $0.contains("/") }.map { String($0.split(separator: "/").last!) }
            let unreferenced = stored.filter { !referenced.contains($0) }
            if !unreferenced.isEmpty {
                report.notes.append("\(unreferenced.count) encrypted file(s) in blobs/ belong to no version (left by an interrupted ingest or shred); they cannot be decrypted and may be deleted.")
            }
        } catch {
            report.problems.append("The index cannot be read: \(error)")
        }
        let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: layout.temporary.path)) ?? []
        if !leftovers.isEmpty { report.notes.append("\(leftovers.count) temporary file(s) in tmp/ were left by an interrupted write; they hold only encrypted data.") }
        if FileManager.default.contents(atPath: layout.policy.path) != policy.data {
            report.problems.append("policy.xml differs from the policy in force; apply it or restore it (`inclusio archive policy show`).")
        }
        checkLog(&report, filed: filed)
        return report
    }

    private static func versionKey(_ document: String?, _ version: Int?) -> String { "\(document ?? "") \(version ?? 0)" }

    /// The access log verified without keys (numbering, presence of seals, chain, Merkle tree
    /// against every stored checkpoint and against the head the index recorded at its last change;
    /// `audit verify` also checks the seals); ingests it records that never committed
    /// (a crash between the log entry, written first, and the commit) are noted: nothing of them
    /// was filed. `filed` holds every version of the index (`nil` when it could not be read).
    private func checkLog(_ report: inout ArchiveCheckReport, filed: Set<String>?) {
        do {
            let verifier = try logVerifier(sealKey: nil, archiveKey: nil)
            let recorded = try recordedLogHead()
            let verification = try ConfidentialArchive.logging { () throws(AuditLogError) in try verifier.verify(recorded: recorded) }
            report.problems += verification.problems.map { "The access log is damaged or was altered: \($0). Run `inclusio audit verify` as an auditor." }
            report.notes += verification.notes
            guard let filed else { return }
            let interrupted = try ConfidentialArchive.logging { () throws(AuditLogError) in try log.events() }.filter {
                $0.action == "ingest" && $0.outcome == .granted && !filed.contains(Self.versionKey($0.document, $0.version))
            }
            if !interrupted.isEmpty {
                report.notes.append("\(interrupted.count) ingest(s) in the access log were interrupted before they committed (entries \(interrupted.prefix(10).map { "\($0.sequence)" }.joined(separator: ", "))\(interrupted.count > 10 ? ", …" : "")); nothing of them was filed.")
            }
        } catch {
            report.problems.append("\(error)")
        }
    }
}

extension ArchiveSession {
    /// ``ConfidentialArchive/check()``, then every version decrypted with its keys (for an
    /// operator whose role permits `audit`): a changed byte anywhere in a key, a sealed value
    /// or a blob is found.
    public func deepCheck() throws(ArchiveError) -> ArchiveCheckReport {
        try authorize(.audit, placement: nil, pupil: nil, target: "the archive's contents")
        custody?.commits.signCheckpoint()
        var report = archive.check()
        let pupils = try query("SELECT \(PupilRecord.columns()) FROM pupils WHERE shredded IS NULL").map(PupilRecord.init)
        for pupil in pupils {
            do {
                _ = try identity(pupil, key: try identityKey(pupil))
                let versions = try query("SELECT \(StoredVersion.columns) FROM versions v JOIN documents d ON d.id = v.document WHERE d.pseudonym = ?",
                                         [.text(pupil.pseudonym)]).map(StoredVersion.init)
                // A blob the keyless pass found changed or missing is not reported twice.
                for version in versions where !report.problems.contains(where: { $0.hasPrefix("Version \(version.version) of document \(version.document):") }) {
                    do {
                        _ = try content(of: version)
                        _ = try details(of: version)
                        report.decrypted += 1
                    } catch {
                        report.problems.append(error.description)
                    }
                }
            } catch {
                report.problems.append(error.description)
            }
        }
        try record("check")
        return report
    }
}
