import Foundation
import Rendering
import Support

/// Prints many records at once: one PDF (or FO) per record, or one merged PDF.
///
/// Records are prepared and rendered on every core, each worker with its own ``PDFRenderer``
/// (a renderer is not thread-safe; two on two threads share nothing). Failures come back as
/// values, one per record, in input order; nothing is printed to a console.
public struct BatchPrinter: Sendable {
    /// One record to print: its bytes and the name messages use for it.
    public struct Input: Sendable {
        public let name: String
        public let data: Data

        public init(name: String, data: Data) {
            self.name = name
            self.data = data
        }
    }

    /// What became of one record: the file written (and its pages, for a PDF), or why not.
    public struct Outcome: Sendable {
        public let file: String
        public let result: Result<Written, PrintingError>
    }

    /// A file written for one record.
    public struct Written: Sendable {
        public let output: URL
        /// Pages of the PDF; `nil` for FO.
        public let pages: Int?
    }

    /// The merged PDF that was written.
    public struct Merged: Sendable {
        public let output: URL
        public let records: Int
        public let pages: Int
    }

    public let printer: RecordPrinter
    /// How many records are printed at once (default: one per core).
    public let workers: Int

    public init(printer: RecordPrinter, workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.printer = printer
        self.workers = max(1, workers)
    }

    /// Prepares every record of `inputs` and writes its PDF (or, with `fo`, its XSL-FO) into
    /// `folder`, named like the record, through a hidden temporary renamed into place. A record
    /// that fails does not stop the others. `advance` is called (from any thread) as each is done.
    /// - Returns: one outcome per input, in input order.
    /// - Throws: ``PrintingError/rendering(_:)`` when `folder` cannot be created; nothing is printed then.
    public func printEach(_ inputs: [Input], into folder: URL, fo: Bool = false,
                          advance: @Sendable () -> Void = {}) throws(PrintingError) -> [Outcome] {
        do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
            throw .rendering(.outputNotWritable(path: folder.path, reason: "the folder cannot be created"))
        }
        let results = run(inputs, advance: advance) { document, renderer throws(PrintingError) in
            try Self.write(document, into: folder, fo: fo, renderer: renderer)
        }
        return zip(inputs, results).map { input, result in Outcome(file: input.name, result: result) }
    }

    /// Prepares every record of `inputs` and, only when all of them could be prepared, renders
    /// them into the one PDF `url`, in input order, each starting on a recto page (written whole or not at all).
    /// - Returns: the merged PDF, or (nothing written) the outcomes of the records that failed.
    /// - Throws: ``PrintingError/rendering(_:)`` when the merged PDF cannot be rendered or written.
    public func printMerged(_ inputs: [Input], into url: URL,
                            advance: @Sendable () -> Void = {}) throws(PrintingError) -> Result<Merged, MergeRefused> {
        let results = run(inputs, advance: advance) { document, _ in document }
        var documents: [PreparedDocument] = []
        var failures: [Outcome] = []
        for (input, result) in zip(inputs, results) {
            switch result {
            case let .success(document): documents.append(document)
            case let .failure(error): failures.append(Outcome(file: input.name, result: .failure(error)))
            }
        }
        guard failures.isEmpty else { return .failure(MergeRefused(failures: failures)) }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw .rendering(.outputNotWritable(path: url.path, reason: "its folder cannot be created"))
        }
        let renderer = PDFRenderer()
        // Each record starts on a recto page, so double-sided no sheet holds two families' letters.
        do { try renderer.render(documents.map(\.document), to: url, rectoStarts: true) } catch { throw .rendering(error) }
        return .success(Merged(output: url, records: inputs.count, pages: renderer.lastPageCount))
    }

    /// Why a merged PDF was not written: the records that could not be prepared.
    public struct MergeRefused: Error, Sendable {
        /// The failed records' outcomes, in input order.
        public let failures: [Outcome]
    }
}
