import Foundation
import Records
import Support
import XML

extension RuleBook {
    static let namespace = "urn:inclusio:rules:1"

    /// Reads a rule file: checks it against `Schemas/rules/rules.xsd` (in `schemas`), then reads
    /// its conditions, refusing paths that do not parse, `allows` rules without a placement and
    /// definitions that refer to themselves.
    /// `listSeparator` joins the values a finding measures (the jurisdiction's, from its manifest).
    /// - Throws: ``RuleError/brokenRules(file:problems:)`` with every problem and its line.
    public static func read(_ data: Data, file: String, schemas: SchemaCatalog, listSeparator: String) throws(RuleError) -> RuleBook {
        let root: XMLElement
        do {
            let tree = try RecordError.parsing { () throws(XMLError) in try XMLTree(data: data, file: file) }
            guard tree.rootNamespace == namespace else {
                throw RuleError.brokenRules(file: file, problems: [Diagnostic(
                    line: 1, field: "", message: "the root element must be <rules xmlns=\"\(namespace)\">")])
            }
            _ = try RecordValidator(catalog: schemas).validate(tree)
            root = tree.rootElement()
        } catch let error as RuleError {
            throw error
        } catch let error as RecordError {
            throw .brokenRules(file: file, problems: error.problems.isEmpty
                ? [Diagnostic(line: 0, field: "", message: error.reason)] : error.problems.map(Self.reworded))
        } catch {
            throw .brokenRules(file: file, problems: [Diagnostic(line: 0, field: "", message: "\(error)")])
        }
        var reader = RuleFileReader()
        let book = reader.book(root, file: file, listSeparator: listSeparator)
        guard reader.problems.isEmpty else { throw .brokenRules(file: file, problems: reader.problems) }
        return book
    }
}

extension RuleBook {
    /// libxml2's words for the schema's identity constraints, said in the rule language's terms.
    static func reworded(_ problem: Diagnostic) -> Diagnostic {
        if problem.message.contains("keyref") {
            return Diagnostic(line: problem.line, field: problem.field, message: "this ref names no define; every <ref name=\"…\"/> needs a <define name=\"…\"> of the same name")
        }
        if problem.message.contains("Duplicate key-sequence") {
            return Diagnostic(line: problem.line, field: problem.field, message: "this id or name is used twice; rule ids, define names and check names must be unique")
        }
        return problem
    }
}

/// Turns a schema-valid rule file into rules, collecting what the schema cannot check.
private struct RuleFileReader {
    var problems: [Diagnostic] = []

    mutating func book(_ root: XMLElement, file: String, listSeparator: String) -> RuleBook {
        var definitions: [String: RuleCondition] = [:]
        var definitionLines: [String: Int] = [:]
        for define in root.children(named: "define") {
            let name = define.attribute("name") ?? ""
            if let only = define.children.first { definitions[name] = condition(only) }
            definitionLines[name] = define.line
        }
        for name in definitions.keys.sorted() where Self.refers(to: name, from: definitions[name]!, in: definitions, seen: []) {
            problems.append(Diagnostic(line: definitionLines[name] ?? 0, field: "define \(name)",
                                          message: "refers to itself through ref; a definition cannot depend on itself"))
        }
        var checks: [String: RuleCheck] = [:]
        for check in root.children(named: "check") {
            if check.attribute("name") == "record" {
                for rule in check.children(named: "rule") where rule.attribute("kind") != Finding.Kind.flag.rawValue {
                    problems.append(Diagnostic(line: rule.line, field: "rule \(rule.attribute("id") ?? "")",
                                               message: "the record check refuses records, so its rules must be kind=\"flag\""))
                }
            }
            let kinds = (check.attribute("records") ?? "").split(separator: " ").map(String.init)
            checks[check.attribute("name") ?? ""] = RuleCheck(recordKinds: kinds, rules: check.children(named: "rule").map { rule($0) })
        }
        return RuleBook(file: file, jurisdiction: root.attribute("jurisdiction") ?? "", source: root.attribute("source") ?? "",
                        mergerAllocation: root.children(named: "mergerAllocation").first.map(MergerAllocationRule.init),
                        listSeparator: listSeparator, definitions: definitions, checks: checks)
    }

    private mutating func rule(_ node: XMLElement) -> Rule {
        let id = node.attribute("id") ?? ""
        let kind = Finding.Kind(rawValue: node.attribute("kind") ?? "") ?? .note
        if kind == .allows, node.attribute("placement") == nil {
            problems.append(Diagnostic(line: node.line, field: "rule \(id)", message: "an allows rule needs placement=\"…\" (the placement it allows)"))
        }
        return Rule(
            id: id, kind: kind, cite: node.attribute("cite") ?? "", placement: node.attribute("placement"),
            scope: node.attribute("for").map { path($0, node) }, label: node.attribute("label").map { path($0, node) },
            root: node.attribute("root"), field: node.attribute("field").map { path($0, node) }, fieldText: node.attribute("field"),
            condition: node.children(named: "when").first?.children.first.map { condition($0) },
            criterion: Self.collapsed(node.children(named: "criterion").first?.text ?? ""),
            advice: Self.collapsed(node.children(named: "advice").first?.text ?? ""),
            measures: node.children(named: "measure").compactMap { measure in
                measure.children.first.map { Rule.Measure(label: measure.attribute("label") ?? "", unit: measure.attribute("unit"),
                                                          expression: expression($0)) }
            })
    }

    private mutating func condition(_ node: XMLElement) -> RuleCondition {
        let operands = node.children
        switch node.name {
        case "all": return .all(operands.map { condition($0) })
        case "any": return .any(operands.map { condition($0) })
        case "not": return .not(operands.first.map { condition($0) } ?? .all([]))
        case "compare":
            let op = RuleComparison(rawValue: node.attribute("op") ?? "") ?? .eq
            return .compare(op, expression(operands[0]), expression(operands[1]))
        case "in": return .member(expression(operands[0]), operands.dropFirst().map { expression($0) })
        case "startsWith": return .startsWith(expression(operands[0]), expression(operands[1]))
        case "present": return .present(path(node.attribute("path") ?? "", node))
        case "absent": return .absent(path(node.attribute("path") ?? "", node))
        default: return .reference(node.attribute("name") ?? "")
        }
    }

    private mutating func expression(_ node: XMLElement) -> RuleExpression {
        let operands = node.children
        let filter = operands.first.map { condition($0) }
        switch node.name {
        case "field": return .field(path(node.attribute("path") ?? "", node))
        case "count": return .count(path(node.attribute("path") ?? "", node), filter)
        case "distinct", "sum":
            let over = path(node.attribute("path") ?? "", node)
            guard let of = node.attribute("of") else {
                problems.append(Diagnostic(line: node.line, field: node.name, message: "needs of=\"…\": the values to \(node.name == "sum" ? "add up" : "tell apart")"))
                return .literal("")
            }
            return node.name == "sum" ? .sum(over, of: path(of, node), filter) : .distinct(over, of: path(of, node), filter)
        case "add": return .add(operands.map { expression($0) })
        case "multiply": return .multiply(operands.map { expression($0) })
        case "subtract": return .subtract(expression(operands[0]), expression(operands[1]))
        case "divide": return .divide(expression(operands[0]), expression(operands[1]))
        case "addMonths": return .addMonths(Int(node.attribute("months") ?? "") ?? 0, expression(operands[0]))
        case "concat": return .concat(operands.map { expression($0) })
        case "yearOf": return .yearOf(expression(operands[0]))
        default: return .literal(node.text)
        }
    }

    private mutating func path(_ text: String, _ node: XMLElement) -> RulePath {
        if let path = RulePath(text) { return path }
        problems.append(Diagnostic(line: node.line, field: node.name, message: "\"\(text)\" is not a path (steps such as jp/disabilityType, ../class, pupil/@category, $/@year)"))
        return RulePath(".")!
    }

    private static func refers(to name: String, from condition: RuleCondition, in definitions: [String: RuleCondition], seen: Set<String>) -> Bool {
        if case let .reference(target) = condition {
            if target == name { return true }
            guard !seen.contains(target), let next = definitions[target] else { return false }
            return refers(to: name, from: next, in: definitions, seen: seen.union([target]))
        }
        return inner(condition).contains { refers(to: name, from: $0, in: definitions, seen: seen) }
    }

    /// The conditions directly inside `condition`, those of count/distinct/sum filters included.
    private static func inner(_ condition: RuleCondition) -> [RuleCondition] {
        switch condition {
        case let .all(list), let .any(list): list
        case let .not(inner): [inner]
        case let .compare(_, a, b), let .startsWith(a, b): filters(a) + filters(b)
        case let .member(a, set): ([a] + set).flatMap(filters)
        case .present, .absent, .reference: []
        }
    }

    private static func filters(_ expression: RuleExpression) -> [RuleCondition] {
        switch expression {
        case let .count(_, filter), let .distinct(_, _, filter), let .sum(_, _, filter): filter.map { [$0] } ?? []
        case let .add(list), let .multiply(list): list.flatMap(filters)
        case let .subtract(a, b), let .divide(a, b): filters(a) + filters(b)
        case let .addMonths(_, inner), let .yearOf(inner): filters(inner)
        case let .concat(list): list.flatMap(filters)
        case .field, .literal: []
        }
    }

    /// Text with runs of white space (line breaks in the file) made one space.
    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
