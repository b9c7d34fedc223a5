import Foundation

/// An sRGB colour, components 0…1.
struct FOColor: Sendable, Equatable {
    var red: Double
    var green: Double
    var blue: Double

    static let black = FOColor(red: 0, green: 0, blue: 0)

    private static let named: [String: FOColor] = [
        "black": .black, "white": FOColor(red: 1, green: 1, blue: 1), "red": FOColor(red: 1, green: 0, blue: 0),
        "gray": FOColor(hex: 0x808080), "grey": FOColor(hex: 0x808080), "silver": FOColor(hex: 0xC0C0C0),
        "maroon": FOColor(hex: 0x800000), "navy": FOColor(hex: 0x000080), "blue": FOColor(red: 0, green: 0, blue: 1),
        "green": FOColor(hex: 0x008000),
    ]

    init(red: Double, green: Double, blue: Double) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    init(hex: UInt32) {
        self.init(red: Double((hex >> 16) & 0xFF) / 255, green: Double((hex >> 8) & 0xFF) / 255, blue: Double(hex & 0xFF) / 255)
    }

    /// Parses `#rgb`, `#rrggbb`, `rgb(r,g,b)` (0–255) or one of the subset's colour names.
    init?(parsing text: String) {
        let value = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let color = Self.named[value] {
            self = color
        } else if value.hasPrefix("#") {
            let digits = value.dropFirst()
            guard digits.count == 3 || digits.count == 6, let number = UInt32(digits, radix: 16) else { return nil }
            if digits.count == 6 {
                self.init(hex: number)
            } else {
                let expanded = ((number >> 8) & 0xF) * 0x110000 + ((number >> 4) & 0xF) * 0x1100 + (number & 0xF) * 0x11
                self.init(hex: expanded)
            }
        } else if value.hasPrefix("rgb("), value.hasSuffix(")") {
            let parts = value.dropFirst(4).dropLast().split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard parts.count == 3, let r = parts[0], let g = parts[1], let b = parts[2],
                  [r, g, b].allSatisfy({ (0...255).contains($0) }) else { return nil }
            self.init(red: r / 255, green: g / 255, blue: b / 255)
        } else {
            return nil
        }
    }
}
