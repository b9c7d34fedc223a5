import Foundation
import Generation
import Printing
import Records
import Rendering
import Support

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
        and jurisdiction attribute) and rendered. Case files (.csv, .json) are generated first, as 'inclusio \
        generate' does. PDFs are named like the records (<kind>-<digest>-v<version>.pdf), never after the pupil. \
        A record that fails is reported with its file and the others are still rendered (exit status non-zero); \
        with --merge nothing is written unless every record renders. Both processor cores are used.
        """)

    /// One record to print: a file, or a record just generated from case data.
    private struct Input {
        let name: String
        let url: URL?
        let data: Data?
    }

    private struct Outcome: Encodable {
        let file: String
        let output: String?
        let pages: Int?
        let message: String?
    }

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> CommandResult {
        guard !arguments.operands.isEmpty else { throw arguments.usage("Give at least one record, folder or case file.") }
        if arguments.value(merge) != nil, arguments.has(fo) { throw arguments.usage("--merge and --fo cannot be used together.") }
        let catalog = try InclusioHome.schemaCatalog(arguments)
        let printer = RecordPrinter(validator: RecordValidator(catalog: catalog), forms: try InclusioHome.formCatalog(arguments),
                                    override: arguments.value(form).map { URL(fileURLWithPath: $0) })
        let inputs = try self.inputs(arguments.operands, catalog: catalog)
        guard !inputs.isEmpty else { throw .record(.unreadable(file: arguments.operands.joined(separator: " "))) }
        let folder = URL(fileURLWithPath: arguments.value(output) ?? "Output/pdf", isDirectory: true)
        if arguments.value(merge) == nil {
            do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
                throw .printing(.rendering(.outputNotWritable(path: folder.path, reason: "the folder cannot be created")))
            }
        }
        let progress = Progress(total: inputs.count, label: "Rendering", quiet: arguments.json)
        let prepared = ConcurrentSlots<PreparedDocument>(count: inputs.count)
        let outcomes = ConcurrentSlots<Outcome>(count: inputs.count)
        let failures = ConcurrentSlots<PrintingError>(count: inputs.count)
        let next = WorkQueue(count: inputs.count)
        let writeEach = arguments.value(merge) == nil
        let writeFO = arguments.has(fo)
        // One renderer per worker: a PDFRenderer is not thread-safe, but two on two threads share nothing.
        DispatchQueue.concurrentPerform(iterations: min(ProcessInfo.processInfo.activeProcessorCount, inputs.count)) { _ in
            let renderer = PDFRenderer()
            while let index = next.take() {
                let input = inputs[index]
                do throws(PrintingError) {
                    let document = if let url = input.url {
                        try printer.prepare(contentsOf: url, file: input.name)
                    } else {
                        try printer.prepare(data: input.data ?? Data(), file: input.name)
                    }
                    prepared[index] = document
                    if writeEach {
                        let written = try write(document, into: folder, fo: writeFO, renderer: renderer)
                        outcomes[index] = Outcome(file: input.name, output: written.path, pages: writeFO ? nil : renderer.lastPageCount, message: nil)
                    }
                } catch {
                    failures[index] = error
                    outcomes[index] = Outcome(file: input.name, output: nil, pages: nil, message: error.description)
                }
                progress.advance()
            }
        }
        progress.finish()
        let failed = failures.values
        // One record: its failure is the answer, not a listing of none rendered.
        if inputs.count == 1, let first = failed.first { throw .printing(first) }
        let failedInputs = zip(outcomes.values.filter { $0.message != nil }, failed).map { InputFailure(input: $0.file, error: .printing($1)) }
        if let path = arguments.value(merge) {
            return try mergeAll(prepared.values, count: inputs.count, into: URL(fileURLWithPath: path), failures: failedInputs,
                                first: failed.first)
        }
        var result = report(outcomes.values, folder: folder)
        result.failures = failedInputs
        result.summarize({ "\($0) of \(inputs.count) records were not rendered (each is listed above); the others were." },
                         first: failed.first.map(CLIError.printing))
        return result
    }

    /// Record files as given (folders expanded to their .xml files); case files generated first.
    private static func inputs(_ operands: [String], catalog: SchemaCatalog) throws(CLIError) -> [Input] {
        var inputs: [Input] = []
        for operand in operands {
            if ["csv", "json"].contains(URL(fileURLWithPath: operand).pathExtension.lowercased()) {
                do {
                    inputs += try RecordGenerator(catalog: catalog).generate(from: [operand])
                        .map { Input(name: $0.source.description, url: nil, data: $0.data) }
                } catch { throw .generation(error) }
            } else {
                inputs += InputFiles.expand([operand], extensions: ["xml"]).map { Input(name: $0.name, url: $0.url, data: nil) }
            }
        }
        return inputs
    }

    /// Writes one record's PDF (or FO) into `folder`, atomically; returns the file.
    private static func write(_ document: PreparedDocument, into folder: URL, fo: Bool, renderer: PDFRenderer) throws(PrintingError) -> URL {
        if fo {
            let url = folder.appendingPathComponent((document.pdfName as NSString).deletingPathExtension + ".fo")
            do { try AtomicFiles.create([(url, document.fo, 0o644)], replacing: true) } catch {
                throw .rendering(.outputNotWritable(path: error.path, reason: error.reason))
            }
            return url
        }
        let url = folder.appendingPathComponent(document.pdfName)
        do { try renderer.render([document.document], to: url) } catch { throw .rendering(error) }
        return url
    }

    /// `--merge`: one PDF of every record in input order, written only when all of them could be
    /// prepared; else the failures with their files.
    private static func mergeAll(_ documents: [PreparedDocument], count: Int, into url: URL, failures: [InputFailure],
                                 first: PrintingError?) throws(CLIError) -> CommandResult {
        if let first {
            var result = CommandResult(nil) { "" }
            result.failures = failures
            result.summarize({ "\($0) of \(count) records cannot be printed (each is listed above); \(url.path) was not written." },
                             first: .printing(first))
            return result
        }
        let renderer = PDFRenderer()
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw .printing(.rendering(.outputNotWritable(path: url.path, reason: "its folder cannot be created")))
        }
        do { try renderer.render(documents.map(\.document), to: url) } catch { throw .printing(.rendering(error)) }
        let merged = MergedJSON(file: url.path, records: documents.count, pages: renderer.lastPageCount)
        return CommandResult(["merged": merged]) {
            "Rendered \(merged.records) record\(merged.records == 1 ? "" : "s") into \(merged.file) (\(merged.pages) pages)."
        }
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

/// Hands out the indexes 0..<count once each to whichever worker asks first.
private final class WorkQueue: @unchecked Sendable {
    private let count: Int
    private var next = 0
    private let lock = NSLock()

    init(count: Int) { self.count = count }

    func take() -> Int? {
        lock.withLock {
            guard next < count else { return nil }
            defer { next += 1 }
            return next
        }
    }
}
