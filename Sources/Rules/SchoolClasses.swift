import Foundation
import Records
import Support
import XML

/// One school's classes and the pupils with disabilities in them: the input of `check school`.
///
/// XML follows `Schemas/rules/school-classes.xsd`. CSV has one row per pupil (a class without
/// pupils is a row with the pupil columns empty) and the columns of ``columns``; the school's
/// columns repeat on every row and must agree. A CSV is checked by the same schema: each row
/// becomes one line of an XML document, so every problem is reported at its row and column.
public enum SchoolClasses {
    static let namespace = "urn:inclusio:school-classes:1"

    /// The CSV columns: the school's, the class's, the pupil's (header names, in any order).
    public static let columns = [
        "jurisdiction", "school.code", "school.name", "school.resourceRoom", "school.ordinaryPerPupilFunds",
        "class.id", "class.year", "pupil.ref", "pupil.category", "pupil.grade",
    ]
    private static let required: Set = ["jurisdiction", "school.code", "school.name", "school.resourceRoom", "class.id", "class.year"]
    private static let attributeColumns: [String: [String: String]] = [
        "school": ["jurisdiction": "jurisdiction", "code": "school.code", "name": "school.name",
                   "resourceRoom": "school.resourceRoom", "ordinaryPerPupilFunds": "school.ordinaryPerPupilFunds"],
        "class": ["id": "class.id", "year": "class.year"],
        "pupil": ["ref": "pupil.ref", "category": "pupil.category", "grade": "pupil.grade"],
    ]

    /// Reads the school at `url` (`.csv` or `.xml`), named `file` in messages.
    /// - Throws: ``RuleError/unreadable(file:)``, ``RuleError/invalidData(file:problems:)``.
    public static func read(_ url: URL, file: String, schemas: SchemaCatalog) throws(RuleError) -> FactNode {
        let data: Data
        do { data = try XMLTree.read(url, file: file) } catch { throw .unreadable(file: file) }
        if url.pathExtension.lowercased() == "csv" {
            let (xml, places, header) = try document(fromCSV: data, file: file)
            return try validated(xml, file: file, schemas: schemas) { problem in
                let place = places[problem.line] ?? (row: 0, element: "")
                let name = attributeColumns[place.element]?.first { problem.message.contains("'\($0.key)'") || problem.field.hasSuffix("@\($0.key)") }?.value
                return Diagnostic(row: place.row, column: place.row > 0 ? name.map { column($0, header) } ?? 0 : 0,
                                  field: name ?? "", message: problem.message)
            }
        }
        return try validated(data, file: file, schemas: schemas) { problem in
            Diagnostic(line: problem.line, field: problem.field, message: problem.message)
        }
    }

    private static func validated(_ data: Data, file: String, schemas: SchemaCatalog,
                                  place: (Diagnostic) -> Diagnostic) throws(RuleError) -> FactNode {
        do {
            let tree = try RecordError.parsing { () throws(XMLError) in try XMLTree(data: data, file: file) }
            guard tree.rootNamespace == namespace else {
                throw RuleError.invalidData(file: file, problems: [Diagnostic(
                    line: 1, message: "is not a school's classes: the root must be <school xmlns=\"\(namespace)\">")])
            }
            _ = try RecordValidator(catalog: schemas).validate(tree)
            return FactNode(tree.rootElement())
        } catch let error as RuleError {
            throw error
        } catch let error as RecordError {
            // libxml2 adds a warning without content when a unique key's value was itself invalid.
            let problems = error.problems.isEmpty ? [Diagnostic(line: 0, field: "", message: error.reason)]
                : error.problems.filter { !$0.message.contains("No precomputed value available") }
            throw .invalidData(file: file, problems: problems.map(place))
        } catch {
            throw .invalidData(file: file, problems: [Diagnostic(message: "\(error)")])
        }
    }

    /// The CSV as an XML document with one element per line, and which row and element each line holds.
    private static func document(fromCSV data: Data, file: String) throws(RuleError) -> (Data, [Int: (row: Int, element: String)], [String]) {
        guard var text = String(data: data, encoding: .utf8) else {
            throw .invalidData(file: file, problems: [Diagnostic(message: "is not UTF-8 text; save the CSV as UTF-8")])
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let (records, unclosed) = CSVRecords.split(text)
        var problems: [Diagnostic] = unclosed.map { [Diagnostic(line: $0, message: "a quoted cell is never closed with \"")] } ?? []
        guard let header = records.first?.cells.map({ $0.trimmingCharacters(in: .whitespaces) }) else {
            throw .invalidData(file: file, problems: problems + [Diagnostic(row: 1, message: "the file is empty; it needs a header row: \(columns.joined(separator: ","))")])
        }
        for (column, name) in header.enumerated() where !columns.contains(name) {
            problems.append(Diagnostic(row: 1, column: column + 1, field: name,
                                        message: "is not a column of a school's classes (\(columns.joined(separator: ",")))"))
        }
        for name in columns where required.contains(name) && !header.contains(name) {
            problems.append(Diagnostic(row: 1, field: name, message: "column missing"))
        }
        var rows: [(row: Int, cells: [String: String])] = []
        for (offset, record) in records.enumerated().dropFirst() where !record.cells.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            guard record.cells.count == header.count else {
                problems.append(Diagnostic(row: offset + 1,
                    message: "has \(record.cells.count) cells but the header has \(header.count); a comma missing or an unquoted comma?"))
                continue
            }
            var cells: [String: String] = [:]
            for (name, cell) in zip(header, record.cells) { cells[name] = cell.trimmingCharacters(in: .whitespaces) }
            rows.append((offset + 1, cells))
        }
        guard let first = rows.first else {
            throw .invalidData(file: file, problems: problems + [Diagnostic(row: 2, message: "no class is listed")])
        }
        for (row, cells) in rows.dropFirst() {
            for name in columns where (name.hasPrefix("school.") || name == "jurisdiction") && cells[name, default: ""] != first.cells[name, default: ""] {
                problems.append(Diagnostic(row: row, column: column(name, header), field: name,
                                            message: "differs from row \(first.row); one file holds one school"))
            }
        }
        guard problems.isEmpty else { throw .invalidData(file: file, problems: problems) }
        let (xml, places) = xml(rows)
        return (xml, places, header)
    }

    private static func xml(_ rows: [(row: Int, cells: [String: String])]) -> (Data, [Int: (row: Int, element: String)]) {
        func attributes(_ cells: [String: String], _ element: String) -> String {
            attributeColumns[element]!.sorted { $0.key < $1.key }.compactMap { attribute, column in
                cells[column].flatMap { $0.isEmpty ? nil : " \(attribute)=\"\(XMLText.escaped($0, attribute: true))\"" }
            }.joined()
        }
        var lines = ["<school xmlns=\"\(namespace)\"\(attributes(rows[0].cells, "school"))>"]
        var places: [Int: (row: Int, element: String)] = [1: (rows[0].row, "school")]
        var classOrder: [String] = [], byClass: [String: [(row: Int, cells: [String: String])]] = [:]
        for row in rows {
            let id = row.cells["class.id", default: ""]
            if byClass[id] == nil { classOrder.append(id) }
            byClass[id, default: []].append(row)
        }
        for id in classOrder {
            let members = byClass[id]!
            lines.append("<class\(attributes(members[0].cells, "class"))>")
            places[lines.count] = (members[0].row, "class")
            for member in members where !member.cells["pupil.ref", default: ""].isEmpty || !member.cells["pupil.category", default: ""].isEmpty {
                lines.append("<pupil\(attributes(member.cells, "pupil"))/>")
                places[lines.count] = (member.row, "pupil")
            }
            lines.append("</class>")
        }
        lines.append("</school>")
        return (Data(lines.joined(separator: "\n").utf8), places)
    }

    /// The 1-based column of `name`, or 0 when the header lacks it.
    private static func column(_ name: String, _ header: [String]) -> Int {
        header.firstIndex(of: name).map { $0 + 1 } ?? 0
    }
}
