import Foundation
import XML

/// What the archive needs to know about a record to file it: whose it is, where the pupil
/// is, which document and which date. Read from the shared record model of
/// `Schemas/common.xsd` (root attributes `id`, `version`, `jurisdiction`; `header/issuedDate`;
/// `pupil`; `school`), so a new kind or jurisdiction needs no change here.
struct RecordFacts: Sendable {
    let kind: String
    let recordId: String
    let recordVersion: String
    let issued: String?
    let identity: PupilIdentity
    let placement: PupilPlacement
    /// What says which deadlines apply to the pupil (kept in clear in the index: ``DueFacts``).
    let due: DueFacts

    /// The facts of a validated record of `kind`; `nil` when it carries no pupil.
    init?(tree: XMLTree, kind: String) {
        let root = tree.rootElement()
        guard let pupil = root.children(named: "pupil").first,
              let jurisdiction = root.attribute("jurisdiction"), let recordId = root.attribute("id") else { return nil }
        let name = pupil.children(named: "name").first
        let school = root.children(named: "school").first
        self.kind = kind
        self.recordId = recordId
        self.recordVersion = root.attribute("version") ?? "1"
        self.issued = root.children(named: "header").first?.child("issuedDate")
        self.identity = PupilIdentity(
            nationalId: pupil.children(named: "nationalId").first?.children.first?.text.trimmed,
            family: name?.child("family") ?? "", given: name?.child("given") ?? "",
            romanised: name?.child("romanised"), birthDate: pupil.child("birthDate") ?? "")
        self.placement = PupilPlacement(jurisdiction: jurisdiction, schoolCode: school?.child("code"),
                                        schoolName: school?.child("name"), district: school?.child("district"))
        self.due = DueFacts(tree: tree, kind: kind, issued: issued)
    }
}

/// Who a pupil is: kept only encrypted, or as keyed tokens.
struct PupilIdentity: Sendable, Codable, Equatable {
    let nationalId: String?
    let family: String
    let given: String
    let romanised: String?
    let birthDate: String
}

private extension XMLElement {
    func child(_ name: String) -> String? { children(named: name).first?.text.trimmed }
}

private extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
