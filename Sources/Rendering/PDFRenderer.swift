internal import CPangoCairo
import Foundation
import Support

/// Renders FO documents to one PDF with Pango and Cairo; fonts are embedded as subsets.
///
/// Keeps its Pango font map and context across calls (shaping is cached per font), so
/// reuse one renderer for many documents. Not thread-safe: use one renderer per thread;
/// renderers on different threads share no Pango or Cairo object.
public final class PDFRenderer {
    let shaper = TextShaper()
    /// Pages in the last PDF produced.
    public private(set) var lastPageCount = 0

    public init() {}

    /// One PDF holding every document's page sequences in order; each document's page
    /// numbers and citations are its own.
    /// - Parameter rectoStarts: start every document on a recto (odd) sheet side, adding an
    ///   empty page after a document that ends on one, so that printed double-sided no sheet
    ///   holds two documents (`render --merge`).
    /// - Throws: ``RenderingError/nothingToRender``, ``RenderingError/unusableImage(source:line:path:problem:)``,
    ///   ``RenderingError/pdfFailed(reason:)``.
    public func pdfData(_ documents: [FODocument], rectoStarts: Bool = false) throws(RenderingError) -> Data {
        guard !documents.isEmpty else { throw .nothingToRender }
        let sink = PDFSink()
        let composer = DocumentComposer(shaper: shaper)
        var pageCount = 0
        var surface: OpaquePointer?
        var painter: PagePainter?
        defer { if let surface { cairo_surface_destroy(surface) } }
        for document in documents {
            if rectoStarts, pageCount % 2 != 0 {
                // An empty verso, the size of the page before it.
                painter?.drawEmptyPage()
                pageCount += 1
            }
            for page in composer.pages(of: document) {
                if surface == nil {
                    surface = cairo_pdf_surface_create_for_stream(PDFSink.write, Unmanaged.passUnretained(sink).toOpaque(), page.width, page.height)
                    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Inclusio")
                    painter = PagePainter(surface: surface)
                } else {
                    cairo_pdf_surface_set_size(surface, page.width, page.height)
                }
                try painter?.draw(page, source: document.source)
                pageCount += 1
            }
        }
        painter = nil
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw .pdfFailed(reason: String(cString: cairo_status_to_string(status)))
        }
        lastPageCount = pageCount
        return withExtendedLifetime(sink) { sink.data }
    }

    /// Writes the PDF of `documents` to `url` (`rectoStarts` as for ``pdfData(_:rectoStarts:)``): a temporary file beside it, renamed into place
    /// when complete, so an error leaves nothing (an existing file is replaced only on success).
    /// - Throws: as ``pdfData(_:rectoStarts:)``, and ``RenderingError/outputNotWritable(path:reason:)``.
    public func render(_ documents: [FODocument], to url: URL, rectoStarts: Bool = false) throws(RenderingError) {
        let data = try pdfData(documents, rectoStarts: rectoStarts)
        let temporary = AtomicFiles.temporary(for: url, token: AtomicFiles.token())
        if let reason = AtomicFiles.write(temporary.path, data) {
            throw .outputNotWritable(path: url.path, reason: reason)
        }
        do {
            try AtomicFiles.moveIntoPlace([(temporary.path, url.path)], replacing: true)
        } catch {
            throw .outputNotWritable(path: url.path, reason: error.reason)
        }
    }
}

@available(*, unavailable)
extension PDFRenderer: Sendable {}
