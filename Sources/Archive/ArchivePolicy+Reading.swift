import Foundation
import Records
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
        let (purposes, pattern) = try readPurposes(root, roles: roles, file: file)
        return ArchivePolicy(roles: roles, operators: operators, retentionYears: retention, minimumPassphraseLength: minimum,
                             purposes: purposes, referencePattern: pattern, data: data)
    }

    private static func words(_ list: String?) -> [String] {
        (list ?? "").split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).map(String.init)
    }
}
