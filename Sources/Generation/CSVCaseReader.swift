import Foundation
import Support

/// Reads a CSV batch: a header of field paths, then one document per row.
///
/// Header cells are field paths as in JSON case files, with `[n]` for repeated fields:
/// `kind,jurisdiction,id,version,pupil.name.family,guardian[0].name.family`. An empty
/// cell means the field is absent. Quoting follows RFC 4180; rows are counted as a
/// spreadsheet shows them (the header is row 1).
enum CSVCaseReader {
    /// Reads every row, or throws every problem of the file at once.
    static func read(_ data: Data, file: String) throws(GenerationError) -> [CaseFields] {
        guard var text = String(data: data, encoding: .utf8) else { throw .rejected(problems: [notUTF8(data, file: file)]) }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var problems: [Diagnostic] = []
        let separator = CSVRecords.separator(of: text)
        let (records, unclosedQuote) = CSVRecords.split(text, separator: separator)
        if let line = unclosedQuote {
            problems.append(Diagnostic(file: file, line: line, message: "a quoted cell is never closed with \""))
        }
        guard let header = records.first else {
            throw .rejected(problems: problems + [Diagnostic(file: file, row: 1, message: "the file is empty; it needs a header row of field paths")])
        }
        if header.cells.count == 1, FieldPath.parse(header.cells[0].trimmed) == nil {
            // One cell that is no path: the cells are separated by something else. Never quote the
            // whole header back (it can be thousands of characters).
            throw .rejected(problems: problems + [Diagnostic(file: file, row: 1, message:
                "the header row is a single cell: its cells are not separated by commas, semicolons or tabs; save the file as CSV with one of these")])
        }
        let paths = header.cells.enumerated().map { column, cell in
            FieldPath.parse(cell.trimmed)
                ?? { problems.append(Diagnostic(place(file, 1, column, cell), "is not a field path (e.g. pupil.name.family or guardian[0].phone)")); return FieldPath(segments: []) }()
        }
        let named = CSVRecords.name(ofSeparator: separator)
        var probe = Draft.fields([], SourceLocation(file: file, row: 1, field: ""))
        for (column, path) in paths.enumerated() where !path.segments.isEmpty {
            if !probe.insert(path.segments[...], .text("", place(file, 1, column, header.cells[column]))) {
                problems.append(Diagnostic(place(file, 1, column, header.cells[column]),
                                           "clashes with another column (the same field twice, or a field and its parts)"))
            }
        }
        var rows: [CaseFields] = []
        for (offset, record) in records.enumerated().dropFirst() where !record.cells.allSatisfy({ $0.isEmpty }) {
            let row = offset + 1
            guard record.cells.count == header.cells.count else {
                problems.append(Diagnostic(file: file, row: row,
                    message: "has \(record.cells.count) cells but the header has \(header.cells.count) (cells separated by \(named)s); a \(named) missing, or an unquoted \(named) inside a cell?"))
                continue
            }
            var draft = Draft.fields([], SourceLocation(file: file, row: row, field: ""))
            for (column, cell) in record.cells.enumerated() where !paths[column].segments.isEmpty {
                let value = cell.trimmed
                guard !value.isEmpty else { continue }
                _ = draft.insert(paths[column].segments[...], .text(value, place(file, row, column, header.cells[column])))
            }
            if case let .fields(fields) = draft.value { rows.append(fields) }
        }
        guard problems.isEmpty else { throw .rejected(problems: problems) }
        return rows
    }

    private static func place(_ file: String, _ row: Int, _ column: Int, _ header: String) -> SourceLocation {
        // A header cell is a field path; one longer than any path is shown cut, not whole.
        SourceLocation(file: file, row: row, column: column + 1, field: header.count > 80 ? String(header.prefix(60)) + "…" : header)
    }

    /// The first row with bytes that are not UTF-8, as a spreadsheet counts rows (the header is row 1).
    private static func notUTF8(_ data: Data, file: String) -> Diagnostic {
        let bytes = [UInt8](data)
        let offset = CSVRecords.firstInvalidUTF8(bytes) ?? 0
        // The valid text before the bad byte, and a stand-in for it so that its record counts even
        // when it starts one; a quoted cell over several lines stays one row, as a spreadsheet shows it.
        let before = String(decoding: bytes[..<offset], as: UTF8.self) + "?"
        let row = CSVRecords.split(before, separator: CSVRecords.separator(of: before)).records.count
        return Diagnostic(file: file, row: row, message: "is not UTF-8 text from this row on (the rows before it are); "
            + "save the whole file as UTF-8 (in a spreadsheet: Save As, CSV UTF-8), or correct the characters of this row")
    }
}

/// A field path such as `guardian[0].name.family`.
struct FieldPath {
    enum Segment { case key(String), index(Int) }
    let segments: [Segment]

    /// Parses `name(.name|[n])*`; `nil` when `text` is not of that form.
    static func parse(_ text: String) -> FieldPath? {
        var segments: [Segment] = []
        for part in text.split(separator: ".", omittingEmptySubsequences: false) {
            let name = part.prefix { $0 != "[" }
            guard let first = name.first, first.isASCII, first.isLetter || first == "_",
                  name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) else { return nil }
            segments.append(.key(String(name)))
            var rest = part.dropFirst(name.count)
            while !rest.isEmpty {
                guard rest.first == "[", let close = rest.firstIndex(of: "]"),
                      let index = Int(rest[rest.index(after: rest.startIndex)..<close]), (0..<1000).contains(index) else { return nil }
                segments.append(.index(index))
                rest = rest[rest.index(after: close)...]
            }
        }
        return FieldPath(segments: segments)
    }
}

/// A case value under construction from field paths.
private indirect enum Draft {
    case leaf(CaseValue)
    case fields([(String, Draft)], SourceLocation)
    case items([Int: Draft], SourceLocation)

    static func text(_ value: String, _ location: SourceLocation) -> Draft { .leaf(.text(value, location)) }

    /// Puts `leaf` at `path`; `false` when the path clashes with what is there.
    mutating func insert(_ path: ArraySlice<FieldPath.Segment>, _ leaf: Draft) -> Bool {
        guard let first = path.first else { return false }
        let rest = path.dropFirst()
        switch (self, first) {
        case (.fields(var entries, let location), .key(let key)):
            if let at = entries.firstIndex(where: { $0.0 == key }) {
                guard !rest.isEmpty, entries[at].1.isContainer else { return false }
                guard entries[at].1.insert(rest, leaf) else { return false }
            } else if rest.isEmpty {
                entries.append((key, leaf))
            } else {
                var child = Draft.empty(for: rest.first!, location.with(field: location.field.isEmpty ? key : location.field + "." + key))
                guard child.insert(rest, leaf) else { return false }
                entries.append((key, child))
            }
            self = .fields(entries, location)
            return true
        case (.items(var items, let location), .index(let index)):
            if var existing = items[index] {
                guard !rest.isEmpty, existing.isContainer, existing.insert(rest, leaf) else { return false }
                items[index] = existing
            } else if rest.isEmpty {
                items[index] = leaf
            } else {
                var child = Draft.empty(for: rest.first!, location.with(field: location.field + "[\(index)]"))
                guard child.insert(rest, leaf) else { return false }
                items[index] = child
            }
            self = .items(items, location)
            return true
        default:
            return false
        }
    }

    private static func empty(for segment: FieldPath.Segment, _ location: SourceLocation) -> Draft {
        if case .index = segment { return .items([:], location) }
        return .fields([], location)
    }

    private var isContainer: Bool {
        if case .leaf = self { return false }
        return true
    }

    var value: CaseValue {
        switch self {
        case let .leaf(value): value
        case let .fields(entries, location): .fields(CaseFields(entries: entries.map { ($0.0, $0.1.value) }, location: location))
        case let .items(items, location): .list(items.keys.sorted().map { items[$0]!.value }, location)
        }
    }
}
