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
    static let operatorId = CommandSpec.Option(names: ["--operator"], value: "id", help: "Report one operator's activity.")
    static let since = CommandSpec.Option(names: ["--since"], value: "date", help: "With --operator: from this day (YYYY-MM-DD) on.")
    static let anomalies = CommandSpec.Option(names: ["--anomalies"], value: nil, help: "Report accesses worth a second look.")
    static let jurisdiction = CommandSpec.Option(names: ["--jurisdiction"], value: "code",
                                                 help: "Language and time zone of the report (default: the pupil's, or the archive's).")
    static let forms = CommandSpec.Option(names: ["--forms"], value: "dir", help: "Folder of forms and report labels (default: Forms/ of the Inclusio home).")
    static let officeHours = CommandSpec.Option(names: ["--office-hours"], value: "H-H", help: "With --anomalies: office hours, local time (default 7-19).")
    static let bulk = CommandSpec.Option(names: ["--bulk"], value: "n", help: "With --anomalies: more pupils than this opened within an hour (default 20).")
    static let denials = CommandSpec.Option(names: ["--denials"], value: "n", help: "With --anomalies: this many refusals in a day (default 3).")

    static let spec = CommandSpec(
        path: "audit report",
        abstract: "Report the accesses to one pupil's file, one operator's activity, or anomalies; as a table, PDF, CSV or JSON.",
        usage: "inclusio audit report (--pupil <id> | --operator <id> [--since <date>] | --anomalies) [-o <file.pdf|file.csv|file.json|file.xml>] --as <auditor> (--key <key> | --passphrase-file <file>) --purpose <text>",
        options: ArchiveOptions.session + [ArchiveOptions.pupil, operatorId, since, anomalies, jurisdiction, forms, officeHours, bulk,
                                           denials, AuditOptions.output],
        discussion: """
        The pupil report is the record of requests and disclosures a guardian or an inspector may ask for: who, when, \
        what, why and to whom, in the language and time zone of the pupil's jurisdiction. Producing it is itself logged \
        as an access to that pupil. -o writes, by the file's extension, PDF (through Forms/<jurisdiction>/access-report.xsl), \
        CSV (UTF-8, opens in spreadsheet programs), JSON, or the XML the form reads (Schemas/audit/access-report.xsd); \
        anomalies are written as CSV or JSON.
        """)

    static func run(_ arguments: ParsedArguments, console: Console) throws(CLIError) {
        let modes = [arguments.value(ArchiveOptions.pupil) != nil, arguments.value(operatorId) != nil, arguments.has(anomalies)]
        guard modes.filter({ $0 }).count == 1 else { throw .usage("Give one of --pupil ID, --operator ID or --anomalies.", command: spec) }
        let rules = try anomalyRules(arguments)
        let printed = try printedFormat(arguments)
        let session = try ArchiveOptions.login(arguments, command: spec)
        let (trail, pupil) = try ArchiveOptions.run { () throws(ArchiveError) in try session.auditTrail(pupil: arguments.value(ArchiveOptions.pupil)) }
        let code = try jurisdiction(arguments, trail: trail, pupil: pupil)
        let labels = try labels(arguments, jurisdiction: code)
        if arguments.has(anomalies) {
            let found = AnomalyDetector(rules: rules, zone: labels.zone).findings(in: trail)
            try deliver(found, csv: CSV.document([["kind", "operator", "entries", "time", "detail"]]
                + found.map { [$0.kind.rawValue, $0.operatorId, $0.entries.map(String.init).joined(separator: " "), $0.localTime, $0.detail] }),
                        arguments, console: console) {
                console.out("\(labels.anomalyTitle) (\(labels.timeZone)): \(found.count)")
                ArchivePrinter.table(["kind", "operator", "entries", "time", "detail"], found.map {
                    [$0.kind.rawValue, $0.operatorId, abbreviated($0.entries), $0.localTime, $0.detail]
                }, on: console)
            }
            return
        }
        let accessReport: AccessReport
        if let pupil {
            accessReport = AccessReport.pupil(pupil, trail: trail, labels: labels)
        } else {
            accessReport = try report { () throws(AuditReportError) in
                try AccessReport.operatorActivity(arguments.value(operatorId) ?? "", since: arguments.value(since), trail: trail, labels: labels)
            }
        }
        if let printed, let path = arguments.value(AuditOptions.output) {
            let xml = accessReport.xml(jurisdiction: code, producedBy: session.op.id)
            try ArchiveOptions.writeNew(printed == "xml" ? xml : try pdf(xml, jurisdiction: code, arguments), to: path)
            console.err("Report written to \(path).")
            return
        }
        try deliver(accessReport, csv: accessReport.csv(), arguments, console: console) {
            console.out("\(accessReport.title) — \(accessReport.subject) (\(labels.timeZone)): \(accessReport.rows.count)")
            ArchivePrinter.table(accessReport.headings, accessReport.cells, on: console)
        }
    }

    /// Writes CSV or JSON to `-o` (by extension), prints JSON with `--json`, else runs `table`.
    private static func deliver(_ value: some Encodable, csv: Data, _ arguments: ParsedArguments, console: Console,
                                table: () -> Void) throws(CLIError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        if let path = arguments.value(AuditOptions.output) {
            let data = path.lowercased().hasSuffix(".json") ? ((try? encoder.encode(value)) ?? Data()) : csv
            try ArchiveOptions.writeNew(data, to: path)
            console.err("Report written to \(path).")
        } else if console.json {
            console.emit(value)
        } else {
            table()
        }
    }

    private static func anomalyRules(_ arguments: ParsedArguments) throws(CLIError) -> AnomalyRules {
        var rules = AnomalyRules()
        if let hours = arguments.value(officeHours) {
            let parts = hours.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 2, parts[0] >= 0, parts[0] < parts[1], parts[1] <= 24 else {
                throw .usage("--office-hours takes two hours, e.g. 7-19.", command: spec)
            }
            (rules.openingHour, rules.closingHour) = (parts[0], parts[1])
        }
        for (option, keyPath) in [(bulk, \AnomalyRules.bulkReads), (denials, \AnomalyRules.repeatedDenials)] {
            guard let text = arguments.value(option) else { continue }
            guard let value = Int(text), value > 0 else { throw .usage("\(option.key) takes a positive number.", command: spec) }
            rules[keyPath: keyPath] = value
        }
        return rules
    }

    /// `pdf` or `xml` when `-o` names such a file (checked before anything is read from the archive).
    private static func printedFormat(_ arguments: ParsedArguments) throws(CLIError) -> String? {
        guard let path = arguments.value(AuditOptions.output)?.lowercased(),
              let format = ["pdf", "xml"].first(where: { path.hasSuffix("." + $0) }) else { return nil }
        if arguments.has(anomalies) { throw .usage("Anomalies are written as CSV or JSON (-o anomalies.csv).", command: spec) }
        return format
    }

    /// A report's XML (an access report unless `kind` says otherwise), filled into the jurisdiction's
    /// form `Forms/<jurisdiction>/<kind>.xsl` (of `--forms`) and rendered.
    static func pdf(_ xml: Data, jurisdiction: String, kind: String = "access-report", _ arguments: ParsedArguments) throws(CLIError) -> Data {
        let printer = RecordPrinter(validator: RecordValidator(catalog: try InclusioHome.schemaCatalog(arguments)),
                                    forms: try InclusioHome.formCatalog(explicit: arguments.value(forms)))
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
        let formsFolder = try InclusioHome.folder("Forms", explicit: arguments.value(forms))
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
    static let spec = CommandSpec(
        path: "audit chart",
        abstract: "Draw the accesses per day and operator (of one pupil's file with --pupil) as a PNG chart.",
        usage: "inclusio audit chart -o <file.png> [--pupil <id>] [--since <date>] --as <auditor> (--key <key> | --passphrase-file <file>) --purpose <text>",
        options: ArchiveOptions.session + [ArchiveOptions.pupil, AuditReportCommand.since, AuditReportCommand.jurisdiction,
                                           AuditReportCommand.forms, AuditOptions.output],
        discussion: "Days and labels are in the time zone and language of the pupil's jurisdiction (or the archive's, or --jurisdiction).")

    static func run(_ arguments: ParsedArguments, console: Console) throws(CLIError) {
        guard let path = arguments.value(AuditOptions.output) else { throw .usage("Give the PNG file to write with -o FILE.", command: spec) }
        let session = try ArchiveOptions.login(arguments, command: spec)
        let (trail, pupil) = try ArchiveOptions.run { () throws(ArchiveError) in try session.auditTrail(pupil: arguments.value(ArchiveOptions.pupil)) }
        let labels = try AuditReportCommand.labels(arguments, jurisdiction: try AuditReportCommand.jurisdiction(arguments, trail: trail, pupil: pupil))
        let chart = try AuditReportCommand.report { () throws(AuditReportError) in
            try AccessChart.perDayAndOperator(trail, pupil: pupil, since: arguments.value(AuditReportCommand.since), labels: labels)
        }
        let png: Data
        do { png = try chart.png() } catch { throw .failed(error) }
        try ArchiveOptions.writeNew(png, to: path)
        console.out("Chart of \(chart.series.count) operator(s) over \(chart.categories.count) day(s) written to \(path).")
    }
}
