/// Applies a catalog of deadlines to pupils on one day.
public struct DeadlineEvaluator: Sendable {
    public let catalog: DeadlineCatalog
    public let on: CalendarDay
    public let within: Int
    /// Kinds the operator may read (`nil`: all); a rule counting other kinds is not applied,
    /// since its evidence would be missing from what the operator sees.
    public let readableKinds: Set<String>?

    public init(catalog: DeadlineCatalog, on: CalendarDay, within: Int, readableKinds: Set<String>? = nil) {
        self.catalog = catalog
        self.on = on
        self.within = within
        self.readableKinds = readableKinds
    }

    /// The report for `pupils`: every pupil finding that says something on `on`, then the
    /// reminders of office tasks of each jurisdiction the pupils belong to.
    public func report(for pupils: [PupilDates]) -> DueReport {
        var findings: [DueReport.Finding] = []
        var withheld: Set<String> = []
        var withoutRules = 0
        var unjudged: [String: Int] = [:]
        var pupilsPerSchool: [SchoolKey: Int] = [:]
        var jurisdictions: Set<String> = []
        // Pupils in order of jurisdiction, school and pseudonym, so that findings come out in report order
        // (sorting the pupils is far cheaper than sorting the findings, several per pupil).
        let ordered = pupils.sorted { ($0.jurisdiction, $0.school ?? "", $0.pseudonym) < ($1.jurisdiction, $1.school ?? "", $1.pseudonym) }
        for pupil in ordered {
            guard let book = catalog.books[pupil.jurisdiction] else { withoutRules += 1; continue }
            jurisdictions.insert(pupil.jurisdiction)
            pupilsPerSchool[SchoolKey(jurisdiction: pupil.jurisdiction, school: pupil.school), default: 0] += 1
            // A revoked certificate ends the pupil's procedures from its effective date (003 Art.3 A.1 e).
            if let revoked = pupil.facts.revokedOn, revoked <= on { continue }
            for rule in book.rules {
                guard let kinds = rule.evidence else { continue }
                if let readableKinds, !kinds.isSubset(of: readableKinds) { withheld.insert(rule.id); continue }
                let dates = kinds.flatMap { pupil.documents[$0] ?? [] }
                switch rule.applies(to: pupil.facts, documents: dates, on: on, in: book) {
                case true?: break
                case false?: continue
                case nil: unjudged["\(pupil.jurisdiction) \(rule.id)", default: 0] += 1; continue
                }
                let assessment = if case .flag = rule.timing { rule.assess(flagsOf: pupil.facts, on: on) }
                    else { rule.assess(documents: dates, on: on, within: within, in: book) }
                guard let assessment else { continue }
                findings.append(finding(rule, assessment, jurisdiction: pupil.jurisdiction, school: pupil.school, pupil: pupil.pseudonym))
            }
        }
        for code in jurisdictions.sorted() {
            guard let book = catalog.books[code] else { continue }
            for rule in book.rules where rule.evidence == nil {
                guard let assessment = rule.assess(documents: [], on: on, within: within, in: book) else { continue }
                findings.append(finding(rule, assessment, jurisdiction: code, school: nil, pupil: nil))
            }
        }
        let named = Set(findings.map { "\($0.jurisdiction) \($0.rule)" })
        let rules = catalog.books.keys.sorted().flatMap { code in
            (catalog.books[code]?.rules ?? []).filter { named.contains("\(code) \($0.id)") }.map {
                DueReport.RuleEntry(jurisdiction: code, id: $0.id, title: $0.title, advice: $0.advice, citations: $0.citations)
            }
        }
        return DueReport(on: on, within: within, findings: findings, rules: rules, schools: summaries(findings, pupils: pupilsPerSchool),
                         withheldRules: withheld.sorted(), pupilsWithoutRules: withoutRules,
                         unjudged: unjudged.keys.sorted().map { DueReport.Unjudged(rule: String($0.split(separator: " ").last ?? ""), pupils: unjudged[$0] ?? 0) })
    }

    private func finding(_ rule: DeadlineRule, _ assessment: Assessment, jurisdiction: String, school: String?, pupil: String?) -> DueReport.Finding {
        DueReport.Finding(jurisdiction: jurisdiction, school: school, pupil: pupil, rule: rule.id, title: rule.title, status: assessment.status,
                          date: assessment.date, last: assessment.last, found: assessment.found, needed: assessment.needed,
                          sources: rule.sources)
    }

    private struct SchoolKey: Hashable, Comparable {
        let jurisdiction: String
        let school: String?
        /// The jurisdiction's office (its reminders), after its schools.
        var office = false

        init(jurisdiction: String, school: String?, office: Bool = false) {
            self.jurisdiction = jurisdiction
            self.school = school
            self.office = office
        }

        init(finding: DueReport.Finding) {
            self.init(jurisdiction: finding.jurisdiction, school: finding.school, office: finding.pupil == nil)
        }

        static func < (lhs: SchoolKey, rhs: SchoolKey) -> Bool {
            (lhs.office ? 1 : 0, lhs.jurisdiction, lhs.school ?? "") < (rhs.office ? 1 : 0, rhs.jurisdiction, rhs.school ?? "")
        }
    }

    /// Counts per school and status, in order of jurisdiction and school, offices last.
    private func summaries(_ findings: [DueReport.Finding], pupils: [SchoolKey: Int]) -> [DueReport.SchoolSummary] {
        var counts: [SchoolKey: [String: Int]] = [:]
        for key in pupils.keys { counts[key] = [:] }
        for finding in findings {
            counts[SchoolKey(finding: finding), default: [:]][finding.status.rawValue, default: 0] += 1
        }
        return counts.keys.sorted().map {
            DueReport.SchoolSummary(jurisdiction: $0.jurisdiction, school: $0.school, office: $0.office, pupils: pupils[$0] ?? 0,
                                    counts: counts[$0] ?? [:])
        }
    }
}
