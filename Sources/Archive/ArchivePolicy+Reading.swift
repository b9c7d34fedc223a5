import AuditLog
import Foundation
import Records
import WitnessClient
import XML

extension ArchivePolicy {
    static let namespace = "urn:inclusio:policy:1"
    /// The minimum passphrase length when the policy sets none.
    public static let defaultMinimumPassphraseLength = 12

    /// Reads and validates a policy file against `Schemas/archive/policy.xsd`.
    /// - Throws: ``ArchiveError/invalidPolicy(file:reason:)`` naming every problem with its line.
    public static func read(_ data: Data, file: String, schemas: SchemaCatalog) throws(ArchiveError) -> ArchivePolicy {
        let tree: XMLTree
        do { tree = try RecordValidator(catalog: schemas).tree(data: data, file: file, namespace: namespace) } catch {
            throw .invalidPolicy(file: file, reason: error.reason)
        }
        let root = tree.rootElement()
        var roles: [String: Role] = [:]
        for role in root.children(named: "role") {
            let permits = role.children(named: "permit").map { permit in
                Permit(actions: Set(words(permit.attribute("actions")).compactMap(Action.init(rawValue:))),
                       kinds: permit.attribute("kinds").map { Set(words($0)) })
            }
            roles[role.attribute("id")!] = Role(id: role.attribute("id")!, name: role.attribute("name")!, permits: permits)
        }
        var operators: [String: Operator] = [:]
        for op in root.children(named: "operator") {
            let scopes = op.children(named: "scope").map {
                Scope(jurisdiction: $0.attribute("jurisdiction"), school: $0.attribute("school"), district: $0.attribute("district"))
            }
            // The schema's keyref guarantees the role exists and the enumeration the credential.
            operators[op.attribute("id")!] = Operator(
                id: op.attribute("id")!, name: op.attribute("name")!, organisation: op.attribute("organisation")!,
                role: roles[op.attribute("role")!]!, credential: Credential(rawValue: op.attribute("credential")!)!, scopes: scopes)
        }
        var retention: [String: Int] = [:]
        for keep in root.children(named: "retention") {
            retention[keep.attribute("kind")!] = Int(keep.attribute("years")!.trimmingCharacters(in: .whitespaces)) ?? Int.max
        }
        guard operators.values.contains(where: { $0.role.permits.contains { $0.actions.contains(.policy) } }) else {
            throw .invalidPolicy(file: file, reason: "no operator's role permits \"policy\"; keep at least one administrator, or nobody could change the policy again.")
        }
        let minimum = root.children(named: "passphrases").first?.attribute("minimum-length")
            .flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? defaultMinimumPassphraseLength
        let (classes, rest) = try keyClasses(root.children(named: "key-class").map { ($0.attribute("id")!, $0.attribute("kinds").map(words)) }, file: file)
        let (witnesses, quorum) = try witnesses(root.children(named: "witnesses").first, file: file)
        let (purposes, pattern) = try readPurposes(root, roles: roles, file: file)
        return ArchivePolicy(roles: roles, operators: operators, retentionYears: retention, minimumPassphraseLength: minimum,
                             keyClasses: classes, restKeyClass: rest, witnesses: witnesses, witnessQuorum: quorum,
                             purposes: purposes, referencePattern: pattern, data: data)
    }

    /// The class of each kind the `<key-class>` elements name, and the class of the rest (the one
    /// without `kinds`; ``singleKeyClass`` when the policy declares none).
    private static func keyClasses(_ declared: [(id: String, kinds: [String]?)], file: String) throws(ArchiveError) -> ([String: String], String) {
        guard !declared.isEmpty else { return ([:], singleKeyClass) }
        let rests = declared.filter { $0.kinds == nil }.map(\.id)
        guard rests.count == 1 else {
            throw .invalidPolicy(file: file, reason: "exactly one <key-class> must have no \"kinds\" (it keeps every other kind and the pupils' identities); \(rests.count) have none.")
        }
        var classes: [String: String] = [:]
        for (id, kinds) in declared {
            for kind in kinds ?? [] {
                if let other = classes[kind], other != id {
                    throw .invalidPolicy(file: file, reason: "kind \"\(kind)\" is in two key classes (\(other), \(id)); a kind has one class.")
                }
                classes[kind] = id
            }
        }
        return (classes, rests[0])
    }

    /// The `<witnesses>` element's witnesses and quorum (none and 0 without it).
    private static func witnesses(_ element: XMLElement?, file: String) throws(ArchiveError) -> ([WitnessEndpoint], Int) {
        guard let element else { return ([], 0) }
        var witnesses: [WitnessEndpoint] = []
        for (index, witness) in element.children(named: "witness").enumerated() {
            let name = witness.attribute("name") ?? ""
            guard let key = WitnessKey(verifierKey: witness.attribute("key") ?? ""), key.name == name else {
                throw .invalidPolicy(file: file, reason: "witness \(index + 1): its key is not the verifier key `inclusio witness init` printed for a witness of that name")
            }
            // The schema's pattern guarantees an https URL.
            witnesses.append(WitnessEndpoint(key: key, url: URL(string: witness.attribute("url") ?? "")!))
        }
        let quorum = Int(element.attribute("quorum")?.trimmingCharacters(in: .whitespaces) ?? "") ?? Int.max
        guard quorum <= witnesses.count else {
            throw .invalidPolicy(file: file, reason: "the witnesses' quorum is \(quorum) but only \(witnesses.count) witness(es) are listed")
        }
        return (witnesses, quorum)
    }

    private static func words(_ list: String?) -> [String] {
        (list ?? "").split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).map(String.init)
    }
}
