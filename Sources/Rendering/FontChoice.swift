/// The font families a document's generic families stand for, and the families closing every
/// list (for characters the chosen ones lack), as the document's jurisdiction declares them.
///
/// The renderer holds no font choice of its own: with ``fontconfig`` (no choice), a generic name
/// goes to Pango as it is and fontconfig picks a face for the text's language.
public struct FontChoice: Sendable, Hashable {
    /// Families by generic name (`serif`, `sans-serif`, `monospace`).
    public let generic: [String: [String]]
    public let fallback: [String]

    public init(generic: [String: [String]], fallback: [String]) {
        self.generic = generic
        self.fallback = fallback
    }

    /// Leaves every family name to fontconfig.
    public static let fontconfig = FontChoice(generic: [:], fallback: [])

    /// A Pango family list for `families` (a `font-family` value): generic names replaced by
    /// their families, then the fallback.
    func pangoFamilies(_ families: [String]) -> String {
        (families.flatMap { generic[$0] ?? [$0] } + fallback).joined(separator: ",")
    }
}
