import Foundation
import Intake
import Printing
import Records
import Rendering
import Support
import XML

/// `inclusio render`: records (or case files) in, PDFs out, through the forms.
enum RenderCommand {
    static let output = Option(["-o", "--output"], value: "dir", help: "Folder for the PDFs (default: Output/pdf).")
    static let form = Option(["--form"], value: "file", help: "Use this form for every record instead of Forms/<jurisdiction>/<kind>.xsl.")
    static let merge = Option(["--merge"], value: "file.pdf", type: .file(extensions: ["pdf"]), help: "Write one PDF with every record in input order instead of one PDF per record.")
    static let fo = Option(flag: ["--fo"], help: "Write each form's XSL-FO (.fo) instead of a PDF, e.g. to compare with Apache FOP.")

    static let command = Command(spec: spec, run: run)

    static let spec = CommandSpec(
        path: "render",
        abstract: "Print records as PDF through the forms of their jurisdiction (fonts embedded).",
        operands: .some("record-folder-or-case-file"),
        options: [output, form, merge, fo, HomeOptions.forms, HomeOptions.schemas],
        discussion: """
        Each record is validated, then filled into Forms/<jurisdiction>/<kind>.xsl (chosen from its namespace \
        and jurisdiction attribute) and rendered. Case files (JSON, CSV or XML, told by their content) are \
        generated first, as 'inclusio generate' does. PDFs are named like the records (<kind>-<digest>-v<version>.pdf), never after the pupil. \
        A record that fails is reported with its file and the others are still rendered (exit status non-zero); \
        with --merge nothing is written unless every record renders. One worker per processor core.
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

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> CommandResult {
        guard !arguments.operands.isEmpty else { throw arguments.usage("Give at least one record, folder or case file.") }
        if arguments.value(merge) != nil, arguments.has(fo) { throw arguments.usage("--merge and --fo cannot be used together.") }
        let catalog = try InclusioHome.schemaCatalog(arguments)
        let printer = RecordPrinter(validator: RecordValidator(catalog: catalog), forms: try InclusioHome.formCatalog(arguments),
                                    override: arguments.value(form).map { URL(fileURLWithPath: $0) })
        let intake = Intake(catalog: catalog, accepting: [.record, .caseFile], command: "render")
        let read: [ClassifiedInput]
        do { read = try intake.read(arguments.operands) } catch { throw .failed(error) }
        let records: [RecordInput]
        do { records = try intake.records(of: read) } catch { throw .failed(error) }
        let inputs = records.map { BatchPrinter.Input(name: $0.name, data: $0.data) }
        guard !inputs.isEmpty else { throw .failed(XMLError.unreadable(file: arguments.operands.joined(separator: " "))) }
        let progress = Progress(total: inputs.count, label: "Rendering", quiet: arguments.json)
        let batch = BatchPrinter(printer: printer)
        if let path = arguments.value(merge) {
            let merged: Result<BatchPrinter.Merged, BatchPrinter.MergeRefused>
            do { merged = try batch.printMerged(inputs, into: URL(fileURLWithPath: path), advance: { progress.advance() }) } catch { throw .failed(error) }
            progress.finish()
            switch merged {
            case let .success(merged):
                let written = MergedJSON(file: merged.output.path, records: merged.records, pages: merged.pages)
                return CommandResult(["merged": written]) {
                    "Rendered \(written.records) record\(written.records == 1 ? "" : "s") into \(written.file) (\(written.pages) pages)."
                }
            case let .failure(refused):
                return try withFailures(of: refused.failures, count: inputs.count, in: CommandResult(nil) { "" }) {
                    "\($0) of \(inputs.count) records cannot be printed (each is listed above); \(path) was not written."
                }
            }
        }
        let folder = URL(fileURLWithPath: arguments.value(output) ?? "Output/pdf", isDirectory: true)
        let printed: [BatchPrinter.Outcome]
        do { printed = try batch.printEach(inputs, into: folder, fo: arguments.has(fo), advance: { progress.advance() }) } catch { throw .failed(error) }
        progress.finish()
        return try withFailures(of: printed, count: inputs.count, in: report(printed.map(Outcome.init), folder: folder)) {
            "\($0) of \(inputs.count) records were not rendered (each is listed above); the others were."
        }
    }

    /// `result` with the records of `outcomes` that failed as its failures, summarised; when
    /// only one record was given, its failure is the whole answer.
    private static func withFailures(of outcomes: [BatchPrinter.Outcome], count: Int, in result: CommandResult,
                                     summary: (Int) -> String) throws(CLIError) -> CommandResult {
        let failed = outcomes.compactMap { outcome -> (file: String, error: PrintingError)? in
            if case let .failure(error) = outcome.result { (outcome.file, error) } else { nil }
        }
        if count == 1, let only = failed.first { throw .failed(only.error) }
        var result = result
        result.failures = failed.map { InputFailure(input: $0.file, error: .failed($0.error)) }
        result.summarize(summary, first: failed.first.map { .failed($0.error) })
        return result
    }

    /// The PDFs written, listed; the failures are the caller's.
    private static func report(_ outcomes: [Outcome], folder: URL) -> CommandResult {
        let done = outcomes.filter { $0.message == nil }
        return CommandResult(RenderJSON(rendered: done)) {
            var listing = done.map { "  \(URL(fileURLWithPath: $0.output ?? "").lastPathComponent)  \($0.pages.map { "\($0) page\($0 == 1 ? "" : "s")  " } ?? "")← \($0.file)" }
            listing.insert("Rendered \(done.count) of \(outcomes.count) record\(outcomes.count == 1 ? "" : "s") into \(folder.path):", at: 0)
            return listing.joined(separator: "\n")
        }
    }

    private struct RenderJSON: Encodable {
        let rendered: [Outcome]
    }

    private struct MergedJSON: Encodable {
        let file: String
        let records: Int
        let pages: Int
    }
}
