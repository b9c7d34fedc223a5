/// The rules of one jurisdiction, read from `Rules/<jurisdiction>/rules.xml`.
///
/// The file is data: thresholds, criteria, citations and advice live there, and a changed file
/// changes the findings without a rebuild. Evaluating a check gives findings; it never decides.
public struct RuleBook: Sendable {
    /// The rule file, as named in messages.
    public let file: String
    public let jurisdiction: String
    /// The source texts the rules come from, by title.
    public let source: String
    /// The JP merger allocation (seed 004 II.3), when the file has one.
    public let mergerAllocation: MergerAllocationRule?
    /// What joins the values a finding measures (`、`, `, `): the jurisdiction manifest's.
    public let listSeparator: String
    let definitions: [String: RuleCondition]
    let checks: [String: RuleCheck]

    /// The record kinds the check named `check` reads, or `nil` when the file has no such check.
    public func recordKinds(forCheck check: String) -> [String]? {
        checks[check]?.recordKinds
    }

    /// Every finding of the check named `check` on `root` (a record or a school), in rule order.
    /// - Throws: ``RuleError/noCheck(check:jurisdiction:file:)``.
    public func findings(check: String, on root: FactNode) throws(RuleError) -> [Finding] {
        guard let rules = checks[check]?.rules else { throw .noCheck(check: check, jurisdiction: jurisdiction, file: file) }
        let evaluator = RuleEvaluator(definitions: definitions)
        return rules.flatMap { rule in
            let nodes = rule.scope?.nodes(context: root, scope: root) ?? [root]
            return nodes.compactMap { node -> Finding? in
                if let condition = rule.condition, !evaluator.holds(condition, at: node, scope: node) { return nil }
                return Finding(
                    rule: rule.id, kind: rule.kind, cite: rule.cite, placement: rule.placement,
                    subject: rule.label.map { $0.values(context: node, scope: node).joined(separator: " ") },
                    criterion: rule.criterion, advice: rule.advice,
                    measures: rule.measures.map { measure in
                        FindingMeasure(label: measure.label,
                                       value: evaluator.values(measure.expression, at: node, scope: node).joined(separator: listSeparator),
                                       unit: measure.unit)
                    })
            }
        }
    }
}

/// The rules of one check (`placement`, `school`).
struct RuleCheck: Sendable {
    let recordKinds: [String]
    let rules: [Rule]
}

/// One rule: where it looks, what it tests, and the finding it gives.
struct Rule: Sendable {
    struct Measure: Sendable {
        let label: String
        let unit: String?
        let expression: RuleExpression
    }

    let id: String
    let kind: Finding.Kind
    let cite: String
    let placement: String?
    /// The nodes the rule is evaluated at; `nil`: the root.
    let scope: RulePath?
    let label: RulePath?
    /// For the `record` check: the root element of the records it reads; `nil`: every record.
    let root: String?
    /// For the `record` check: the field a refusal names, from the rule's node; `nil`: the node.
    let field: RulePath?
    /// `field` as written in the rule file, for a field the record does not have.
    let fieldText: String?
    /// `nil`: the finding is always given.
    let condition: RuleCondition?
    let criterion: String
    let advice: String
    let measures: [Measure]
}
