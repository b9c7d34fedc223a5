import Foundation

extension TextStyle {
    /// The style of `attributes`' element, inheriting from `self`.
    func resolved(by attributes: FOAttributes) throws(RenderingError) -> TextStyle {
        var style = self
        if let families = attributes.string("font-family") {
            let list = families.split(separator: ",").map {
                $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
            }.filter { !$0.isEmpty }
            guard !list.isEmpty else { throw attributes.bad("font-family", families, expected: "a comma-separated list of font families") }
            style.fontFamilies = list
        }
        if let size = try attributes.length("font-size", fontSize: fontSize, percentOf: fontSize) {
            guard size > 0, size < 1000 else { throw attributes.bad("font-size", attributes.string("font-size") ?? "", expected: "a size above 0 and under 1000pt") }
            style.fontSize = size
        }
        if let weight = attributes.string("font-weight") {
            switch weight {
            case "normal": style.fontWeight = 400
            case "bold": style.fontWeight = 700
            default:
                guard let number = Int(weight), (100...900).contains(number), number % 100 == 0 else {
                    throw attributes.bad("font-weight", weight, expected: "normal, bold or 100, 200 … 900")
                }
                style.fontWeight = number
            }
        }
        if let fontStyle = try attributes.choice("font-style", ["normal", "italic"]) { style.italic = fontStyle == "italic" }
        if let color = try attributes.color("color") { style.color = color }
        try style.readLineHeight(attributes)
        if let align = try attributes.choice("text-align", ["start", "center", "end", "justify", "left", "right", "inside", "outside"]) {
            style.textAlign = Self.alignment(align)
        }
        if let last = try attributes.choice("text-align-last", ["relative", "start", "center", "end", "justify", "left", "right"]) {
            style.textAlignLast = last == "relative" ? nil : Self.alignment(last)
        }
        if let indent = try attributes.length("text-indent", fontSize: style.fontSize) { style.textIndent = indent }
        if let spacing = attributes.string("letter-spacing") {
            style.letterSpacing = spacing == "normal" ? 0 : try attributes.length("letter-spacing", fontSize: style.fontSize) ?? 0
        }
        try style.readLanguage(attributes)
        if let linefeeds = try attributes.choice("linefeed-treatment", ["preserve", "treat-as-space"]) {
            style.preserveLinefeeds = linefeeds == "preserve"
        }
        if let collapse = try attributes.choice("white-space-collapse", ["true", "false"]) { style.collapseWhiteSpace = collapse == "true" }
        if let wrap = try attributes.choice("wrap-option", ["wrap", "no-wrap"]) { style.wrap = wrap == "wrap" }
        return style
    }

    private static func alignment(_ value: String) -> Alignment {
        switch value {
        case "center": .center
        case "end", "right", "outside": .end
        case "justify": .justify
        default: .start
        }
    }

    private mutating func readLineHeight(_ attributes: FOAttributes) throws(RenderingError) {
        guard let value = attributes.string("line-height") else { return }
        if value == "normal" {
            lineHeight = .normal
        } else if let factor = Double(value), factor > 0, factor < 20 {
            lineHeight = .factor(factor)
        } else if let points = FOAttributes.points(value, fontSize: fontSize, percentOf: fontSize), points > 0 {
            lineHeight = .points(points)
        } else {
            throw attributes.bad("line-height", value, expected: "normal, a number such as 1.5, a length or a percentage")
        }
    }

    /// `xml:lang` (`zh-CN`), or `language` and `country`; Pango wants lower case, and plain
    /// `zh` means simplified Chinese (otherwise the fallback font draws Japanese forms).
    private mutating func readLanguage(_ attributes: FOAttributes) throws(RenderingError) {
        var tag: String?
        if let lang = attributes.string("lang") {
            tag = lang
        } else if let language = attributes.string("language") {
            tag = attributes.string("country").map { "\(language)-\($0)" } ?? language
        } else if let country = attributes.string("country"), let current = language {
            tag = "\(current.split(separator: "-").first ?? "")-\(country)"
        }
        guard let tag else { return }
        let lowered = tag.lowercased().replacingOccurrences(of: "_", with: "-")
        guard !lowered.isEmpty, lowered.allSatisfy({ $0.isLetter && $0.isASCII || $0 == "-" || $0.isNumber }) else {
            throw attributes.bad("xml:lang", tag, expected: "a language tag such as zh-CN, ja or it")
        }
        language = lowered == "zh" ? "zh-cn" : lowered
    }
}
