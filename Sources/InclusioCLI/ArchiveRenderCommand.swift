import Archive
import Foundation
import Printing
import Records
import Rendering
import XML

/// `inclusio archive render`: prints one record from the archive as PDF, through its form.
enum ArchiveRenderCommand {
    static let output = Option(["-o", "--output"], value: "file.pdf", type: .file(extensions: ["pdf"]), help: "Where to write the PDF (must not exist).")

    static let command = Command(spec: spec, run: run)

    static let spec = CommandSpec(
        path: "archive render",
        abstract: "Print a record from the archive (archive id D-… or record id) as PDF, through the form of its jurisdiction.",
        operands: .one("document"),
        options: ArchiveOptions.session + [ArchiveGetCommand.version, output, HomeOptions.forms],
        required: [.option(output)] + ArchiveOptions.access,
        discussion: """
        Needs the policy's render permission for the document's kind, and is logged as a render before the \
        PDF is written. The PDF is readable by you only; an existing file is never replaced. Stored PDFs and \
        scans have no form: write a copy of them with 'inclusio archive get'.
        """)

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> CommandResult {
        guard arguments.operands.count == 1, let document = arguments.operands.first else { throw arguments.usage("Give the one document to print.") }
        guard let path = arguments.value(output) else { throw arguments.usage("Give the PDF to write with -o FILE.pdf.") }
        let number = arguments.integer(ArchiveGetCommand.version)
        // Forms and schemas are found before anything is decrypted, so a broken setup logs nothing.
        let printer = RecordPrinter(validator: RecordValidator(catalog: try InclusioHome.schemaCatalog(arguments)),
                                    forms: try InclusioHome.formCatalog(arguments))
        let session = try ArchiveOptions.login(arguments)
        let (summary, content) = try ArchiveOptions.run { () throws(ArchiveError) in try session.printable(document, version: number) }
        let prepared: PreparedDocument
        do { prepared = try printer.prepare(data: content, file: "\(document) v\(summary.version)") } catch { throw .failed(error) }
        let renderer = PDFRenderer()
        let pdf: Data
        do { pdf = try renderer.pdfData([prepared.document]) } catch { throw .failed(PrintingError.rendering(error)) }
        try ArchiveOptions.writeNew(pdf, to: path)
        let pages = renderer.lastPageCount
        return CommandResult(RenderedDocument(document: document, version: summary.version, output: path, pages: pages)) {
            "Printed version \(summary.version)\(summary.isCurrent ? " (current)" : " (superseded)") of \(document) to \(path) (\(pages) page\(pages == 1 ? "" : "s"))."
        }
    }

    private struct RenderedDocument: Encodable {
        let document: String
        let version: Int
        let output: String
        let pages: Int
    }
}
