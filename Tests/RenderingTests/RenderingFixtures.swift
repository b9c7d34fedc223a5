import Foundation
import Rendering
import TestSupport

/// Fixture FO files and the helpers that make and render test documents.
///
/// `Fixtures/seal.png` (40×40, a red ring) was written by a few lines of Python with `zlib`
/// (PNG signature, IHDR 40×40 RGB 8-bit, one deflated IDAT, IEND).
enum RenderingFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func url(_ name: String) -> URL { folder.appendingPathComponent(name) }

    /// The fixture `name`, parsed and checked.
    static func document(_ name: String) throws -> FODocument {
        try FODocument(data: Data(contentsOf: url(name)), source: "Fixtures/\(name)", resourceDirectory: folder)
    }

    /// A document made of `text`, named `source`.
    static func document(text: String, source: String = "test.fo") throws(RenderingError) -> FODocument {
        try FODocument(data: Data(text.utf8), source: source, resourceDirectory: folder)
    }

    /// An A4 page with 25 mm margins whose flow holds `blocks`, in language `lang`.
    static func simplePage(_ blocks: String, lang: String = "zh-CN", attributes: String = "") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" xml:lang="\(lang)" font-size="11pt">
          <fo:layout-master-set>
            <fo:simple-page-master master-name="p" page-width="210mm" page-height="297mm" margin="25mm">
              <fo:region-body/>
            </fo:simple-page-master>
          </fo:layout-master-set>
          <fo:page-sequence master-reference="p" id="s"\(attributes)>
            <fo:flow flow-name="xsl-region-body">
        \(blocks)
            </fo:flow>
          </fo:page-sequence>
        </fo:root>
        """
    }

    /// A new temporary folder holding a copy of the fixture `name`.
    static func temporaryCopy(of name: String) throws -> URL {
        let folder = try Run.temporaryFolder()
        try FileManager.default.copyItem(at: url(name), to: folder.appendingPathComponent(name))
        return folder
    }

    /// Renders `documents` into a new temporary folder; returns the PDF's URL.
    static func render(_ documents: [FODocument], renderer: PDFRenderer = PDFRenderer()) throws -> URL {
        let output = try Run.temporaryFolder().appendingPathComponent("out.pdf")
        try renderer.render(documents, to: output)
        return output
    }
}
