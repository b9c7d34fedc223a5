import Archive
import Audit
import Deadlines
import Foundation
import XML

/// `inclusio due`: the deadlines of the pupils in your scope, from the dates of their filed documents.
enum DueCommand {
    static let school = CommandSpec.Option(names: ["--school"], value: "code", help: "Only pupils of this school (code or name).")
    static let on = CommandSpec.Option(names: ["--on"], value: "date", help: "The day to judge on, YYYY-MM-DD (default: today).")
    static let within = CommandSpec.Option(names: ["--within"], value: "days", help: "Days of notice: a deadline this close is due (default 30).")
    static let rules = CommandSpec.Option(names: ["--rules"], value: "dir", help: "Folder of deadlines, <jurisdiction>/deadlines.xml (default: Rules/ of the Inclusio home).")

    static let spec = CommandSpec(
        path: "due",
        abstract: "Show what is overdue, due soon and done for each pupil and school in your scope, by the jurisdiction's deadlines.",
        usage: "inclusio due [--school <code>] [--on <date>] [--within <days>] [--rules <dir>] [-o <file.csv|file.json|file.pdf>] --as <operator> (--key <key> | --passphrase-file <file>) --purpose <text>",
        options: ArchiveOptions.session + [school, on, within, rules, AuditReportCommand.forms, AuditOptions.output],
        discussion: """
        The deadlines are data: Rules/<jurisdiction>/deadlines.xml (schema Schemas/rules/deadlines.xsd), each rule citing the \
        paragraph of the source it applies; a changed file changes the answer at the next run. They are judged from the kind \
        and date of every document version filed for each pupil, read from the archive's index without decrypting anything; \
        rules counting kinds your role may not read are left out and named. Statuses: overdue, due (within --within days), \
        open (window open, deadline further off), done, late (done after the deadline), waiting (too early, e.g. a \
        re-assessment request), reminder (an office task the archive cannot see). The run is logged as one access (no pupil \
        named). -o writes, by extension, CSV (every finding), JSON (findings and counts per school) or a one-page PDF (counts \
        per school and the most urgent findings) through Forms/<jurisdiction>/due-dates.xsl in the words of the deadlines file.
        """)

    static func run(_ arguments: ParsedArguments, console: Console) throws(CLIError) {
        let day = try self.day(arguments)
        let notice = try self.notice(arguments)
        let output = try outputFormat(arguments)
        let catalog = try self.catalog(arguments)
        let session = try ArchiveOptions.login(arguments, command: spec)
        let (archived, readable) = try ArchiveOptions.run { () throws(ArchiveError) in try session.documentDates(school: arguments.value(school)) }
        let report = DeadlineEvaluator(catalog: catalog, on: day, within: notice, readableKinds: readable).report(for: archived.map(pupilDates))
        switch (output, arguments.value(AuditOptions.output)) {
        case let ("pdf", path?):
            let book = try mainBook(report, catalog: catalog, pupils: archived)
            let xml = report.xml(book: book, producedBy: session.op.id, produced: producedTime())
            try ArchiveOptions.writeNew(try AuditReportCommand.pdf(xml, jurisdiction: book.jurisdiction, kind: "due-dates", arguments), to: path)
            console.err("Due dates written to \(path).")
        case let ("csv", path?):
            try ArchiveOptions.writeNew(CSV.document([DueReport.findingColumns] + report.findingRows), to: path)
            console.err("Due dates written to \(path) (\(report.findings.count) rows).")
        case let ("json", path?):
            try ArchiveOptions.writeNew(json(report), to: path)
            console.err("Due dates written to \(path).")
        default:
            if console.json { console.emit(report); return }
            printTable(report, console: console)
        }
    }

    /// The archive's view of a pupil as the evaluator takes it: dates read, grouped by kind.
    private static func pupilDates(_ pupil: PupilDocumentDates) -> PupilDates {
        var documents: [String: [CalendarDay]] = [:]
        for document in pupil.documents {
            guard let day = CalendarDay(document.issued) else { continue }
            documents[document.kind, default: []].append(day)
        }
        return PupilDates(pseudonym: pupil.pseudonym, jurisdiction: pupil.placement.jurisdiction,
                          school: pupil.placement.schoolCode ?? pupil.placement.schoolName, documents: documents)
    }

    private static func printTable(_ report: DueReport, console: Console) {
        console.out("Due dates on \(report.on) (due: within \(report.within) days): \(report.findings.count) finding(s)")
        if !report.findings.isEmpty { ArchivePrinter.table(DueReport.findingColumns, report.findingRows, on: console) }
        console.out("")
        ArchivePrinter.table(DueReport.schoolColumns, report.schoolRows, on: console)
        if !report.withheldRules.isEmpty {
            console.out("Not judged (they count document kinds your role may not read): \(report.withheldRules.joined(separator: ", ")).")
        }
        if report.pupilsWithoutRules > 0 {
            console.out("\(report.pupilsWithoutRules) pupil(s) of jurisdictions without a deadlines file are not judged.")
        }
    }

    private static func json(_ report: DueReport) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings, numbers and dates cannot fail.
        return (try? encoder.encode(report)) ?? Data()
    }

    /// The deadlines of every jurisdiction in `--rules` (checked before the archive is opened).
    private static func catalog(_ arguments: ParsedArguments) throws(CLIError) -> DeadlineCatalog {
        let folder = try InclusioHome.folder("Rules", explicit: arguments.value(rules))
        let schemaFolder = try InclusioHome.folder("Schemas", explicit: arguments.value(CommandSpec.schemas)).appendingPathComponent("rules", isDirectory: true)
        let schemas: SchemaCatalog
        do { schemas = try SchemaCatalog(directory: schemaFolder) } catch { throw .failed(error) }
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

    private static func day(_ arguments: ParsedArguments) throws(CLIError) -> CalendarDay {
        guard let text = arguments.value(on) else {
            let today = Calendar.current.dateComponents([.year, .month, .day], from: Date())
            return CalendarDay(year: today.year ?? 1970, month: today.month ?? 1, day: today.day ?? 1)
        }
        guard let day = CalendarDay(text), text.count == 10 else { throw .usage("--on takes a day written YYYY-MM-DD, e.g. 2026-09-30.", command: spec) }
        return day
    }

    private static func notice(_ arguments: ParsedArguments) throws(CLIError) -> Int {
        guard let text = arguments.value(within) else { return 30 }
        guard let days = Int(text), days >= 0, days <= 3660 else { throw .usage("--within takes a number of days from 0 to 3660.", command: spec) }
        return days
    }

    /// `csv`, `json` or `pdf` for `-o`, refused before anything is read for any other extension.
    private static func outputFormat(_ arguments: ParsedArguments) throws(CLIError) -> String? {
        guard let path = arguments.value(AuditOptions.output) else { return nil }
        guard let format = ["csv", "json", "pdf"].first(where: { path.lowercased().hasSuffix("." + $0) }) else {
            throw .usage("-o writes a .csv, .json or .pdf file.", command: spec)
        }
        return format
    }

    private static func producedTime() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm ZZZZZ"
        return formatter.string(from: Date())
    }
}
