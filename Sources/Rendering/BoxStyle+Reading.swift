import Foundation

extension BoxStyle {
    /// The box properties of `attributes`' element; `style` is its resolved text style
    /// (for `em` and the default border colour).
    init(reading attributes: FOAttributes, style: TextStyle) throws(RenderingError) {
        let size = style.fontSize
        spaceBefore = try attributes.space("before", fontSize: size)
        if spaceBefore == 0, let margin = try attributes.length("margin-top", fontSize: size) { spaceBefore = margin }
        spaceAfter = try attributes.space("after", fontSize: size)
        if spaceAfter == 0, let margin = try attributes.length("margin-bottom", fontSize: size) { spaceAfter = margin }
        marginLeft = try attributes.length("margin-left", fontSize: size) ?? 0
        marginRight = try attributes.length("margin-right", fontSize: size) ?? 0
        startIndent = try attributes.length("start-indent", fontSize: size)
        endIndent = try attributes.length("end-indent", fontSize: size)
        // Most blocks have neither: skip the forty names a border can be given by.
        let names = attributes.element.attributes.map(\.name)
        if names.contains(where: { $0.hasPrefix("padding") }) { padding = try Self.padding(attributes, fontSize: size) }
        if names.contains(where: { $0.hasPrefix("border") }) { try readBorders(attributes, style: style) }
        background = try attributes.color("background-color")
        keepTogether = try attributes.keep("keep-together.within-page", "keep-together")
        keepWithNext = try attributes.keep("keep-with-next.within-page")
        breakBefore = try attributes.choice("break-before", ["page", "auto"]) == "page"
        breakAfter = try attributes.choice("break-after", ["page", "auto"]) == "page"
        id = attributes.string("id")
    }

    /// Absolute side names with their relative aliases (lr-tb).
    static let sideNames = [("top", "before"), ("right", "end"), ("bottom", "after"), ("left", "start")]

    private static func padding(_ attributes: FOAttributes, fontSize: Double) throws(RenderingError) -> Edges {
        let all = try attributes.edges("padding", fontSize: fontSize) ?? Edges()
        let shorthand = [all.top, all.right, all.bottom, all.left]
        var values: [Double] = []
        for (index, (absolute, relative)) in sideNames.enumerated() {
            let value = try attributes.firstLength(["padding-\(relative)", "padding-\(absolute)"], fontSize: fontSize) ?? shorthand[index]
            guard value >= 0 else { throw attributes.bad("padding-\(absolute)", "\(value)pt", expected: "a length of 0 or more") }
            values.append(value)
        }
        return Edges(top: values[0], right: values[1], bottom: values[2], left: values[3])
    }

    private mutating func readBorders(_ attributes: FOAttributes, style: TextStyle) throws(RenderingError) {
        let initial = BorderSide(width: 1, style: .none, color: style.color)
        let all = try Self.border(attributes, "border", over: initial, fontSize: style.fontSize)
        var sides: [BorderSide] = []
        for (absolute, relative) in Self.sideNames {
            var side = all
            for name in [absolute, relative] {
                side = try Self.border(attributes, "border-\(name)", over: side, fontSize: style.fontSize)
                if let width = attributes.string("border-\(name)-width") {
                    guard let points = Self.borderWidth(width, fontSize: style.fontSize) else {
                        throw attributes.bad("border-\(name)-width", width, expected: "a length, thin, medium or thick")
                    }
                    side.width = points
                }
                if let styleName = try attributes.choice("border-\(name)-style", ["solid", "dashed", "dotted", "double", "none", "hidden"]) {
                    side.style = BorderSide.Style(rawValue: styleName) ?? .none
                }
                if let color = try attributes.color("border-\(name)-color") { side.color = color }
            }
            sides.append(side)
        }
        (top, right, bottom, left) = (sides[0], sides[1], sides[2], sides[3])
    }

    /// A `border`/`border-side` shorthand (`width style color`, any order) applied over `side`.
    private static func border(_ attributes: FOAttributes, _ name: String, over side: BorderSide, fontSize: Double) throws(RenderingError) -> BorderSide {
        guard let value = attributes.string(name) else { return side }
        var result = side
        for token in tokens(value) {
            if let style = BorderSide.Style(rawValue: token) {
                result.style = style
            } else if token == "hidden" {
                result.style = .none
            } else if let width = borderWidth(token, fontSize: fontSize) {
                result.width = width
            } else if let color = FOColor(parsing: token) {
                result.color = color
            } else {
                throw attributes.bad(name, value, expected: "width, style (solid, dashed, dotted, double, none) and colour, e.g. 0.5pt solid black")
            }
        }
        return result
    }

    private static func borderWidth(_ token: String, fontSize: Double) -> Double? {
        switch token {
        case "thin": 0.5
        case "medium": 1
        case "thick": 2
        default: FOAttributes.points(token, fontSize: fontSize).flatMap { $0 >= 0 ? $0 : nil }
        }
    }

    /// Splits on white space outside parentheses (`rgb(0, 0, 0)` stays one token).
    private static func tokens(_ value: String) -> [String] {
        var tokens: [String] = [], current = "", depth = 0
        for character in value {
            if character == "(" { depth += 1 } else if character == ")" { depth -= 1 }
            if character.isWhitespace && depth == 0 {
                if !current.isEmpty { tokens.append(current); current = "" }
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }
}
