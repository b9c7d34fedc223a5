import Foundation
import Records
import XML

extension Jurisdiction {
    /// The namespace of manifests.
    public static let namespace = "urn:inclusio:jurisdiction:1"

    /// Reads and checks the manifest at `url` (named `file` in messages) against `schemas`
    /// (the catalog of `Schemas/jurisdictions/`).
    /// - Throws: ``JurisdictionError/invalid(_:)`` for a file that is not well-formed or breaks
    ///   its schema; ``JurisdictionError/inconsistent(file:line:reason:)`` for an unknown time zone
    ///   or a day no year has.
    public init(contentsOf url: URL, file: String, schemas: SchemaCatalog) throws(JurisdictionError) {
        let root: XMLElement
        do { root = try RecordValidator(catalog: schemas).tree(contentsOf: url, file: file, namespace: Self.namespace).rootElement() } catch {
            throw .invalid(error)
        }
        // The schema made every attribute below present and well-formed.
        let attribute = { (name: String) in root.attribute(name) ?? "" }
        guard let zone = TimeZone(identifier: attribute("timeZone")) else {
            throw .inconsistent(file: file, line: root.line, reason: "the time zone \(attribute("timeZone")) is not one this system knows (IANA names such as Europe/Rome)")
        }
        let day = attribute("schoolYearStarts").split(separator: "-").compactMap { Int($0) }
        let daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day.count == 2, (1...12).contains(day[0]), (1...daysInMonth[day[0] - 1]).contains(day[1]) else {
            throw .inconsistent(file: file, line: root.line, reason: "schoolYearStarts \(attribute("schoolYearStarts")) is not a day of the year")
        }
        let fonts = root.children(named: "fonts").first
        var families: [String: [String]] = [:]
        for font in fonts?.children(named: "font") ?? [] {
            families[font.attribute("generic") ?? ""] = Self.familyList(font.attribute("families") ?? "")
        }
        code = attribute("code")
        names = Dictionary(root.children(named: "name").map { ($0.attribute("language") ?? "", $0.attribute("text") ?? "") },
                           uniquingKeysWith: { first, _ in first })
        language = attribute("language")
        timeZone = zone
        schoolYearStarts = (day[0], day[1])
        listSeparator = attribute("listSeparator")
        nameOrder = NameOrder(rawValue: attribute("nameOrder")) ?? .familyFirst
        fontFamilies = families
        fallbackFonts = Self.familyList(fonts?.attribute("fallback") ?? "")
        self.file = file
    }

    /// `"Noto Serif CJK SC, DejaVu Serif"` as a list of family names.
    private static func familyList(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
