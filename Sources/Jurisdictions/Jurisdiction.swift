import Foundation

/// What Inclusio knows of one jurisdiction, read from `Jurisdictions/<code>/jurisdiction.xml`
/// (schema `Schemas/jurisdictions/jurisdiction.xsd`).
///
/// The only declaration of a jurisdiction: its forms (`Forms/<code>/`), rules, deadlines and
/// transfer rules (`Rules/<code>/`) are found from ``code``, and every language, calendar, font
/// or writing convention a stage needs comes from here, so Swift names no jurisdiction.
public struct Jurisdiction: Sendable {
    /// How a person's name is written.
    public enum NameOrder: String, Sendable {
        case familyFirst = "family-first"
        case givenFirst = "given-first"
    }

    /// The ISO 3166-2 code (`IT-MO`), as records carry it in their `jurisdiction` attribute.
    public let code: String
    /// The jurisdiction's name by BCP 47 language tag.
    public let names: [String: String]
    /// BCP 47 tag of its documents (`zh-CN`, `ja`, `it`): the PDF's and Pango's language, the reports' words.
    public let language: String
    /// The zone its times are shown in and its office hours judged in.
    public let timeZone: TimeZone
    /// The first day of its school year.
    public let schoolYearStarts: (month: Int, day: Int)
    /// What joins the items of a list in its language (`、`, `, `).
    public let listSeparator: String
    public let nameOrder: NameOrder
    /// The font families each generic family (`serif`, `sans-serif`, `monospace`) stands for.
    public let fontFamilies: [String: [String]]
    /// Families closing every list, for characters the chosen ones lack.
    public let fallbackFonts: [String]
    /// The manifest, as messages name it (`Jurisdictions/IT-MO/jurisdiction.xml`).
    public let file: String

    /// The name in the jurisdiction's own language (its code when the manifest has none).
    public var name: String { names[language] ?? code }
}
