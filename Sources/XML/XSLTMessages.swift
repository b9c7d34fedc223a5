internal import CShims
import Foundation
import Support

/// Collects what libxslt and libxml2 print while one stylesheet is compiled or run on
/// this thread, and reads it back as ``Diagnostic``s with files and lines.
///
/// libxslt reports through printf-style callbacks (forwarded by `CShims` to a thread-local
/// sink): a location line (`compilation error: file F line N element E`, `runtime error: …`)
/// followed by the message, sometimes in several fragments.
final class XSLTMessages {
    private var text = ""

    /// Runs `body` with this thread's libxslt and libxml2 generic errors going to a new collector.
    static func collecting<T>(_ body: (XSLTMessages) throws -> T) rethrows -> T {
        let messages = XSLTMessages()
        return try withExtendedLifetime(messages) {
            inclusio_errors_collect(Unmanaged.passUnretained(messages).toOpaque(), sink)
            defer { inclusio_errors_collect(nil, nil) }
            return try body(messages)
        }
    }

    private static let sink: inclusio_error_sink = { context, message in
        guard let context, let message else { return }
        Unmanaged<XSLTMessages>.fromOpaque(context).takeUnretainedValue().text += String(cString: message)
    }

    /// Adds a message of our own (a refused import or `document()` call).
    func add(_ line: String) { text += line.hasSuffix("\n") ? line : line + "\n" }

    var isEmpty: Bool { text.isEmpty }

    /// The collected messages as problems: a location line sets the line (and, for an
    /// imported stylesheet, names its file) of the message lines after it.
    func problems(mainFile: String, mainPath: String) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var line = 0, place = ""
        for raw in text.split(separator: "\n") {
            let entry = raw.trimmingCharacters(in: .whitespaces)
            if entry.isEmpty { continue }
            if let location = Self.location(entry) {
                line = location.line
                let file = location.file == mainPath ? "" : " of \(location.file)"
                place = location.element.isEmpty ? file.trimmingCharacters(in: .whitespaces) : "xsl:\(location.element)\(file)"
                continue
            }
            let problem = Diagnostic(line: line, field: place, message: entry)
            if problems.last != problem { problems.append(problem) }
        }
        return problems.isEmpty ? [Diagnostic(line: 0, field: "", message: "libxslt gave no reason")] : problems
    }

    /// Parses `compilation error: file F line N element E` (and the `runtime error` form).
    private static func location(_ entry: String) -> (file: String, line: Int, element: String)? {
        guard entry.hasPrefix("compilation error:") || entry.hasPrefix("runtime error:") || entry.hasPrefix("compilation warning:"),
              let fileRange = entry.range(of: " file "), let lineRange = entry.range(of: " line ", range: fileRange.upperBound..<entry.endIndex)
        else { return nil }
        let file = String(entry[fileRange.upperBound..<lineRange.lowerBound])
        let rest = entry[lineRange.upperBound...].split(separator: " ")
        let line = rest.first.flatMap { Int($0) } ?? 0
        let element = rest.count >= 3 && rest[1] == "element" ? String(rest[2]) : ""
        return (file, line, element)
    }
}
