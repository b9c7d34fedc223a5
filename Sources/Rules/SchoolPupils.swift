import Foundation

/// One school's pupils, gathered from their records for a check that looks at a whole school
/// (the IT staff request card).
///
/// Each pupil keeps the latest record of each kind (by issue date, then version), under the
/// record's own root element name: `<school code name year><pupil name birthDate className>
/// <certificate …/><informationSheet …/>…</pupil>…</school>`. Which kinds and fields matter is
/// the rule file's business; this only groups.
public enum SchoolPupils {
    /// The schools of `records` (record root nodes, any kinds), by school code (or name when a
    /// record has no code). A pupil belongs to the school of their latest record that names one.
    /// The latest records become children of the pupil nodes (a node has one parent).
    public static func schools(_ records: [FactNode], year: String?) -> [String: FactNode] {
        let byPupil = Dictionary(grouping: records, by: pupilKey)
        var pupilsBySchool: [String: [(name: String, school: FactNode?, node: FactNode)]] = [:]
        for (_, records) in byPupil.sorted(by: { $0.key < $1.key }) {
            let latest = Dictionary(grouping: records, by: \.name).values.compactMap { $0.max(by: isOlder) }.sorted { $0.name < $1.name }
            let newestFirst = records.sorted { isOlder($1, $0) }
            guard let school = newestFirst.lazy.compactMap({ $0.child("school") }).first,
                  let code = school.child("code")?.text ?? school.child("name")?.text else { continue }
            let pupil = newestFirst.lazy.compactMap { $0.child("pupil") }.first
            let name = pupil?.child("name").map(Self.written)
            let attributes = ["name": name ?? "", "birthDate": pupil?.child("birthDate")?.text ?? "",
                              "className": school.child("className")?.text ?? ""]
            pupilsBySchool[code, default: []].append((name ?? "", school, FactNode(name: "pupil", attributes: attributes, children: latest)))
        }
        return pupilsBySchool.mapValues { pupils in
            let school = pupils.first?.school
            var attributes = ["code": school?.child("code")?.text ?? "", "name": school?.child("name")?.text ?? ""]
            if let year { attributes["year"] = year }
            return FactNode(name: "school", attributes: attributes, children: pupils.sorted { $0.name < $1.name }.map(\.node))
        }
    }

    /// National id when the record has one, else name and birth date.
    private static func pupilKey(_ record: FactNode) -> String {
        guard let pupil = record.child("pupil") else { return "" }
        if let id = pupil.child("nationalId") { return "id:" + id.children.map(\.text).joined(separator: "|") + id.text }
        let name = pupil.child("name")
        return ["name", name?.child("family")?.text, name?.child("given")?.text, pupil.child("birthDate")?.text].map { $0 ?? "" }.joined(separator: "|")
    }

    /// Whether `a` was issued before `b` (then: has the lower version).
    private static func isOlder(_ a: FactNode, _ b: FactNode) -> Bool {
        let issued = { (node: FactNode) in node.child("header")?.child("issuedDate")?.text ?? "" }
        if issued(a) != issued(b) { return issued(a) < issued(b) }
        return Int(a.attributes["version"] ?? "") ?? 0 < Int(b.attributes["version"] ?? "") ?? 0
    }
}

extension FactNode {
    /// The first child element named `name`.
    func child(_ name: String) -> FactNode? { children.first { $0.name == name } }
}

extension SchoolPupils {
    /// A person's name as the record writes it: in its own order and with its own separator when
    /// it gives them (`order`, `separator` of a PersonName), else family name, a space, given name.
    static func written(_ name: FactNode) -> String {
        let family = name.child("family")?.text, given = name.child("given")?.text
        let separator = switch name.attributes["separator"] {
        case "none"?: ""
        case "space"?, nil: " "
        case let other?: other
        }
        let parts = name.attributes["order"] == "given-first" ? [given, family] : [family, given]
        return parts.compactMap { $0 }.joined(separator: separator)
    }
}
