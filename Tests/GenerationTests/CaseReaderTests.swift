import Foundation
@testable import Generation
import Support
import Testing

@Suite struct JSONCaseReaderTests {
    @Test func keepsOrderLinesAndPaths() throws {
        let json = "{\n  \"b\": 1,\n  \"a\": {\"x\": [\"p\", null, true]},\n  \"c\": \"\\u6797\\n\"\n}"
        guard case let .fields(root) = try JSONCaseReader.read(Data(json.utf8), file: "c.json") else { Issue.record("not fields"); return }
        #expect(root.entries.map(\.key) == ["b", "a", "c"])
        #expect(root.text("b") == "1" && root.text("c") == "林\n")
        guard case let .fields(a)? = root["a"], case let .list(items, _)? = a["x"] else { Issue.record("no list"); return }
        #expect(items.count == 2, "null means absent")
        #expect(items.map(\.location.field) == ["a.x[0]", "a.x[2]"])
        #expect(items.map(\.location.place) == ["line 3", "line 3"])
    }

    @Test(arguments: [
        ("{\n \"a\": 1,\n}", "line 3, column 1"),
        ("{\n \"a\": 1\n \"b\": 2}", "line 3, column 2"),
        ("{\"a\": \"x\n\"}", "line 1, column 9"),
        ("{\"a\": tru}", "line 1, column 7"),
        ("[1, 2", "line 1, column 6"),
    ])
    func malformedJSONNamesLineAndColumn(json: String, place: String) {
        let error = #expect(throws: GenerationError.self) { try JSONCaseReader.read(Data(json.utf8), file: "c.json") }
        guard case let .rejected(problems)? = error else { Issue.record("expected .rejected"); return }
        #expect(problems.count == 1)
        #expect(problems.first?.place == place)
        #expect(problems.first?.message.hasPrefix("malformed JSON") == true)
    }

    @Test func duplicateFieldsAreRefused() {
        let error = #expect(throws: GenerationError.self) { try JSONCaseReader.read(Data("{\"a\": {\"x\": 1,\n \"x\": 2}}".utf8), file: "c.json") }
        guard case let .rejected(problems)? = error else { Issue.record("expected .rejected"); return }
        #expect(problems.map(\.description) == ["c.json: line 2: a.x: this field appears twice; keep one"])
    }
}

@Suite struct CSVCaseReaderTests {
    @Test func rowsBecomeNestedFieldsWithCells() throws {
        let csv = "\u{FEFF}kind,pupil.name.family,guardian[1].name,guardian[0].name,note\r\nplacement,\"山田, 太\",B,A,\"two\nlines\"\n\n"
        let rows = try CSVCaseReader.read(Data(csv.utf8), file: "b.csv")
        #expect(rows.count == 1)
        let row = rows[0]
        #expect(row.text("kind") == "placement" && row.text("note") == "two\nlines")
        guard case let .fields(pupil)? = row["pupil"], case let .fields(name)? = pupil["name"] else { Issue.record("no pupil"); return }
        #expect(name.text("family") == "山田, 太")
        #expect(name["family"]?.location.description == "b.csv: row 2, column B: pupil.name.family")
        guard case let .list(guardians, _)? = row["guardian"] else { Issue.record("no list"); return }
        #expect(guardians.compactMap { if case let .fields(g) = $0 { g.text("name") } else { nil } } == ["A", "B"])
    }

    @Test func shortRowsAndBadHeadersAreAllReported() {
        let csv = "kind,a.b,a,x..y\nplacement,1,2,3\nplacement,1\n"
        let error = #expect(throws: GenerationError.self) { try CSVCaseReader.read(Data(csv.utf8), file: "b.csv") }
        guard case let .rejected(problems)? = error else { Issue.record("expected .rejected"); return }
        #expect(problems.map(\.place) == ["row 1, column D", "row 1, column C", "row 3"])
        #expect(problems.last?.message.contains("has 2 cells but the header has 4") == true)
    }

    // Italian and other spreadsheets save CSV with semicolons or tabs between cells.
    @Test(arguments: [(",", "comma"), (";", "semicolon"), ("\t", "tab")])
    func separatorIsDetectedFromTheHeader(separator: String, name: String) throws {
        let csv = ["kind", "pupil.name.family", "note"].joined(separator: separator) + "\n"
            + ["placement", "\"Rossi\(separator) Mario\"", "\"a,b;c\""].joined(separator: separator) + "\n"
            + ["placement", "Bianchi"].joined(separator: separator) + "\n"
        let error = #expect(throws: GenerationError.self) { try CSVCaseReader.read(Data(csv.utf8), file: "s.csv") }
        guard case let .rejected(problems)? = error else { Issue.record("expected .rejected"); return }
        #expect(problems.map(\.place) == ["row 3"])
        #expect(problems.first?.message.contains("has 2 cells but the header has 3 (cells separated by \(name)s)") == true)
        let good = try CSVCaseReader.read(Data(csv.split(separator: "\n").prefix(2).joined(separator: "\n").utf8), file: "s.csv")
        guard case let .fields(pupil)? = good.first?["pupil"], case let .fields(person)? = pupil["name"] else { Issue.record("no pupil"); return }
        #expect(person.text("family") == "Rossi\(separator) Mario")
        #expect(good.first?.text("note") == "a,b;c")
    }

    @Test func aHeaderOfOneCellIsNotQuotedBack() {
        let header = (["kind"] + (0..<200).map { "pupil.field\($0)" }).joined(separator: "|")
        let error = #expect(throws: GenerationError.self) { try CSVCaseReader.read(Data((header + "\nplacement\n").utf8), file: "p.csv") }
        guard case let .rejected(problems)? = error else { Issue.record("expected .rejected"); return }
        #expect(problems.count == 1)
        #expect(problems[0].place == "row 1" && problems[0].field.isEmpty)
        #expect(problems[0].message.contains("not separated by commas, semicolons or tabs"))
        #expect(problems[0].description.count < 200)
    }

    // A file that is UTF-8 except one row (a Latin-1 "è" pasted in): that row is named.
    @Test(arguments: [(1, 2), (2, 3), (3, 4)])
    func firstRowThatIsNotUTF8IsNamed(record: Int, row: Int) {
        var lines: [[UInt8]] = [Array("kind,note".utf8), Array("placement,\"two\nlines\"".utf8), Array("placement,è".utf8), Array("placement,c".utf8)]
        // Row 2 holds a cell of two lines, and the bad byte goes at the end of its record: still row 2.
        lines[record] += [0xE8]
        let data = Data(lines.joined(separator: [UInt8(ascii: "\n")]))
        let error = #expect(throws: GenerationError.self) { try CSVCaseReader.read(data, file: "l.csv") }
        guard case let .rejected(problems)? = error else { Issue.record("expected .rejected"); return }
        #expect(problems.map(\.row) == [row])
        #expect(problems.first?.message.contains("is not UTF-8 text from this row on") == true)
    }

    @Test(arguments: [(0, "A"), (25, "Z"), (26, "AA"), (701, "ZZ"), (702, "AAA")])
    func columnNamesCountLikeSpreadsheets(column: Int, name: String) {
        #expect(CSVRecords.columnName(column) == name)
    }
}
