import Foundation
import Jurisdictions
import Records
import XML

/// The deadlines of one jurisdiction: its school year, the report's words, and its rules, read
/// from `Rules/<jurisdiction>/deadlines.xml` (schema `Schemas/rules/deadlines.xsd`), with the
/// school-year start and language of its manifest (`Jurisdictions/<jurisdiction>/jurisdiction.xml`),
/// so a new jurisdiction or a changed deadline is a change of data only.
public struct DeadlineBook: Sendable {
    /// The namespace of rule files.
    public static let namespace = "urn:inclusio:deadlines:1"

    public let jurisdiction: String
    /// BCP 47 tag of titles, advice and labels.
    public let language: String
    /// The day the school year starts.
    public let schoolYearStarts: MonthDay
    /// The report's words by key (`title`, `overdue`, …).
    public let labels: [String: String]
    public let rules: [DeadlineRule]

    public init(jurisdiction: String, language: String = "en", schoolYearStarts: MonthDay, labels: [String: String] = [:], rules: [DeadlineRule]) {
        self.jurisdiction = jurisdiction
        self.language = language
        self.schoolYearStarts = schoolYearStarts
        self.labels = labels
        self.rules = rules
    }

    /// Reads and checks the rule file at `url` (named `file` in messages) against `schemas`
    /// (the catalog of `Schemas/rules/`), for the jurisdiction `declared`.
    /// - Throws: ``DeadlineError/record(_:)`` for a file that is not well-formed or breaks its
    ///   schema (every problem with its line), ``DeadlineError/inconsistent(file:line:rule:reason:)``,
    ///   also for a file of another jurisdiction than `declared`.
    public init(contentsOf url: URL, file: String, schemas: SchemaCatalog, declared: Jurisdiction) throws(DeadlineError) {
        let root: XMLElement
        do { root = try RecordValidator(catalog: schemas).tree(contentsOf: url, file: file, namespace: Self.namespace).rootElement() } catch {
            throw .record(error)
        }
        guard root.attribute("jurisdiction") == declared.code else {
            throw .inconsistent(file: file, line: root.line, rule: "-", reason: "it is for \(root.attribute("jurisdiction") ?? "-") but lies in the folder of \(declared.code)")
        }
        let starts = MonthDay(month: declared.schoolYearStarts.month, day: declared.schoolYearStarts.day)
        var sources: [String: String] = [:]
        for source in root.children(named: "source") { sources[source.attribute("id") ?? ""] = source.attribute("file") ?? "" }
        var labels: [String: String] = [:]
        for label in root.children(named: "label") { labels[label.attribute("key") ?? ""] = label.attribute("text") ?? "" }
        var rules: [DeadlineRule] = []
        for element in root.children(named: "rule") {
            let rule = try Self.rule(element, sources: sources, schoolYearStarts: starts, file: file)
            guard !rules.contains(where: { $0.id == rule.id }) else {
                throw .inconsistent(file: file, line: element.line, rule: rule.id, reason: "the id is used by an earlier rule")
            }
            rules.append(rule)
        }
        self.init(jurisdiction: declared.code, language: declared.language, schoolYearStarts: starts, labels: labels, rules: rules)
    }

    private static func rule(_ element: XMLElement, sources: [String: String], schoolYearStarts: MonthDay,
                             file: String) throws(DeadlineError) -> DeadlineRule {
        let id = element.attribute("id") ?? ""
        func text(_ name: String, in parent: XMLElement = element) -> String {
            parent.children(named: name).first?.text.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        }
        func fail(_ line: Int, _ reason: String) -> DeadlineError { .inconsistent(file: file, line: line, rule: id, reason: reason) }
        let evidence = element.children(named: "evidence").first.map { Set(($0.attribute("kinds") ?? "").split(separator: " ").map(String.init)) }
        var scope: DeadlineScope?
        if let element = element.children(named: "scope").first {
            let age = element.attribute("entryAge").flatMap { Int($0) }
            let cutoff = element.attribute("cutoff").flatMap { MonthDay($0) }
            guard (age == nil) == (cutoff == nil) else { throw fail(element.line, "entryAge and cutoff go together: give both or neither") }
            guard evidence != nil else { throw fail(element.line, "a scope says which pupils a pupil's rule applies to: give <evidence kinds=…/>") }
            scope = DeadlineScope(entrants: age.flatMap { age in cutoff.map { .init(entryAge: age, cutoff: $0) } },
                                  admission: element.attribute("admission"), excludeExempted: element.attribute("exempted") == "excluded",
                                  drafting: element.attribute("drafting").flatMap(DeadlineScope.Drafting.init(rawValue:)))
        }
        let timing: DeadlineRule.Timing
        if let window = element.children(named: "window").first {
            guard let from = MonthDay(window.attribute("from") ?? ""), let by = MonthDay(window.attribute("by") ?? "") else {
                throw fail(window.line, "from and by must be days MM-DD")
            }
            let calendarYear = window.attribute("year") == "calendar"
            let start = calendarYear ? MonthDay.newYear : schoolYearStarts
            // Both days must fall in one year in order: a window may not run across the year's start.
            guard (from < start ? 1 : 0, from) <= (by < start ? 1 : 0, by) else {
                throw fail(window.line, "the window from \(from) to \(by) runs across the start of the year (\(start)); split it in two rules")
            }
            timing = .window(.init(from: from, by: by, count: Int(window.attribute("count") ?? "1") ?? 1,
                                   counts: DeadlineRule.Window.Counted(rawValue: window.attribute("counts") ?? "window") ?? .window,
                                   calendarYear: calendarYear))
        } else if let interval = element.children(named: "interval").first {
            guard evidence != nil else { throw fail(interval.line, "an interval runs from the last evidence document: give <evidence kinds=…/>") }
            let opens = Int(interval.attribute("opensMonths") ?? "") ?? 0
            let due = interval.attribute("dueMonths").flatMap { Int($0) }
            if let due, due < opens { throw fail(interval.line, "dueMonths (\(due)) comes before opensMonths (\(opens))") }
            timing = .interval(opensMonths: opens, dueMonths: due)
        } else if let flag = element.children(named: "flag").first {
            guard evidence != nil else { throw fail(flag.line, "a flag looks at the latest placement: give <evidence kinds=…/>") }
            guard let fact = DeadlineRule.Flag(rawValue: flag.attribute("fact") ?? "") else {
                throw fail(flag.line, "fact must be wish-not-followed or guardian-not-heard")
            }
            timing = .flag(fact)
        } else {
            throw fail(element.line, "give a <window>, an <interval> or a <flag>")
        }
        var citations: [DeadlineRule.Citation] = []
        for citation in element.children(named: "citation") {
            let source = citation.attribute("source") ?? ""
            guard let seed = sources[source] else { throw fail(citation.line, "cites source \(source), which no <source> declares") }
            let reading = text("reading", in: citation)
            citations.append(.init(source: source, file: seed, paragraph: citation.attribute("paragraph") ?? "",
                                   quote: text("quote", in: citation), reading: reading.isEmpty ? nil : reading))
        }
        return DeadlineRule(id: id, title: text("title"), evidence: evidence, timing: timing, advice: text("advice"), citations: citations, scope: scope)
    }

    /// The first day of the year that contains `day`: the school year's, or 1 January for the calendar year.
    func yearStart(containing day: CalendarDay, calendarYear: Bool) -> CalendarDay {
        let start = calendarYear ? MonthDay.newYear : schoolYearStarts
        let thisYear = start.in(day.year)
        return day < thisYear ? start.in(day.year - 1) : thisYear
    }

    /// `monthDay` in the year starting `start`: in its first calendar year from the start day on, else in the next.
    func place(_ monthDay: MonthDay, inYearStarting start: CalendarDay) -> CalendarDay {
        monthDay < MonthDay(month: start.month, day: start.day) ? monthDay.in(start.year + 1) : monthDay.in(start.year)
    }
}
