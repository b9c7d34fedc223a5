import Archive
import Audit
import AuditLog
import Foundation
import Jurisdictions
import Printing
import Records
import XML

/// `inclusio audit report`: who saw a pupil's file, what an operator did, what looks wrong.
enum AuditReportCommand {
    static let operatorId = Option(["--operator"], value: "id", help: "Report one operator's activity.")
    static let since = Option(["--since"], value: "date", type: .day, help: "With --operator: from this day (YYYY-MM-DD) on.")
    static let anomalies = Option(flag: ["--anomalies"], help: "Report accesses worth a second look.")
    static let jurisdiction = Option(["--jurisdiction"], value: "code",
                                                 help: "Language and time zone of the report (default: the pupil's, or the archive's).")
    static let officeHours = Option(["--office-hours"], value: "H-H", type: .hours, help: "With --anomalies: office hours, local time (default 7-19).")
    static let bulk = Option(["--bulk"], value: "n", type: .integer(1...Int.max), help: "With --anomalies: more pupils than this opened within an hour (default 20).")
    static let denials = Option(["--denials"], value: "n", type: .integer(1...Int.max), help: "With --anomalies: this many refusals in a day (default 3).")

    static let output = Option(["-o", "--output"], value: "file", type: .file(extensions: ["pdf", "csv", "json", "xml"]),
                               help: "Write the report to this new file: .pdf, .csv, .json or .xml (anomalies: .csv or .json).")

    static let command = Command(spec: spec, run: run)

    static let spec = CommandSpec(
        path: "audit report",
        abstract: "Report the accesses to one pupil's file, one operator's activity, or anomalies; as a table, PDF, CSV or JSON.",
        options: ArchiveOptions.session + [ArchiveOptions.pupil, operatorId, since, anomalies, jurisdiction, HomeOptions.forms, officeHours, bulk,
                                           denials, output],
        required: [.oneOf([ArchiveOptions.pupil, operatorId, anomalies])] + ArchiveOptions.access,
        discussion: """
        The pupil report is the record of requests and disclosures a guardian or an inspector may ask for: who, when, \
        what, why and to whom, in the language and time zone of the pupil's jurisdiction. Producing it is itself logged \
        as an access to that pupil. -o writes, by the file's extension, PDF (through Forms/<jurisdiction>/access-report.xsl), \
        CSV (UTF-8, opens in spreadsheet programs), JSON, or the XML the form reads (Schemas/audit/access-report.xsd); \
        anomalies are written as CSV or JSON.
        """)

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> CommandResult {
        let modes = [arguments.value(ArchiveOptions.pupil) != nil, arguments.value(operatorId) != nil, arguments.has(anomalies)]
        guard modes.filter({ $0 }).count == 1 else { throw arguments.usage("Give one of --pupil ID, --operator ID or --anomalies.") }
        let rules = anomalyRules(arguments)
        let file = arguments.file(output)
        if arguments.has(anomalies), let file, !["csv", "json"].contains(file.format) {
            throw arguments.usage("Anomalies are written as CSV or JSON (-o anomalies.csv).")
        }
        let session = try ArchiveOptions.login(arguments)
        let (trail, pupil) = try ArchiveOptions.run { () throws(ArchiveError) in try session.auditTrail(pupil: arguments.value(ArchiveOptions.pupil)) }
        let code = try jurisdiction(arguments, trail: trail, pupil: pupil)
        let labels = try labels(arguments, jurisdiction: code)
        if arguments.has(anomalies) {
            let found = AnomalyDetector(rules: rules, zone: labels.zone).findings(in: trail)
            let csv = CSV.document([["kind", "operator", "entries", "time", "detail"]]
                + found.map { [$0.kind.rawValue, $0.operatorId, $0.entries.map(String.init).joined(separator: " "), $0.localTime, $0.detail] })
            return try deliver(found, csv: csv, to: file) {
                "\(labels.anomalyTitle) (\(labels.timeZone)): \(found.count)\n" + ArchivePrinter.table(["kind", "operator", "entries", "time", "detail"], found.map {
                    [$0.kind.rawValue, $0.operatorId, abbreviated($0.entries), $0.localTime, $0.detail]
                })
            }
        }
        let accessReport: AccessReport
        if let pupil {
            accessReport = AccessReport.pupil(pupil, trail: trail, labels: labels)
        } else {
            accessReport = try report { () throws(AuditReportError) in
                try AccessReport.operatorActivity(arguments.value(operatorId) ?? "", since: arguments.value(since), trail: trail, labels: labels)
            }
        }
        if let file, ["pdf", "xml"].contains(file.format) {
            let xml = accessReport.xml(jurisdiction: code, producedBy: session.op.id)
            try ArchiveOptions.writeNew(file.format == "xml" ? xml : try pdf(xml, jurisdiction: code, arguments), to: file.path)
            return written(accessReport, to: file.path)
        }
        return try deliver(accessReport, csv: accessReport.csv(), to: file) {
            "\(accessReport.title) — \(accessReport.subject) (\(labels.timeZone)): \(accessReport.rows.count)\n"
                + ArchivePrinter.table(accessReport.headings, accessReport.cells)
        }
    }

    /// Writes CSV or JSON to the `-o` file (by its format), else the result is `value` and `table`.
    private static func deliver<Value: Encodable>(_ value: Value, csv: Data, to file: (path: String, format: String)?,
                                                  table: @escaping () -> String) throws(CLIError) -> CommandResult {
        guard let file else { return CommandResult(value, text: table) }
        try ArchiveOptions.writeNew(file.format == "json" ? AuditOptions.json(value) : csv, to: file.path)
        return written(value, to: file.path)
    }

    /// The result of a report written to `path`: the report for `--json`, a note on the terminal.
    private static func written(_ value: some Encodable, to path: String) -> CommandResult {
        var result = CommandResult(value) { "" }
        result.notes = ["Report written to \(path)."]
        return result
    }

    private static func anomalyRules(_ arguments: ParsedArguments) -> AnomalyRules {
        var rules = AnomalyRules()
        if let hours = arguments.hours(officeHours) { (rules.openingHour, rules.closingHour) = hours }
        if let bulk = arguments.integer(bulk) { rules.bulkReads = bulk }
        if let denials = arguments.integer(denials) { rules.repeatedDenials = denials }
        return rules
    }

    /// A report's XML (an access report unless `kind` says otherwise), filled into the jurisdiction's
    /// form `Forms/<jurisdiction>/<kind>.xsl` (of `--forms`) and rendered.
    static func pdf(_ xml: Data, jurisdiction: String, kind: String = "access-report", _ arguments: ParsedArguments) throws(CLIError) -> Data {
        let printer = RecordPrinter(validator: RecordValidator(catalog: try InclusioHome.schemaCatalog(arguments)),
                                    forms: try InclusioHome.formCatalog(arguments))
        do { return try printer.pdf(generated: xml, file: kind, jurisdiction: jurisdiction, kind: kind) } catch { throw .failed(error) }
    }

    /// `--jurisdiction`, else the pupil's jurisdiction, else the archive's most common one, else the
    /// only jurisdiction declared.
    /// - Throws: ``CLIError/usage(_:command:)`` when the log names no pupil and several are declared.
    static func jurisdiction(_ arguments: ParsedArguments, trail: AuditTrail, pupil: String?) throws(CLIError) -> String {
        if let code = arguments.value(jurisdiction) ?? pupil.flatMap({ trail.pupils[$0]?.jurisdiction }) ?? mostCommonJurisdiction(trail) {
            return code
        }
        let declared = try InclusioHome.jurisdictionCatalog().codes
        guard declared.count == 1 else {
            throw .usage("The log names no pupil, so it has no jurisdiction; give --jurisdiction (\(declared.joined(separator: ", "))).", command: spec)
        }
        return declared[0]
    }

    /// The report labels of jurisdiction `code`.
    static func labels(_ arguments: ParsedArguments, jurisdiction code: String) throws(CLIError) -> ReportLabels {
        let formsFolder = try InclusioHome.folder(.forms, explicit: arguments.value(HomeOptions.forms))
        let catalog = try InclusioHome.jurisdictionCatalog()
        let declared: Jurisdiction
        do { declared = try catalog.jurisdiction(code) } catch { throw .failed(error) }
        return try report { () throws(AuditReportError) in try ReportLabels.load(declared, forms: formsFolder) }
    }

    private static func mostCommonJurisdiction(_ trail: AuditTrail) -> String? {
        Dictionary(grouping: trail.pupils.values, by: \.jurisdiction).max { $0.value.count < $1.value.count }?.key
    }

    private static func abbreviated(_ entries: [Int]) -> String {
        entries.count <= 4 ? entries.map(String.init).joined(separator: " ") : "\(entries[0])…\(entries[entries.count - 1]) (\(entries.count))"
    }

    static func report<T>(_ body: () throws(AuditReportError) -> T) throws(CLIError) -> T {
        do { return try body() } catch { throw .failed(error) }
    }
}

/// `inclusio audit chart`: accesses per day and operator, as a PNG.
enum AuditChartCommand {
    static let output = Option(["-o", "--output"], value: "file.png", type: .file(extensions: ["png"]), help: "The PNG file to write (must not exist).")

    static let command = Command(spec: spec, run: run)

    static let spec = CommandSpec(
        path: "audit chart",
        abstract: "Draw the accesses per day and operator (of one pupil's file with --pupil) as a PNG chart.",
        options: ArchiveOptions.session + [ArchiveOptions.pupil, AuditReportCommand.since, AuditReportCommand.jurisdiction,
                                           HomeOptions.forms, output],
        required: [.option(output)] + ArchiveOptions.access,
        discussion: "Days and labels are in the time zone and language of the pupil's jurisdiction (or the archive's, or --jurisdiction).")

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> CommandResult {
        guard let path = arguments.value(output) else { throw arguments.usage("Give the PNG file to write with -o FILE.") }
        let session = try ArchiveOptions.login(arguments)
        let (trail, pupil) = try ArchiveOptions.run { () throws(ArchiveError) in try session.auditTrail(pupil: arguments.value(ArchiveOptions.pupil)) }
        let labels = try AuditReportCommand.labels(arguments, jurisdiction: try AuditReportCommand.jurisdiction(arguments, trail: trail, pupil: pupil))
        let chart = try AuditReportCommand.report { () throws(AuditReportError) in
            try AccessChart.perDayAndOperator(trail, pupil: pupil, since: arguments.value(AuditReportCommand.since), labels: labels)
        }
        let png: Data
        do { png = try chart.png() } catch { throw .failed(error) }
        try ArchiveOptions.writeNew(png, to: path)
        let drawn = Drawn(file: path, operators: chart.series.count, days: chart.categories.count)
        return CommandResult(drawn) { "Chart of \(drawn.operators) operator(s) over \(drawn.days) day(s) written to \(path)." }
    }

    /// The chart written: where, and how many operators and days it shows.
    private struct Drawn: Encodable {
        let file: String
        let operators: Int
        let days: Int
    }
}
