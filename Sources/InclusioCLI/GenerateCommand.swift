import Foundation
import Generation
import Intake
import XML

/// `inclusio generate`: case data in, validated records out.
enum GenerateCommand {
    static let output = CommandSpec.Option(names: ["-o", "--output"], value: "dir", help: "Folder for the records (default: Output/records).")

    static let spec = CommandSpec(
        path: "generate",
        abstract: "Fill XML records from case data (JSON, CSV or XML) and validate them.",
        usage: "inclusio generate <case-file-or-folder>... [-o <dir>] [--schemas <dir>] [--json]",
        options: [output, CommandSpec.schemas, CommandSpec.json],
        discussion: """
        A JSON or XML case holds one pupil and a list of documents; a CSV holds one document per row, \
        with field paths (pupil.name.family, guardian[0].phone) as its header. Every record is validated \
        before anything is written; if any field is wrong, all problems are listed with their field and \
        nothing is written. File names carry the kind and a digest of the document id, never personal data.
        """)

    static func run(_ arguments: ParsedArguments, console: Console) throws(CLIError) {
        guard !arguments.operands.isEmpty else { throw .usage("Give at least one case file or folder.", command: spec) }
        let catalog = try InclusioHome.schemaCatalog(arguments)
        let folder = URL(fileURLWithPath: arguments.value(output) ?? "Output/records", isDirectory: true)
        let intake = Intake(catalog: catalog, accepting: [.caseFile], command: "generate")
        let cases: [CaseFile]
        do { cases = intake.caseFiles(of: try intake.read(arguments.operands)) } catch { throw .failed(error) }
        let records: [GeneratedRecord]
        let files: [URL]
        do {
            records = try RecordGenerator(catalog: catalog).generate(from: cases)
            files = try RecordWriter.write(records, to: folder)
        } catch {
            throw .failed(error)
        }
        if console.json {
            console.emit(["records": zip(records, files).map { record, file in
                ["kind": record.kind, "id": record.id, "version": record.version, "file": file.path,
                 "source": record.source.description]
            }])
            return
        }
        console.out("Generated \(records.count) valid record\(records.count == 1 ? "" : "s") in \(folder.path):")
        let kindWidth = records.map(\.kind.count).max() ?? 0
        for (record, file) in zip(records, files) {
            console.out("  " + record.kind.padding(toLength: kindWidth + 1, withPad: " ", startingAt: 0)
                        + "\(file.lastPathComponent)  id \(record.id) v\(record.version)  ← \(record.source)")
        }
    }
}
