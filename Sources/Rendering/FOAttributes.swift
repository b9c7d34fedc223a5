import Foundation
import XML

/// Reads and checks one FO element's properties; every bad value becomes a
/// ``RenderingError`` naming the source, line and property.
struct FOAttributes {
    let element: XMLElement
    let source: String

    func string(_ name: String) -> String? {
        element.attribute(name)?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func bad(_ name: String, _ value: String, expected: String) -> RenderingError {
        .badValue(source: source, line: element.line, property: name, value: value, expected: expected)
    }

    /// A length in points; `em` is of `fontSize`; `%` only when `percentOf` is given.
    func length(_ name: String, fontSize: Double, percentOf base: Double? = nil) throws(RenderingError) -> Double? {
        guard let value = string(name) else { return nil }
        guard let points = Self.points(value, fontSize: fontSize, percentOf: base) else {
            throw bad(name, value, expected: base == nil
                ? "a length such as 12pt, 5mm, 1.5cm, 1in, 2pc, 10px or 1.2em"
                : "a length such as 12pt or 5mm, or a percentage")
        }
        return points
    }

    /// A CSS-style shorthand of one to four lengths (`10mm`, `10mm 20mm`, … top right bottom left).
    func edges(_ name: String, fontSize: Double) throws(RenderingError) -> Edges? {
        guard let value = string(name) else { return nil }
        let lengths = value.split(separator: " ").map { Self.points(String($0), fontSize: fontSize) }
        guard (1...4).contains(lengths.count), lengths.allSatisfy({ $0 != nil }) else {
            throw bad(name, value, expected: "one to four lengths (top, right, bottom, left), such as 20mm or 15mm 25mm")
        }
        let values = lengths.compactMap { $0 }
        switch values.count {
        case 1: return Edges(top: values[0], right: values[0], bottom: values[0], left: values[0])
        case 2: return Edges(top: values[0], right: values[1], bottom: values[0], left: values[1])
        case 3: return Edges(top: values[0], right: values[1], bottom: values[2], left: values[1])
        default: return Edges(top: values[0], right: values[1], bottom: values[2], left: values[3])
        }
    }

    /// The first of `names` that is present, as a length (see ``length(_:fontSize:percentOf:)``).
    func firstLength(_ names: [String], fontSize: Double) throws(RenderingError) -> Double? {
        for name in names {
            if let value = try length(name, fontSize: fontSize) { return value }
        }
        return nil
    }

    /// The points of a length text (`nil` when it is not one).
    static func points(_ text: String, fontSize: Double, percentOf base: Double? = nil) -> Double? {
        let value = text.trimmingCharacters(in: .whitespaces)
        if value == "0" { return 0 }
        let units: [(String, Double)] = [("mm", 72 / 25.4), ("cm", 72 / 2.54), ("in", 72), ("pt", 1), ("pc", 12),
                                         ("px", 0.75), ("em", fontSize)]
        for (unit, factor) in units where value.hasSuffix(unit) {
            guard let number = Double(value.dropLast(unit.count)), number.isFinite else { return nil }
            return number * factor
        }
        if let base, value.hasSuffix("%"), let number = Double(value.dropLast()), number.isFinite {
            return number / 100 * base
        }
        return nil
    }

    func color(_ name: String) throws(RenderingError) -> FOColor? {
        guard let value = string(name) else { return nil }
        guard let color = FOColor(parsing: value) else {
            throw bad(name, value, expected: "#rgb, #rrggbb, rgb(r,g,b) or black, white, red, gray, silver, maroon, navy, blue, green")
        }
        return color
    }

    /// One of `choices`, or `nil` when the property is absent.
    func choice(_ name: String, _ choices: [String]) throws(RenderingError) -> String? {
        guard let value = string(name) else { return nil }
        guard choices.contains(value) else { throw bad(name, value, expected: choices.joined(separator: ", ")) }
        return value
    }

    func integer(_ name: String, in range: ClosedRange<Int>) throws(RenderingError) -> Int? {
        guard let value = string(name) else { return nil }
        guard let number = Int(value), range.contains(number) else {
            throw bad(name, value, expected: "a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    /// `always` for a keep; `auto` means no keep.
    func keep(_ names: String...) throws(RenderingError) -> Bool {
        for name in names {
            if let value = try choice(name, ["always", "auto"]) { return value == "always" }
        }
        return false
    }

    /// A space component: `space-before` or, failing that, its `.optimum` (the value used).
    func space(_ side: String, fontSize: Double) throws(RenderingError) -> Double {
        if let value = try length("space-\(side)", fontSize: fontSize) { return value }
        if let value = try length("space-\(side).optimum", fontSize: fontSize) { return value }
        // .minimum/.maximum alone: the optimum defaults to the minimum, as XSL resolves it.
        return try length("space-\(side).minimum", fontSize: fontSize) ?? 0
    }
}
