import Rendering
import Support
import Testing

struct RenderingErrorCategoryTests {
    @Test(arguments: [
        (RenderingError.outputNotWritable(path: "/out/x.pdf", reason: "full"), FailureCategory.output),
        (.pdfFailed(reason: "cairo"), .internal),
        (.nothingToRender, .internal),
        (.unsupportedElement(source: "f.xsl", line: 3, element: "fo:float"), .internal),
    ])
    func category(error: RenderingError, category: FailureCategory) {
        #expect(error.category == category)
    }
}
