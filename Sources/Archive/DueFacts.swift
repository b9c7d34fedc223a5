import Foundation
import XML

/// The few facts of a record that say which deadlines apply to its pupil, as the index keeps
/// them in clear beside the version (`versions.facts`): no name, no id, no birth date, no free
/// text; only a closed vocabulary of organisational facts, each read from one field of the
/// record model (`Schemas/placement.xsd`, `Schemas/certificate.xsd`).
///
/// Written as space-separated tokens; `""` for a record that has none (facts read, nothing to
/// say), SQL `NULL` for a version whose facts have not been read yet (an index of an earlier
/// Inclusio, or a version filed by one): those are read on the next `due` or ingest.
/// - `admission=<type>`: a placement and its admission type as the record writes it (JP 就学, 転学).
/// - `entry=YYYY-MM-DD`: the entry date (入学期日) of a first entry (就学) that is not postponed or
///   waived: the cohort's day of entry, which says the school year the pupil enters.
/// - `exempted`: the placement postpones or waives the duty to attend school (JP 猶予・免除).
/// - `wish=not-followed`: the decision does not follow the guardian's wish (002 I: `wishesRespected`
///   false, or a `wishedPlacement` other than the `placementKind`).
/// - `guardian=not-heard`: the guardian's opinion was not heard (002 I, 施行令改正 4).
/// - `certificate`: a certificate; with `revoked=YYYY-MM-DD` when it revokes the earlier one
///   (IT revoca, 003 Art.3 A.1 e): its effective date, else its issue date.
public struct DueFacts: Sendable, Equatable {
    /// Admission type of a placement; `nil` for a record that is not a placement with one.
    public var admission: String?
    public var entry: String?
    public var exempted = false
    public var wishNotFollowed = false
    public var guardianNotHeard = false
    /// Whether the record is a certificate (whose newest version says whether the pupil is still certified).
    public var certificate = false
    public var revoked: String?

    public init() {}

    /// The record kinds that have facts; every other kind's are `""` without reading it.
    static let kinds = ["placement", "certificate"]

    /// No fact at all.
    public var isEmpty: Bool { self == DueFacts() }

    /// The facts of the validated record `tree` of `kind`, `issued` on its header's date.
    init(tree: XMLTree, kind: String, issued: String?) {
        let root = tree.rootElement()
        switch kind {
        case "placement":
            guard let jp = root.children(named: "jp").first, let admission = jp.text("admissionType") else { return }
            self.admission = admission
            exempted = !jp.children(named: "exemption").isEmpty
            if admission == "就学", !exempted { entry = jp.text("entryDate") }
            if let consultation = jp.children(named: "consultation").first {
                let wished = consultation.text("wishedPlacement")
                wishNotFollowed = consultation.text("wishesRespected") == "false"
                    || (wished != nil && jp.text("placementKind") != nil && wished != jp.text("placementKind"))
                guardianNotHeard = consultation.text("guardianHeard") == "false"
            }
        case "certificate":
            certificate = true
            for variant in root.children where variant.text("certificationType") == "revoca" {
                revoked = variant.children(named: "revocation").first?.text("effectiveDate") ?? issued
            }
        default:
            return
        }
    }

    /// Reads the index's column; unknown tokens are ignored (a later Inclusio's facts).
    public init(column: String) {
        for token in column.split(separator: " ") {
            let parts = token.split(separator: "=", maxSplits: 1).map(String.init)
            let value = parts.count == 2 ? parts[1] : nil
            switch parts[0] {
            case "admission": admission = value
            case "entry": entry = value
            case "exempted": exempted = true
            case "wish": wishNotFollowed = value == "not-followed"
            case "guardian": guardianNotHeard = value == "not-heard"
            case "certificate": certificate = true
            case "revoked": revoked = value
            default: continue
            }
        }
    }

    /// The index's column.
    var column: String {
        var tokens: [String] = []
        if let admission { tokens.append("admission=\(admission)") }
        if let entry { tokens.append("entry=\(entry)") }
        if exempted { tokens.append("exempted") }
        if wishNotFollowed { tokens.append("wish=not-followed") }
        if guardianNotHeard { tokens.append("guardian=not-heard") }
        if certificate { tokens.append("certificate") }
        if let revoked { tokens.append("revoked=\(revoked)") }
        // Values come from schema-typed fields (dates, enumerations): no space can split a token.
        return tokens.filter { !$0.contains(" ") }.joined(separator: " ")
    }
}

private extension XMLElement {
    /// The trimmed text of the first child `name`, if any.
    func text(_ name: String) -> String? {
        children(named: name).first?.text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
