import Foundation
import Support

/// Reads a JSON case file into ``CaseValue``s, keeping field order, the line of every
/// value and its JSON path (`documents[0].pupil.birthDate`).
///
/// A small parser of its own because Foundation's reports only a character offset
/// and loses field order. `null` means "field absent"; numbers and booleans keep
/// their written form. Duplicate fields are an error, not last-one-wins.
struct JSONCaseReader {
    private let bytes: [UInt8]
    private let file: String
    private var index = 0
    private var line = 1
    private var lineStart = 0
    private static let maximumDepth = 64

    /// Parses `data`.
    /// - Throws: ``GenerationError/rejected(problems:)`` with the line and column of
    ///   the first syntax error (JSON cannot be read on past one).
    static func read(_ data: Data, file: String) throws(GenerationError) -> CaseValue {
        var reader = JSONCaseReader(bytes: [UInt8](data), file: file)
        if reader.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { reader.index = 3; reader.lineStart = 3 }
        reader.skipWhitespace()
        guard let value = try reader.value(path: "", depth: 0) else { throw reader.syntax("the file holds only null") }
        reader.skipWhitespace()
        guard reader.index == reader.bytes.count else { throw reader.syntax("unexpected text after the end of the case data") }
        return value
    }

    private init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    private func location(_ path: String, line: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, field: path)
    }

    /// The first syntax error, at its line and column (JSON cannot be read on past it).
    private func syntax(_ message: String) -> GenerationError {
        .rejected(problems: [Diagnostic(file: file, line: line, column: index - lineStart + 1, message: "malformed JSON: " + message)])
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
            if byte == 0x0A { line += 1; lineStart = index + 1 }
            index += 1
        }
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws(GenerationError) {
        skipWhitespace()
        guard current == byte else { throw syntax("expected \(what)") }
        index += 1
    }

    /// A value, or `nil` for `null`.
    private mutating func value(path: String, depth: Int) throws(GenerationError) -> CaseValue? {
        guard depth < Self.maximumDepth else { throw syntax("nested more than \(Self.maximumDepth) levels deep") }
        skipWhitespace()
        let start = line
        switch current {
        case UInt8(ascii: "{"): return try object(path: path, depth: depth)
        case UInt8(ascii: "["): return try array(path: path, depth: depth)
        case UInt8(ascii: "\""): return .text(try string(), location(path, line: start))
        case UInt8(ascii: "n"): try literal("null"); return nil
        case UInt8(ascii: "t"): try literal("true"); return .text("true", location(path, line: start))
        case UInt8(ascii: "f"): try literal("false"); return .text("false", location(path, line: start))
        case let byte? where byte == UInt8(ascii: "-") || (0x30...0x39).contains(byte):
            return .text(try number(), location(path, line: start))
        case nil: throw syntax("the data ends where a value was expected")
        default: throw syntax("expected a value (text in double quotes, a number, true, false, null, { or [)")
        }
    }

    private mutating func object(path: String, depth: Int) throws(GenerationError) -> CaseValue {
        let start = line
        index += 1
        var fields = CaseFields(location: location(path, line: start))
        skipWhitespace()
        if current == UInt8(ascii: "}") { index += 1; return .fields(fields) }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else { throw syntax("expected a field name in double quotes") }
            let keyLine = line
            let key = try string()
            let childPath = path.isEmpty ? key : path + "." + key
            if fields[key] != nil {
                throw .rejected(problems: [Diagnostic(location(childPath, line: keyLine), "this field appears twice; keep one")])
            }
            try expect(UInt8(ascii: ":"), "':' after the field name")
            if let value = try value(path: childPath, depth: depth + 1) { fields.entries.append((key, value)) }
            skipWhitespace()
            if current == UInt8(ascii: ",") { index += 1; continue }
            if current == UInt8(ascii: "}") { index += 1; return .fields(fields) }
            throw syntax("expected ',' or '}' after a field (a comma missing, or one too many?)")
        }
    }

    private mutating func array(path: String, depth: Int) throws(GenerationError) -> CaseValue {
        let start = line
        index += 1
        var items: [CaseValue] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") { index += 1; return .list(items, location(path, line: start)) }
        var position = 0
        while true {
            if let item = try value(path: "\(path)[\(position)]", depth: depth + 1) { items.append(item) }
            position += 1
            skipWhitespace()
            if current == UInt8(ascii: ",") { index += 1; continue }
            if current == UInt8(ascii: "]") { index += 1; return .list(items, location(path, line: start)) }
            throw syntax("expected ',' or ']' in a list")
        }
    }

    private mutating func literal(_ word: String) throws(GenerationError) {
        let expected = Array(word.utf8)
        guard bytes.count - index >= expected.count, Array(bytes[index..<index + expected.count]) == expected else {
            throw syntax("expected a value (text must be in double quotes)")
        }
        index += expected.count
    }

    private mutating func number() throws(GenerationError) -> String {
        let start = index
        while let byte = current, (0x30...0x39).contains(byte) || "+-.eE".utf8.contains(byte) { index += 1 }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard Double(text) != nil else { throw syntax("not a valid number") }
        return text
    }

    private mutating func string() throws(GenerationError) -> String {
        index += 1
        var scalars: [UInt8] = []
        while let byte = current {
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                guard let text = String(validating: scalars, as: UTF8.self) else { throw syntax("text is not valid UTF-8") }
                return text
            case UInt8(ascii: "\\"):
                try escape(into: &scalars)
            case 0x00..<0x20:
                index -= 1
                throw syntax(byte == 0x0A ? "text runs past the end of the line (a closing \" missing?)" : "control character inside text; write it as an escape such as \\n")
            default:
                scalars.append(byte)
            }
        }
        throw syntax("text is not closed with \"")
    }

    private mutating func escape(into output: inout [UInt8]) throws(GenerationError) {
        guard let code = current else { throw syntax("text is not closed with \"") }
        index += 1
        let simple: [UInt8: UInt8] = [0x22: 0x22, 0x5C: 0x5C, 0x2F: 0x2F, 0x62: 0x08, 0x66: 0x0C, 0x6E: 0x0A, 0x72: 0x0D, 0x74: 0x09]
        if let byte = simple[code] { output.append(byte); return }
        guard code == UInt8(ascii: "u") else { throw syntax("unknown escape \\\(Character(UnicodeScalar(code)))") }
        var value = try hex4()
        if (0xD800..<0xDC00).contains(value) {
            guard bytes.count - index >= 6, bytes[index] == 0x5C, bytes[index + 1] == UInt8(ascii: "u") else {
                throw syntax("unpaired surrogate in a \\u escape")
            }
            index += 2
            let low = try hex4()
            guard (0xDC00..<0xE000).contains(low) else { throw syntax("unpaired surrogate in a \\u escape") }
            value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let scalar = Unicode.Scalar(value) else { throw syntax("invalid \\u escape") }
        output.append(contentsOf: Array(String(Character(scalar)).utf8))
    }

    private mutating func hex4() throws(GenerationError) -> UInt32 {
        guard bytes.count - index >= 4,
              let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16) else {
            throw syntax("a \\u escape needs four hexadecimal digits")
        }
        index += 4
        return value
    }
}
