import Foundation
import XML

/// The JP merger allocation (市町村合併加配) as a rule file states it (seed 004 II.3).
public struct MergerAllocationRule: Sendable {
    /// How long the allocation lasts at one school level.
    public struct Phase: Sendable {
        /// `primary` or `junior-high`.
        public let level: String
        public let years: Int
        public let cite: String
        public let text: String
    }

    /// How a fraction of a teacher is rounded.
    public enum Rounding: String, Sendable, Encodable { case up, down, nearest }

    public let cite: String
    public let criterion: String
    public let phases: [Phase]
    public let rounding: Rounding
    /// Where the rounding comes from (the seed gives none).
    public let roundingCite: String
    public let roundingText: String
    public let advice: String

    init(_ node: XMLElement) {
        func text(_ element: XMLElement?) -> String { element?.text.split(whereSeparator: \.isWhitespace).joined(separator: " ") ?? "" }
        cite = node.attribute("cite") ?? ""
        criterion = text(node.children(named: "criterion").first)
        phases = node.children(named: "phase").map {
            Phase(level: $0.attribute("level") ?? "", years: Int($0.attribute("years") ?? "") ?? 1,
                  cite: $0.attribute("cite") ?? "", text: text($0.children(named: "text").first))
        }
        let rounding = node.children(named: "rounding").first
        self.rounding = Rounding(rawValue: rounding?.attribute("mode") ?? "") ?? .up
        roundingCite = rounding?.attribute("cite") ?? ""
        roundingText = text(rounding?.children(named: "text").first)
        advice = text(node.children(named: "advice").first)
    }

    /// The year-by-year allocation for schools computed at `before` teachers (each school before the
    /// merger) merged into one computed at `after`, at `level`; `nil` when the file has no such level.
    public func schedule(before: [Int], after: Int, level: String) -> MergerSchedule? {
        guard let phase = phases.first(where: { $0.level == level }) else { return nil }
        let first = before.reduce(0, +) - after
        let years = first > 0 ? (1...phase.years).map { year -> MergerSchedule.Year in
            // Year k keeps (years − k + 1)/years of the first year's number: exact as a fraction.
            let numerator = first * (phase.years - year + 1), denominator = phase.years
            return MergerSchedule.Year(year: year, exact: Self.fraction(numerator, denominator),
                                       teachers: round(numerator, denominator))
        } : []
        return MergerSchedule(level: level, beforeTotal: before.reduce(0, +), after: after, firstYear: first,
                              reductionPerYear: Self.fraction(max(first, 0), phase.years), years: years, rounding: rounding)
    }

    private func round(_ numerator: Int, _ denominator: Int) -> Int {
        switch rounding {
        case .up: (numerator + denominator - 1) / denominator
        case .down: numerator / denominator
        case .nearest: (2 * numerator + denominator) / (2 * denominator)
        }
    }

    /// `12/5` as `2.4`; exact, since the denominators are small (years).
    private static func fraction(_ numerator: Int, _ denominator: Int) -> String {
        RuleEvaluator.format(Decimal(numerator) / Decimal(denominator))
    }
}

/// A computed merger allocation: the first year's number and each year's teachers.
public struct MergerSchedule: Sendable, Encodable {
    public struct Year: Sendable, Encodable, Equatable {
        public let year: Int
        /// The unrounded number, as a decimal.
        public let exact: String
        public let teachers: Int
    }

    public let level: String
    public let beforeTotal: Int
    public let after: Int
    /// Teachers before − teachers after; no allocation when it is not positive.
    public let firstYear: Int
    public let reductionPerYear: String
    public let years: [Year]
    public let rounding: MergerAllocationRule.Rounding
}
