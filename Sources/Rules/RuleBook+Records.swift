import Support
import XML

extension RuleBook {
    /// The name of the check whose rules bind every record (`<check name="record">`).
    public static let recordCheck = "record"

    /// The binding rules of the `record` check that `record` breaks, each a problem naming the
    /// field (`iep/it/reviewSchedule/intervalMonths`) and saying, in the rule's words, what the
    /// source text requires and where it says so. Empty when the file has no `record` check.
    ///
    /// Messages are the rule's advice and citation: rule files never quote a pupil's data.
    public func violations(of record: FactNode) -> [Diagnostic] {
        guard let rules = checks[Self.recordCheck]?.rules else { return [] }
        let evaluator = RuleEvaluator(definitions: definitions)
        return rules.filter { $0.root == nil || $0.root == record.name }.flatMap { rule in
            let nodes = rule.scope?.nodes(context: record, scope: record) ?? [record]
            return nodes.compactMap { node -> Diagnostic? in
                if let condition = rule.condition, !evaluator.holds(condition, at: node, scope: node) { return nil }
                let (line, field) = Self.place(of: rule, at: node)
                return Diagnostic(line: line, field: field, message: "\(rule.advice) (\(rule.cite); rule \(rule.id))")
            }
        }
    }

    /// The line and path of the field a rule names at `node`: the first node the rule's field
    /// reaches, or the written path under `node` when the record lacks that field.
    private static func place(of rule: Rule, at node: FactNode) -> (Int, String) {
        guard let field = rule.field, let text = rule.fieldText else { return (node.line, node.path) }
        if let reached = field.nodes(context: node, scope: node).first, reached !== node || field.attribute != nil {
            let path = field.attribute.map { ElementPath.attribute($0, of: reached.path) } ?? reached.path
            return (reached.line > 0 ? reached.line : node.line, path)
        }
        // The record lacks the field: name it under the deepest part of its path that exists.
        var line = node.line, parent = node
        for step in text.split(separator: "/") {
            guard let next = parent.children.first(where: { $0.name == step }) else { break }
            parent = next
            line = next.line > 0 ? next.line : line
        }
        return (line, ElementPath.join(node.path, text))
    }
}

extension FactNode {
    /// Where the node is in its tree, as validation problems name it: `iep/goal[2]/term`.
    public var path: String {
        guard let parent else { return name }
        let siblings = parent.children.filter { $0.name == name }
        let index = (siblings.firstIndex { $0 === self } ?? 0) + 1
        return ElementPath.join(parent.path, ElementPath.segment(name, index: index, of: siblings.count))
    }
}
