import Foundation
import Rendering
import Support

extension BatchPrinter {
    /// Prepares every input on ``workers`` workers, each with its own renderer, and hands each
    /// prepared record with that renderer to `finish`; the results come back in input order.
    func run<Value: Sendable>(_ inputs: [Input], advance: @Sendable () -> Void,
                              finish: @Sendable (PreparedDocument, PDFRenderer) throws(PrintingError) -> Value) -> [Result<Value, PrintingError>] {
        let results = ConcurrentSlots<Result<Value, PrintingError>>(count: inputs.count)
        let queue = WorkQueue(count: inputs.count)
        DispatchQueue.concurrentPerform(iterations: min(workers, inputs.count)) { _ in
            // One renderer per worker: a PDFRenderer is not thread-safe, but two on two threads share nothing.
            let renderer = PDFRenderer()
            while let index = queue.take() {
                let input = inputs[index]
                results[index] = Result { () throws(PrintingError) in
                    try finish(try printer.prepare(data: input.data, file: input.name), renderer)
                }
                advance()
            }
        }
        return results.values
    }

    /// Writes one record's PDF (or FO) into `folder`, atomically; returns the file and its pages.
    static func write(_ document: PreparedDocument, into folder: URL, fo: Bool, renderer: PDFRenderer) throws(PrintingError) -> Written {
        if fo {
            let url = folder.appendingPathComponent((document.pdfName as NSString).deletingPathExtension + ".fo")
            do { try AtomicFiles.create([(url, document.fo, 0o644)], replacing: true) } catch {
                throw .rendering(.outputNotWritable(path: error.path, reason: error.reason))
            }
            return Written(output: url, pages: nil)
        }
        let url = folder.appendingPathComponent(document.pdfName)
        do { try renderer.render([document.document], to: url) } catch { throw .rendering(error) }
        return Written(output: url, pages: renderer.lastPageCount)
    }
}
