import Foundation
import XML

extension ArchivePolicy {
    /// Why an operator may open a file, as the policy lists it (`<purposes>`): a code, the roles
    /// that may give it (`nil`: every role) and its label per language (BCP 47 tag).
    public struct Purpose: Sendable {
        public let code: String
        public let roles: Set<String>?
        public let labels: [String: String]

        /// The label in `language` (or its primary language), `nil` when the policy has none.
        public func label(in language: String) -> String? {
            labels[language] ?? labels.first { $0.key.split(separator: "-").first == language.split(separator: "-").first }?.value
        }
    }

    /// The purposes `op`'s role may give, by code.
    public func purposes(for op: Operator) -> [Purpose] {
        purposes.values.filter { $0.roles?.contains(op.role.id) ?? true }.sorted { $0.code < $1.code }
    }

    /// `given` (`CODE` or `CODE:REFERENCE`) checked against the purposes `op`'s role may give and
    /// the policy's reference pattern, as the log will keep it; `nil` when nothing was given.
    /// Nothing of what was typed is echoed in an error, since free text is what is refused.
    /// - Throws: ``ArchiveError/purposeNotCoded(allowed:)``, ``ArchiveError/purposeNotForRole(code:role:allowed:)``,
    ///   ``ArchiveError/caseReferenceRefused(code:pattern:)``.
    public func checkedPurpose(_ given: String?, for op: Operator) throws(ArchiveError) -> String? {
        guard let given = given?.trimmingCharacters(in: .whitespaces), !given.isEmpty else { return nil }
        let allowed = purposes(for: op).map { "\($0.code) (\($0.label(in: "en") ?? $0.code))" }
        let parts = given.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let purpose = purposes[parts[0]] else { throw .purposeNotCoded(allowed: allowed) }
        guard purpose.roles?.contains(op.role.id) ?? true else { throw .purposeNotForRole(code: purpose.code, role: op.role.id, allowed: allowed) }
        guard parts.count == 2 else { return purpose.code }
        guard let pattern = referencePattern, Self.matchesWhole(parts[1], pattern) else {
            throw .caseReferenceRefused(code: purpose.code, pattern: referencePattern)
        }
        return purpose.code + ":" + parts[1]
    }

    /// Whether `text` matches `pattern` from its first character to its last.
    static func matchesWhole(_ text: String, _ pattern: String) -> Bool {
        guard let expression = try? NSRegularExpression(pattern: "^(?:\(pattern))$") else { return false }
        return expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// The `<purposes>` of a policy's root element, and its reference pattern.
    /// - Throws: ``ArchiveError/invalidPolicy(file:reason:)`` for a role no `<role>` declares or a pattern that is no regular expression.
    static func readPurposes(_ root: XMLElement, roles: [String: Role], file: String) throws(ArchiveError) -> (purposes: [String: Purpose], pattern: String?) {
        guard let element = root.children(named: "purposes").first else { return ([:], nil) }
        let pattern = element.attribute("reference-pattern")
        if let pattern, (try? NSRegularExpression(pattern: pattern)) == nil {
            throw .invalidPolicy(file: file, reason: "line \(element.line): reference-pattern is not a regular expression.")
        }
        var purposes: [String: Purpose] = [:]
        for purpose in element.children(named: "purpose") {
            let named = purpose.attribute("roles").map { Set($0.split(whereSeparator: \.isWhitespace).map(String.init)) }
            if let unknown = named?.sorted().first(where: { roles[$0] == nil }) {
                throw .invalidPolicy(file: file, reason: "line \(purpose.line): purpose \(purpose.attribute("code") ?? "") names role \(unknown), which no <role> declares.")
            }
            var labels: [String: String] = [:]
            for label in purpose.children(named: "label") { labels[label.attribute("lang") ?? ""] = label.attribute("text") }
            let code = purpose.attribute("code") ?? ""
            purposes[code] = Purpose(code: code, roles: named, labels: labels)
        }
        return (purposes, pattern)
    }
}
