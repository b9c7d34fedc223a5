import Foundation
import Intake
import Printing
import Records
import Rendering
import Support
import XML

/// `inclusio render`: records (or case files) in, PDFs out, through the forms.
enum RenderCommand {
    static let output = CommandSpec.Option(names: ["-o", "--output"], value: "dir", help: "Folder for the PDFs (default: Output/pdf).")
    static let form = CommandSpec.Option(names: ["--form"], value: "file", help: "Use this form for every record instead of Forms/<jurisdiction>/<kind>.xsl.")
    static let merge = CommandSpec.Option(names: ["--merge"], value: "file.pdf", help: "Write one PDF with every record in input order instead of one PDF per record.")
    static let fo = CommandSpec.Option(names: ["--fo"], value: nil, help: "Write each form's XSL-FO (.fo) instead of a PDF, e.g. to compare with Apache FOP.")
    static let forms = CommandSpec.Option(names: ["--forms"], value: "dir", help: "Folder of forms (default: Forms/ of the Inclusio home).")

    static let spec = CommandSpec(
        path: "render",
        abstract: "Print records as PDF through the forms of their jurisdiction (fonts embedded).",
        usage: "inclusio render <record.xml|dir|cases.csv>... [-o <dir>] [--form <file>] [--merge <file.pdf>] [--fo] [--forms <dir>] [--schemas <dir>] [--json]",
        options: [output, form, merge, fo, forms, CommandSpec.schemas, CommandSpec.json],
        discussion: """
        Each record is validated, then filled into Forms/<jurisdiction>/<kind>.xsl (chosen from its namespace \
        and jurisdiction attribute) and rendered. Case files (JSON, CSV or XML, told by their content) are \
        generated first, as 'inclusio generate' does. PDFs are named like the records (<kind>-<digest>-v<version>.pdf), never after the pupil. \
        A record that fails is reported with its file and the others are still rendered (exit status non-zero); \
        with --merge nothing is written unless every record renders. Both processor cores are used.
        """)

    private struct Outcome: Encodable {
        let file: String
        let output: String?
        let pages: Int?
        let message: String?

        init(_ printed: BatchPrinter.Outcome) {
            file = printed.file
            switch printed.result {
            case let .success(written): (output, pages, message) = (written.output.path, written.pages, nil)
            case let .failure(error): (output, pages, message) = (nil, nil, error.description)
            }
        }
    }

    static func run(_ arguments: ParsedArguments, console: Console) throws(CLIError) {
        guard !arguments.operands.isEmpty else { throw .usage("Give at least one record, folder or case file.", command: spec) }
        if arguments.value(merge) != nil, arguments.has(fo) { throw .usage("--merge and --fo cannot be used together.", command: spec) }
        let catalog = try InclusioHome.schemaCatalog(arguments)
        let printer = RecordPrinter(validator: RecordValidator(catalog: catalog), forms: try InclusioHome.formCatalog(explicit: arguments.value(forms)),
                                    override: arguments.value(form).map { URL(fileURLWithPath: $0) })
        let intake = Intake(catalog: catalog, accepting: [.record, .caseFile], command: "render")
        let read: [ClassifiedInput]
        do { read = try intake.read(arguments.operands) } catch { throw .failed(error) }
        let records: [RecordInput]
        do { records = try intake.records(of: read) } catch { throw .failed(error) }
        let inputs = records.map { BatchPrinter.Input(name: $0.name, data: $0.data) }
        guard !inputs.isEmpty else { throw .failed(XMLError.unreadable(file: arguments.operands.joined(separator: " "))) }
        let progress = Progress(total: inputs.count, label: "Rendering", console: console)
        let batch = BatchPrinter(printer: printer)
        if let path = arguments.value(merge) {
            let merged: Result<BatchPrinter.Merged, BatchPrinter.MergeRefused>
            do { merged = try batch.printMerged(inputs, into: URL(fileURLWithPath: path), advance: { progress.advance() }) } catch { throw .failed(error) }
            progress.finish()
            try reportMerged(merged, path: path, count: inputs.count, console: console)
            return
        }
        let folder = URL(fileURLWithPath: arguments.value(output) ?? "Output/pdf", isDirectory: true)
        let printed: [BatchPrinter.Outcome]
        do { printed = try batch.printEach(inputs, into: folder, fo: arguments.has(fo), advance: { progress.advance() }) } catch { throw .failed(error) }
        progress.finish()
        let outcomes = printed.map(Outcome.init)
        report(outcomes, folder: folder, console: console)
        let failed = printed.compactMap { if case let .failure(error) = $0.result { error } else { nil } }
        guard let first = failed.first else { return }
        if inputs.count == 1 { throw .failed(first) }
        throw .someFailed("\(failed.count) of \(inputs.count) records were not rendered (each is listed above); the others were.",
                          code: CLIError.exitCode(first))
    }

    /// `--merge`: the merged PDF written, or the records that kept it from being written.
    private static func reportMerged(_ merged: Result<BatchPrinter.Merged, BatchPrinter.MergeRefused>, path: String, count: Int,
                                     console: Console) throws(CLIError) {
        switch merged {
        case let .success(merged):
            if console.json {
                console.emit(["merged": MergedJSON(file: merged.output.path, records: merged.records, pages: merged.pages)])
            } else {
                console.out("Rendered \(merged.records) record\(merged.records == 1 ? "" : "s") into \(merged.output.path) (\(merged.pages) pages).")
            }
        case let .failure(refused):
            let failures = refused.failures.compactMap { if case let .failure(error) = $0.result { error } else { nil } }
            if console.json {
                console.emit(RenderJSON(rendered: [], failed: refused.failures.map(Outcome.init)))
            } else {
                console.err(failures.map { "Error: \($0)" }.joined(separator: "\n"))
            }
            guard let first = failures.first else { return }
            if count == 1 { throw .failed(first) }
            throw .someFailed("\(failures.count) of \(count) records cannot be printed (each is listed above); \(path) was not written.",
                              code: CLIError.exitCode(first))
        }
    }

    private static func report(_ outcomes: [Outcome], folder: URL, console: Console) {
        let done = outcomes.filter { $0.message == nil }
        if console.json {
            console.emit(RenderJSON(rendered: done, failed: outcomes.filter { $0.message != nil }))
            return
        }
        var listing = done.map { "  \(URL(fileURLWithPath: $0.output ?? "").lastPathComponent)  \($0.pages.map { "\($0) page\($0 == 1 ? "" : "s")  " } ?? "")← \($0.file)" }
        listing.insert("Rendered \(done.count) of \(outcomes.count) record\(outcomes.count == 1 ? "" : "s") into \(folder.path):", at: 0)
        console.out(listing.joined(separator: "\n"))
        let messages = outcomes.compactMap(\.message)
        if !messages.isEmpty { console.err(messages.map { "Error: \($0)" }.joined(separator: "\n")) }
    }

    private struct RenderJSON: Encodable {
        let rendered: [Outcome]
        let failed: [Outcome]
    }

    private struct MergedJSON: Encodable {
        let file: String
        let records: Int
        let pages: Int
    }
}
