import Foundation

/// Evaluates conditions and expressions at a node, with the named conditions of a rule file.
///
/// Comparisons hold when any pair of values satisfies them, as in XPath; values compare as
/// numbers when both are numbers, else as text (ISO dates order correctly as text).
struct RuleEvaluator {
    let definitions: [String: RuleCondition]

    func holds(_ condition: RuleCondition, at context: FactNode, scope: FactNode) -> Bool {
        switch condition {
        case let .all(conditions): return conditions.allSatisfy { holds($0, at: context, scope: scope) }
        case let .any(conditions): return conditions.contains { holds($0, at: context, scope: scope) }
        case let .not(inner): return !holds(inner, at: context, scope: scope)
        case let .compare(op, left, right):
            let rights = values(right, at: context, scope: scope)
            return values(left, at: context, scope: scope).contains { a in rights.contains { b in Self.compare(a, op, b) } }
        case let .member(subject, set):
            let members = Set(set.flatMap { values($0, at: context, scope: scope) })
            return values(subject, at: context, scope: scope).contains(where: members.contains)
        case let .startsWith(subject, prefix):
            let prefixes = values(prefix, at: context, scope: scope).map(Self.squeezed)
            return values(subject, at: context, scope: scope).map(Self.squeezed).contains { text in
                prefixes.contains { !$0.isEmpty && text.hasPrefix($0) }
            }
        case let .present(path): return path.isPresent(context: context, scope: scope)
        case let .absent(path): return !path.isPresent(context: context, scope: scope)
        case let .reference(name): return definitions[name].map { holds($0, at: context, scope: scope) } ?? false
        }
    }

    func values(_ expression: RuleExpression, at context: FactNode, scope: FactNode) -> [String] {
        switch expression {
        case let .field(path): return path.values(context: context, scope: scope)
        case let .literal(text): return [text.trimmingCharacters(in: .whitespacesAndNewlines)]
        case let .count(path, filter): return [String(selected(path, filter, context, scope).count)]
        case let .distinct(path, of, filter):
            return [String(Set(selected(path, filter, context, scope).flatMap { of.values(context: $0, scope: scope) }).count)]
        case let .sum(path, of, filter):
            let numbers = selected(path, filter, context, scope).flatMap { of.values(context: $0, scope: scope) }.compactMap(Self.number)
            return [Self.format(numbers.reduce(0, +))]
        case let .add(operands): return arithmetic(operands, context, scope) { $0.reduce(0, +) }
        case let .multiply(operands): return arithmetic(operands, context, scope) { $0.reduce(1, *) }
        case let .subtract(a, b): return arithmetic([a, b], context, scope) { $0[0] - $0[1] }
        case let .divide(a, b): return arithmetic([a, b], context, scope) { $0[1] == 0 ? nil : $0[0] / $0[1] }
        case let .addMonths(months, operand):
            return values(operand, at: context, scope: scope).compactMap { Self.date($0, plusMonths: months) }
        case let .concat(operands):
            var text = ""
            for operand in operands {
                let found = values(operand, at: context, scope: scope)
                guard found.count == 1 else { return [] }
                text += found[0]
            }
            return [text]
        case let .yearOf(operand):
            return values(operand, at: context, scope: scope).compactMap { value in
                value.count >= 4 && value.prefix(4).allSatisfy { ("0"..."9").contains($0) } ? String(value.prefix(4)) : nil
            }
        }
    }

    private func selected(_ path: RulePath, _ filter: RuleCondition?, _ context: FactNode, _ scope: FactNode) -> [FactNode] {
        let nodes = path.nodes(context: context, scope: scope)
        guard let filter else { return nodes }
        return nodes.filter { holds(filter, at: $0, scope: scope) }
    }

    /// Each operand must give exactly one number; otherwise the result is no value.
    private func arithmetic(_ operands: [RuleExpression], _ context: FactNode, _ scope: FactNode,
                            _ combine: ([Decimal]) -> Decimal?) -> [String] {
        var numbers: [Decimal] = []
        for operand in operands {
            let found = values(operand, at: context, scope: scope)
            guard found.count == 1, let number = Self.number(found[0]) else { return [] }
            numbers.append(number)
        }
        return combine(numbers).map { [Self.format($0)] } ?? []
    }

    static func compare(_ a: String, _ op: RuleComparison, _ b: String) -> Bool {
        let order: ComparisonResult
        if let x = number(a), let y = number(b) {
            order = x < y ? .orderedAscending : (x > y ? .orderedDescending : .orderedSame)
        } else {
            order = a < b ? .orderedAscending : (a > b ? .orderedDescending : .orderedSame)
        }
        switch op {
        case .eq: return order == .orderedSame
        case .ne: return order != .orderedSame
        case .lt: return order == .orderedAscending
        case .le: return order != .orderedDescending
        case .gt: return order == .orderedDescending
        case .ge: return order != .orderedAscending
        }
    }

    /// A decimal number written plainly (`12`, `-3.5`); dates and other text are not numbers.
    static func number(_ text: String) -> Decimal? {
        guard text.wholeMatch(of: /-?[0-9]+(\.[0-9]+)?/) != nil else { return nil }
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }

    /// A number as rule output shows it: whole numbers without decimals, others to at most 2 places.
    static func format(_ number: Decimal) -> String {
        var value = number, rounded = Decimal()
        NSDecimalRound(&rounded, &value, 2, .plain)
        return NSDecimalNumber(decimal: rounded).stringValue
    }

    /// `YYYY-MM-DD` moved by `months` calendar months, the day clamped to the month's last day.
    static func date(_ text: String, plusMonths months: Int) -> String? {
        guard let match = text.wholeMatch(of: /([0-9]{4})-([0-9]{2})-([0-9]{2})/),
              let year = Int(match.1), let month = Int(match.2), let day = Int(match.3),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        let index = year * 12 + (month - 1) + months
        let (newYear, newMonth) = (index / 12, index % 12 + 1)
        let leap = newYear % 4 == 0 && (newYear % 100 != 0 || newYear % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return String(format: "%04d-%02d-%02d", newYear, newMonth, min(day, lengths[newMonth - 1]))
    }

    /// Text without any white space (full-width included), so line breaks in a rule file do not matter.
    private static func squeezed(_ text: String) -> String {
        String(text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
    }
}
