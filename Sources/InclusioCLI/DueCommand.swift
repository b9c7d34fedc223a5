import Archive
import Audit
import Deadlines
import Foundation
import XML

/// `inclusio due`: the deadlines of the pupils in your scope, from the dates of their filed documents.
enum DueCommand {
    static let school = Option(["--school"], value: "code", help: "Only pupils of this school (code or name).")
    static let on = Option(["--on"], value: "date", type: .day, help: "The day to judge on, YYYY-MM-DD (default: today).")
    static let within = Option(["--within"], value: "days", type: .integer(0...3660), help: "Days of notice: a deadline this close is due (default 30).")
    static let output = Option(["-o", "--output"], value: "file", type: .file(extensions: ["csv", "json", "pdf"]),
                               help: "Write to this new file: .csv (every finding), .json or .pdf (one page), instead of printing.")

    static let command = Command(spec: spec, run: run)

    static let spec = CommandSpec(
        path: "due",
        abstract: "Show what is overdue, due soon and done for each pupil and school in your scope, by the jurisdiction's deadlines.",
        options: ArchiveOptions.session + [school, on, within, HomeOptions.rules, HomeOptions.forms, output],
        required: ArchiveOptions.access,
        discussion: """
        The deadlines are data: Rules/<jurisdiction>/deadlines.xml (schema Schemas/rules/deadlines.xsd), each rule citing the \
        paragraph of the source it applies; a changed file changes the answer at the next run. They are judged from the kind \
        and date of every document version filed for each pupil, and from the few facts of their newest placement and \
        certificate that the index keeps in clear (admission type, entry date, exemption, a decision against the guardian's \
        wish or without hearing them, a revocation and its effective date), read without decrypting anything (versions filed \
        by an earlier Inclusio are read once for those facts); rules counting kinds your role may not read are left out and \
        named, and facts come only from kinds you may read. A pupil whose certificate was revoked has no deadline from its \
        effective date on; flagged: the latest placement needs a look (the rule cites why). Statuses: overdue, due (within --within days), \
        open (window open, deadline further off), done, late (done after the deadline), waiting (too early, e.g. a \
        re-assessment request), reminder (an office task the archive cannot see). The run is logged as one access (no pupil \
        named). -o writes, by extension, CSV (every finding), JSON (findings and counts per school) or a one-page PDF (counts \
        per school and the most urgent findings) through Forms/<jurisdiction>/due-dates.xsl in the words of the deadlines file.
        """)

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> CommandResult {
        let day = arguments.day(on) ?? today()
        let notice = arguments.integer(within) ?? 30
        let catalog = try self.catalog(arguments)
        let session = try ArchiveOptions.login(arguments)
        let (archived, readable) = try ArchiveOptions.run { () throws(ArchiveError) in try session.documentDates(school: arguments.value(school)) }
        let report = DeadlineEvaluator(catalog: catalog, on: day, within: notice, readableKinds: readable).report(for: archived.map(pupilDates))
        var result = CommandResult(report) { table(report) }
        switch arguments.file(output) {
        case let (path, "pdf")?:
            let book = try mainBook(report, catalog: catalog, pupils: archived)
            let xml = report.xml(book: book, producedBy: session.op.id, produced: producedTime())
            try ArchiveOptions.writeNew(try AuditReportCommand.pdf(xml, jurisdiction: book.jurisdiction, kind: "due-dates", arguments), to: path)
            result = written(report, note: "Due dates written to \(path).")
        case let (path, "csv")?:
            try ArchiveOptions.writeNew(CSV.document([DueReport.findingColumns] + report.findingRows), to: path)
            result = written(report, note: "Due dates written to \(path) (\(report.findings.count) rows).")
        case let (path, _)?:
            try ArchiveOptions.writeNew(AuditOptions.json(report), to: path)
            result = written(report, note: "Due dates written to \(path).")
        case nil:
            break
        }
        return result
    }

    /// The result of a report written to a file: the report for `--json`, `note` on the terminal.
    private static func written(_ report: DueReport, note: String) -> CommandResult {
        var result = CommandResult(report) { "" }
        result.notes = [note]
        return result
    }

    /// The archive's view of a pupil as the evaluator takes it: dates read, grouped by kind.
    private static func pupilDates(_ pupil: PupilDocumentDates) -> PupilDates {
        var documents: [String: [CalendarDay]] = [:]
        for document in pupil.documents {
            guard let day = CalendarDay(document.issued) else { continue }
            documents[document.kind, default: []].append(day)
        }
        return PupilDates(pseudonym: pupil.pseudonym, jurisdiction: pupil.placement.jurisdiction,
                          school: pupil.placement.schoolCode ?? pupil.placement.schoolName, documents: documents, facts: facts(pupil.facts))
    }

    /// The archive's due facts as the scopes read them: the newest placement's admission type, entry
    /// date, exemption and flags (nothing known without one), the newest certificate's revocation.
    private static func facts(_ archived: PupilDueFacts) -> PupilFacts {
        let placement = archived.placement?.facts
        var flags: Set<DeadlineRule.Flag> = []
        if placement?.wishNotFollowed == true { flags.insert(.wishNotFollowed) }
        if placement?.guardianNotHeard == true { flags.insert(.guardianNotHeard) }
        return PupilFacts(entryDate: placement?.entry.flatMap(CalendarDay.init), admission: placement?.admission, exempted: placement?.exempted,
                          revokedOn: archived.certificate?.facts.revoked.flatMap(CalendarDay.init), flags: flags,
                          placedOn: archived.placement.flatMap { CalendarDay($0.issued) })
    }

    /// The findings and the schools' counts as aligned tables.
    private static func table(_ report: DueReport) -> String {
        var lines = ["Due dates on \(report.on) (due: within \(report.within) days): \(report.findings.count) finding(s)"]
        if !report.findings.isEmpty { lines.append(ArchivePrinter.table(DueReport.findingColumns, report.findingRows)) }
        lines += ["", ArchivePrinter.table(DueReport.schoolColumns, report.schoolRows)]
        if !report.withheldRules.isEmpty {
            lines.append("Not judged (they count document kinds your role may not read): \(report.withheldRules.joined(separator: ", ")).")
        }
        for rule in report.unjudged {
            lines.append("\(rule.rule): \(rule.pupils) pupil(s) not judged; the rule applies only to some pupils (its <scope>) and no placement of theirs that you may read says whether these are among them (admission type, entry date).")
        }
        if report.pupilsWithoutRules > 0 {
            lines.append("\(report.pupilsWithoutRules) pupil(s) of jurisdictions without a deadlines file are not judged.")
        }
        return lines.joined(separator: "\n")
    }

    /// The deadlines of every jurisdiction in `--rules` (checked before the archive is opened).
    private static func catalog(_ arguments: ParsedArguments) throws(CLIError) -> DeadlineCatalog {
        let folder = try InclusioHome.folder(.rules, explicit: arguments.value(HomeOptions.rules))
        let schemas = try InclusioHome.schemaCatalog("rules", arguments)
        let jurisdictions = try InclusioHome.jurisdictionCatalog()
        do { return try DeadlineCatalog(folder: folder, schemas: schemas, jurisdictions: jurisdictions) } catch { throw .failed(error) }
    }

    /// The book whose words the PDF uses: the jurisdiction with the most pupils in the report.
    private static func mainBook(_ report: DueReport, catalog: DeadlineCatalog, pupils: [PupilDocumentDates]) throws(CLIError) -> DeadlineBook {
        let counts = Dictionary(grouping: pupils.filter { catalog.books[$0.placement.jurisdiction] != nil }, by: \.placement.jurisdiction).mapValues(\.count)
        let code = counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? catalog.books.keys.sorted().first
        guard let code, let book = catalog.books[code] else { throw .usage("There are no pupils with deadlines in your scope to print.", command: spec) }
        return book
    }

    private static func today() -> CalendarDay {
        let today = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CalendarDay(year: today.year ?? 1970, month: today.month ?? 1, day: today.day ?? 1)
    }

    private static func producedTime() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm ZZZZZ"
        return formatter.string(from: Date())
    }
}
