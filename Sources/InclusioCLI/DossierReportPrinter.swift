import Dossier
import Foundation

/// A ``DossierReport`` as a command's result: JSON, or the text below.
enum DossierReportPrinter {
    /// The report (and the files extracted from the dossier, with `footer` after the text).
    static func result(_ report: DossierReport, extracted: [URL] = [], footer: String? = nil) -> CommandResult {
        CommandResult(ReportJSON(report, extracted: extracted)) { text(report, extracted: extracted) + (footer.map { "\n" + $0 } ?? "") }
    }

    private static func text(_ report: DossierReport, extracted: [URL]) -> String {
        let signer = report.signer
        let day = { (date: Date) in date.formatted(.iso8601.year().month().day()) }
        var lines = ["Dossier \(report.file)",
                     "  signed by   \(signer.subject)",
                     "  issued by   \(signer.issuer) (trusted root); valid \(day(signer.notBefore)) to \(day(signer.notAfter))"]
        if let time = signer.signingTime { lines.append("  signed at   \(time.formatted(.iso8601))") }
        lines.append("  structure   ASiC-E; the signed manifest covers all \(report.entries.count) entries and nothing else")
        for (index, entry) in report.entries.enumerated() {
            let what = entry.described.map { described in
                [described.kind, described.document, described.version.map { "v\($0)" }].compactMap { $0 }.joined(separator: " ")
                    + "  \"\(described.title)\""
            } ?? entry.mediaType
            let written = extracted.indices.contains(index) ? extracted[index].lastPathComponent : nil
            let file = written.map { $0 == entry.described?.title ? "  (extracted)" : "  → \($0)" } ?? ""
            lines.append("  \(entry.name)  \(entry.digestChecked ? "digest matches" : "not checked   ")  \(what)\(file)")
        }
        if report.contentsChecked {
            lines.append("VERIFIED: signature, chain and every digest hold.")
        } else {
            lines.append("SIGNATURE VERIFIED; CONTENTS NOT CHECKED: the entries are encrypted. Give --key (the recipient's key) "
                         + "or --passphrase-file to check every digest.")
        }
        return lines.joined(separator: "\n")
    }

    private struct ReportJSON: Encodable {
        struct Signer: Encodable {
            let subject: String
            let issuer: String
            let fingerprint: String
            let notBefore: Date
            let notAfter: Date
            let signingTime: Date?
        }
        let file: String
        let verified: Bool
        let contentsChecked: Bool
        let encrypted: Bool
        let signer: Signer
        let entries: [EntryJSON]
        let extracted: [String]?

        init(_ report: DossierReport, extracted: [URL]) {
            let signer = report.signer
            file = report.file
            verified = true
            contentsChecked = report.contentsChecked
            encrypted = report.encrypted
            self.signer = Signer(subject: signer.subject, issuer: signer.issuer, fingerprint: signer.fingerprint,
                                 notBefore: signer.notBefore, notAfter: signer.notAfter, signingTime: signer.signingTime)
            entries = report.entries.map(EntryJSON.init)
            self.extracted = extracted.isEmpty ? nil : extracted.map(\.path)
        }
    }
}

/// One dossier entry in `--json` output.
struct EntryJSON: Encodable {
    let name: String
    let kind: String?
    let document: String?
    let version: String?
    let title: String?
    let mediaType: String
    let size: UInt64
    var digest: String?

    init(_ entry: DossierEntry) {
        (name, kind, document, version, title, mediaType, size) =
            (entry.name, entry.kind, entry.document, entry.version, entry.title, entry.mediaType, entry.size)
    }

    init(_ entry: DossierReport.Entry) {
        (name, kind, document, version, title, mediaType, size) = (entry.name, entry.described?.kind, entry.described?.document,
                                                                  entry.described?.version, entry.described?.title, entry.mediaType, entry.size)
        digest = entry.digestChecked ? "matches" : "not checked"
    }
}
