import Foundation
import Generation
import Intake
import XML

/// `inclusio generate`: case data in, validated records out.
enum GenerateCommand {
    static let output = Option(["-o", "--output"], value: "dir", help: "Folder for the records (default: Output/records).")
    static let command = Command(spec: spec, run: run)

    static let spec = CommandSpec(
        path: "generate",
        abstract: "Fill XML records from case data (JSON, CSV or XML) and validate them.",
        operands: .some("case-file-or-folder"),
        options: [output, HomeOptions.schemas, HomeOptions.rules],
        discussion: """
        A JSON or XML case holds one pupil and a list of documents; a CSV holds one document per row, \
        with field paths (pupil.name.family, guardian[0].phone) as its header. Every record is validated \
        before anything is written, against its schema and then against the binding rules of \
        Rules/<jurisdiction>/rules.xml (<check name="record">: fields that go together, as the source texts require) \
        and dates that can be (no birth in the future or after the document, an age that fits the school level); if any \
        field is wrong, all problems are listed with their field and nothing is written. File names carry the kind and a digest of the document id, never personal data.
        """)

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> CommandResult {
        guard !arguments.operands.isEmpty else { throw arguments.usage("Give at least one case file or folder.") }
        let catalog = try InclusioHome.schemaCatalog(arguments)
        let folder = URL(fileURLWithPath: arguments.value(output) ?? "Output/records", isDirectory: true)
        let check = try InclusioHome.recordCheck(arguments)
        let intake = Intake(catalog: catalog, accepting: [.caseFile], command: "generate")
        let cases: [CaseFile]
        do { cases = intake.caseFiles(of: try intake.read(arguments.operands)) } catch { throw .failed(error) }
        let records: [GeneratedRecord]
        let files: [URL]
        do {
            records = try RecordGenerator(catalog: catalog, check: check).generate(from: cases)
            files = try RecordWriter.write(records, to: folder)
        } catch {
            throw .failed(error)
        }
        let listed = zip(records, files).map { record, file in
            ["kind": record.kind, "id": record.id, "version": record.version, "file": file.path, "source": record.source.description]
        }
        return CommandResult(["records": listed]) {
            let kindWidth = records.map(\.kind.count).max() ?? 0
            return (["Generated \(records.count) valid record\(records.count == 1 ? "" : "s") in \(folder.path):"] + zip(records, files).map { record, file in
                "  " + record.kind.padding(toLength: kindWidth + 1, withPad: " ", startingAt: 0)
                    + "\(file.lastPathComponent)  id \(record.id) v\(record.version)  ← \(record.source)"
            }).joined(separator: "\n")
        }
    }
}
