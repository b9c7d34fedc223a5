import Foundation
import Rendering

// inclusio-render-benchmark <letter.fo> <count> separate <out-dir> | merged <out.pdf>
//
// Renders one FO letter `count` times with the Rendering module: `separate` writes one PDF
// per letter on every core (one PDFRenderer per worker, each letter parsed again, as a
// batch of records would be); `merged` parses `count` copies and writes them as one PDF.
// Prints one JSON object: letters, pages, seconds. Used by Benchmarks/render.py.

let arguments = CommandLine.arguments
guard arguments.count == 5, let count = Int(arguments[2]), ["separate", "merged"].contains(arguments[3]) else {
    FileHandle.standardError.write(Data("usage: inclusio-render-benchmark <letter.fo> <count> separate <out-dir> | merged <out.pdf>\n".utf8))
    exit(64)
}
let fo: Data
do { fo = try Data(contentsOf: URL(fileURLWithPath: arguments[1])) } catch {
    FileHandle.standardError.write(Data("cannot read \(arguments[1])\n".utf8))
    exit(66)
}

/// Totals from the workers.
final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var pages = 0
    private var failures: [String] = []
    private var next = 0
    func take(below limit: Int) -> Int? { lock.withLock { next < limit ? { next += 1; return next - 1 }() : nil } }
    func add(pages count: Int) { lock.withLock { pages += count } }
    func fail(_ message: String) { lock.withLock { failures.append(message) } }
    var result: (pages: Int, failures: [String]) { lock.withLock { (pages, failures) } }
}

let tally = Tally()
let started = Date()
if arguments[3] == "separate" {
    let folder = URL(fileURLWithPath: arguments[4], isDirectory: true)
    DispatchQueue.concurrentPerform(iterations: ProcessInfo.processInfo.activeProcessorCount) { _ in
        let renderer = PDFRenderer()
        while let index = tally.take(below: count) {
            do throws(RenderingError) {
                let document = try FODocument(data: fo, source: "letter.fo", resourceDirectory: nil)
                try renderer.render([document], to: folder.appendingPathComponent("letter-\(index).pdf"))
                tally.add(pages: renderer.lastPageCount)
            } catch {
                tally.fail(error.description)
            }
        }
    }
} else {
    do throws(RenderingError) {
        let documents = try (0..<count).map { _ throws(RenderingError) in try FODocument(data: fo, source: "letter.fo", resourceDirectory: nil) }
        let renderer = PDFRenderer()
        try renderer.render(documents, to: URL(fileURLWithPath: arguments[4]))
        tally.add(pages: renderer.lastPageCount)
    } catch {
        tally.fail(error.description)
    }
}
let seconds = Date().timeIntervalSince(started)
let (pages, failures) = tally.result
if let failure = failures.first {
    FileHandle.standardError.write(Data("\(failures.count) failed; first: \(failure)\n".utf8))
    exit(1)
}
print("{\"letters\": \(count), \"pages\": \(pages), \"seconds\": \(seconds)}")
