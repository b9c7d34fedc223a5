/// How page numbers are written (`format` of the page-sequence).
enum PageNumberFormat: String, Sendable {
    case decimal = "1", lowerRoman = "i", upperRoman = "I", lowerAlpha = "a", upperAlpha = "A"

    func text(_ number: Int) -> String {
        switch self {
        case .decimal: String(number)
        case .lowerRoman: Self.roman(number).lowercased()
        case .upperRoman: Self.roman(number)
        case .lowerAlpha: Self.alphabetic(number).lowercased()
        case .upperAlpha: Self.alphabetic(number)
        }
    }

    private static func roman(_ number: Int) -> String {
        guard number > 0, number < 4000 else { return String(number) }
        let symbols = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                       (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = number, text = ""
        for (value, symbol) in symbols { while rest >= value { text += symbol; rest -= value } }
        return text
    }

    private static func alphabetic(_ number: Int) -> String {
        guard number > 0 else { return String(number) }
        var rest = number, text = ""
        while rest > 0 {
            rest -= 1
            text = String(UnicodeScalar(UInt8(65 + rest % 26))) + text
            rest /= 26
        }
        return text
    }
}
