import Foundation
import Support

/// Turns libxml2's messages into sentences a clerk can act on, without the value.
///
/// libxml2 quotes the offending value (`The value 'F8' is not accepted…`); a record's
/// values are personal and health data, so every known message is reworded from its
/// structure, and unknown ones lose their quoted values. Schema documentation of the
/// field's type is added where it explains the expected form (ICD-10 codes, IDs).
public struct ProblemWording: Sendable {
    /// The documentation hint for the field at a ``ElementPath``, if the schema has one.
    public typealias HintLookup = @Sendable (_ path: String) -> String?

    private let hint: HintLookup

    public init(hint: @escaping HintLookup = { _ in nil }) {
        self.hint = hint
    }

    /// A problem from one libxml2 error, or `nil` for a follow-up error that repeats
    /// the one before it at the same place (libxml2 may report a facet failure, then
    /// the type failure).
    func problem(message raw: String, line: Int, path elementPath: String, after previous: Diagnostic?) -> Diagnostic? {
        var message = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        var path = elementPath
        if let prefix = Pattern.elementPrefix.match(message) {
            if let attribute = prefix[1] { path = ElementPath.attribute(attribute, of: path) }
            message = prefix.rest
        }
        if let previous, previous.line == line, previous.field == path, message.contains("is not a valid value of the") {
            return nil
        }
        return Diagnostic(line: line, field: path, message: reword(message, path: path))
    }

    private func reword(_ message: String, path: String) -> String {
        if let m = Pattern.enumeration.match(message) {
            let values = (m[1] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " '")) }
            return "must be one of: " + (values.count > 15 ? values.prefix(15).joined(separator: ", ") + ", … (see the schema)" : values.joined(separator: ", "))
        }
        if let m = Pattern.pattern.match(message) {
            return "is not in the required form" + (hint(path).map { ": " + $0 } ?? " (pattern \(m[1] ?? ""))")
        }
        if let m = Pattern.atomicType.match(message) {
            if m[1] == "xs:date", let day = Pattern.writtenDay.match(message), Self.isCalendarShaped(day) {
                // Written as a date, but libxml2 refuses it: the month has no such day (30 February,
                // 31 April, 29 February outside a leap year). Say so without repeating the date.
                return "is written YYYY-MM-DD, but that day does not exist (the month is shorter, or 29 February falls in a year that is not a leap year)"
            }
            if let type = m[1], let wording = Self.builtinTypes[type] { return wording }
            return "is not a valid value" + (hint(path).map { ": " + $0 } ?? "")
        }
        if let m = Pattern.minLength.match(message) {
            return m[1] == "1" ? "must not be empty" : "must have at least \(m[1] ?? "") characters"
        }
        if let m = Pattern.maxLength.match(message) { return "must have at most \(m[1] ?? "") characters" }
        if let m = Pattern.minimum.match(message) { return "must be at least \(m[1] ?? "")" }
        if let m = Pattern.maximum.match(message) { return "must be at most \(m[1] ?? "")" }
        if let m = Pattern.digits.match(message) {
            return m[1] == "total" ? "has too many digits (at most \(m[2] ?? ""))" : "has too many decimals (at most \(m[2] ?? ""))"
        }
        if let m = Pattern.missingChild.match(message) {
            return (m[1] == nil ? "a required field is missing: " : "a required field is missing, one of: ") + Self.names(m[2])
        }
        if let m = Pattern.unexpectedChild.match(message) {
            return "expected " + (m[1] == nil ? "" : "one of ") + Self.names(m[2]) + " here (a required field is missing before this one, or this one is out of place)"
        }
        if message.hasPrefix("This element is not expected") { return "is not expected here (or comes too often)" }
        if let m = Pattern.missingAttribute.match(message) { return "the required attribute \(m[1] ?? "") is missing" }
        if message.hasPrefix("The attribute"), message.hasSuffix("is not allowed.") { return "is not allowed here" }
        if message.hasPrefix("Character content other than whitespace is not allowed") { return "must hold fields, not text" }
        if message.hasPrefix("Element content is not allowed") { return "must be a plain value, not a group of fields" }
        if message.hasPrefix("No matching global declaration available for the validation root") {
            return "this root element is not the record the schema describes"
        }
        return Pattern.quotedValue.replace(in: message, with: "the value")
    }

    /// A quoted `YYYY-MM-DD` whose month is 01–12 and day 01–31: only the calendar can refuse it.
    private static func isCalendarShaped(_ day: Pattern.Match) -> Bool {
        guard let month = day[1].flatMap({ Int($0) }), let date = day[2].flatMap({ Int($0) }) else { return false }
        return (1...12).contains(month) && (1...31).contains(date)
    }

    /// `{urn:inclusio:x:1}birthDate, {…}sex` → `birthDate, sex`.
    private static func names(_ list: String?) -> String {
        Pattern.namespace.replace(in: list ?? "", with: "")
    }

    private static let builtinTypes: [String: String] = [
        "xs:date": "must be a date written YYYY-MM-DD (e.g. 2026-09-01)",
        "xs:dateTime": "must be a date and time written YYYY-MM-DDThh:mm:ss",
        "xs:gYear": "must be a year written YYYY",
        "xs:time": "must be a time written hh:mm:ss",
        "xs:boolean": "must be true or false",
        "xs:integer": "must be a whole number",
        "xs:positiveInteger": "must be a whole number greater than 0",
        "xs:nonNegativeInteger": "must be a whole number, 0 or more",
        "xs:decimal": "must be a number (use a dot for decimals)",
        "xs:anyURI": "must be a web or file address",
    ]
}

/// The shapes of libxml2 2.9 schema messages.
private struct Pattern: @unchecked Sendable {
    static let elementPrefix = Pattern(#"^Element '[^']*'(?:, attribute '([^']*)')?: "#)
    static let enumeration = Pattern(#"\[facet 'enumeration'\] The value .* is not an element of the set \{(.*)\}\."#)
    static let pattern = Pattern(#"\[facet 'pattern'\] The value .* is not accepted by the pattern '(.*)'\."#)
    static let atomicType = Pattern(#"is not a valid value of the (?:local )?atomic type(?: '([^']*)')?\."#)
    static let minLength = Pattern(#"\[facet 'minLength'\] .* minimum length of '(\d+)'\."#)
    static let maxLength = Pattern(#"\[facet 'maxLength'\] .* maximum length of '(\d+)'\."#)
    static let minimum = Pattern(#"\[facet 'min(?:In|Ex)clusive'\] .* minimum value allowed \('([^']*)'\)\."#)
    static let maximum = Pattern(#"\[facet 'max(?:In|Ex)clusive'\] .* maximum value allowed \('([^']*)'\)\."#)
    static let digits = Pattern(#"\[facet '(total|fraction)Digits'\] .* allowed \('(\d+)'\)\."#)
    static let missingChild = Pattern(#"^Missing child element\(s\)\. Expected is (one of )?\( (.*) \)\."#)
    static let unexpectedChild = Pattern(#"^This element is not expected\. Expected is (one of )?\( (.*) \)\."#)
    static let missingAttribute = Pattern(#"^The attribute '([^']*)' is required but missing\."#)
    static let quotedValue = Pattern(#"'[^']*'"#)
    static let writtenDay = Pattern(#"'[0-9]{4}-([0-9]{2})-([0-9]{2})'"#)
    static let namespace = Pattern(#"\{[^}]*\}"#)

    private let regex: NSRegularExpression

    private init(_ pattern: String) {
        // The patterns are constants of this file; an invalid one is a programming error.
        regex = try! NSRegularExpression(pattern: pattern)
    }

    /// Capture groups of a match (`nil` for a group that took no part), and the text after it.
    struct Match {
        let groups: [String?]
        let rest: String
        subscript(_ index: Int) -> String? { groups[index] }
    }

    func match(_ text: String) -> Match? {
        guard let result = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        let groups = (0..<result.numberOfRanges).map { Range(result.range(at: $0), in: text).map { String(text[$0]) } }
        return Match(groups: groups, rest: String(text[Range(result.range, in: text)!.upperBound...]))
    }

    func replace(in text: String, with replacement: String) -> String {
        regex.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text),
                                       withTemplate: NSRegularExpression.escapedTemplate(for: replacement))
    }
}
