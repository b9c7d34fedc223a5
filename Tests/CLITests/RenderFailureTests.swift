import Foundation
import TestSupport
import Testing

/// Forms that cannot work and records that have no form: a clear error with the form's
/// file and line (or the missing pair), a non-zero status, and no PDF left behind.
@Suite struct RenderFailureTests {
    static let record = "Tests/Fixtures/records/CN-FJ-placement.xml"
    static let secret = "林小雨"

    /// A stylesheet whose template body starts on line 5.
    private func form(_ body: String, in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent("form.xsl")
        try """
        <?xml version="1.0" encoding="UTF-8"?>
        <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:fo="http://www.w3.org/1999/XSL/Format">
        <xsl:template match="/">
        <fo:root xml:lang="zh-CN"><fo:layout-master-set><fo:simple-page-master master-name="p" page-width="210mm" page-height="297mm"><fo:region-body/></fo:simple-page-master></fo:layout-master-set>
        <fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body">
        \(body)
        </fo:flow></fo:page-sequence></fo:root>
        </xsl:template>
        </xsl:stylesheet>
        """.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    struct Case: Sendable, CustomStringConvertible {
        let description: String
        let body: String
        let message: [String]
    }

    static let cases = [
        Case(description: "FO outside the subset", body: "<fo:block>a</fo:block>\n<fo:float><fo:block><xsl:value-of select=\"//*[local-name()='family']\"/></fo:block></fo:float>",
             message: ["form.xsl line 7: fo:float is not supported by the renderer"]),
        Case(description: "property outside the subset", body: "<fo:block>a</fo:block>\n\n<fo:block hyphenate=\"true\">b</fo:block>",
             message: ["form.xsl line 8: property hyphenate on fo:block is not supported"]),
        Case(description: "broken XSLT", body: "<fo:block>\n<xsl:value-of select=\"//family[\"/></fo:block>",
             message: ["form.xsl", "cannot be compiled", "line 7"]),
        Case(description: "xsl:message terminate", body: "<fo:block/>\n<xsl:message terminate=\"yes\">this form is not finished</xsl:message>",
             message: ["form.xsl stopped", "line 7", "this form is not finished"]),
    ]

    @Test(arguments: cases)
    func aFormThatCannotWorkIsNamedWithItsLine(_ failure: Case) throws {
        let folder = try Run.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("pdf")
        let run = try Run.inclusio(["render", Self.record, "--form", try form(failure.body, in: folder).path, "-o", output.path])
        #expect(run.status == 78, "\(run.stderr)")
        for part in failure.message { #expect(run.stderr.contains(part), "\(run.stderr)") }
        #expect(run.stderr.contains("CN-FJ-placement.xml"))
        #expect(!run.stderr.contains(Self.secret), "no record content in messages")
        #expect(Run.files(in: output).isEmpty, "no PDF and no temporary left")
    }

    @Test func aRecordWhoseJurisdictionHasNoFormNamesThePair() throws {
        let folder = try Run.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let forms = folder.appendingPathComponent("Forms")
        try FileManager.default.createDirectory(at: forms.appendingPathComponent("IT-MO"), withIntermediateDirectories: true)
        let output = folder.appendingPathComponent("pdf")
        let run = try Run.inclusio(["render", "Tests/Fixtures/records/JP-11-placement.xml", "--forms", forms.path, "-o", output.path])
        #expect(run.status == 78)
        #expect(run.stderr.contains("there is no form for placement records of JP-11"), "\(run.stderr)")
        #expect(run.stderr.contains("JP-11/placement.xsl"))
        #expect(Run.files(in: output).isEmpty)
    }

    @Test func aFailingRecordIsReportedAndTheOthersAreStillRendered() throws {
        let folder = try Run.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let broken = folder.appendingPathComponent("broken.xml")
        let text = try String(contentsOf: Run.project.appendingPathComponent(Self.record), encoding: .utf8)
        try text.replacingOccurrences(of: "<birthDate>2020-03-08</birthDate>", with: "<birthDate>2020-02-30</birthDate>")
            .write(to: broken, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("pdf")
        let run = try Run.inclusio(["render", Self.record, broken.path, "Tests/Fixtures/records/IT-MO-iep.xml", "-o", output.path])
        #expect(run.status == 65, "\(run.stderr)")
        #expect(run.stderr.contains("broken.xml") && run.stderr.contains("1 of 3 records were not rendered"), "\(run.stderr)")
        #expect(Run.files(in: output).count == 2)

        let merged = folder.appendingPathComponent("merged.pdf")
        let merge = try Run.inclusio(["render", Self.record, broken.path, "--merge", merged.path])
        #expect(merge.status == 65 && merge.stderr.contains("was not written"), "\(merge.stderr)")
        #expect(!FileManager.default.fileExists(atPath: merged.path))

        let json = try Run.inclusio(["render", Self.record, broken.path, "--merge", merged.path, "--json"])
        let document = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let failed = document?["failures"] as? [[String: Any]]
        #expect(json.status == 65 && failed?.count == 1 && (failed?.first?["input"] as? String)?.hasSuffix("broken.xml") == true, "\(json.stdout)")
        #expect(!FileManager.default.fileExists(atPath: merged.path))
    }

    @Test func formsCannotReadOutsideTheirFolder() throws {
        let folder = try Run.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("pdf")
        let form = try form("<fo:block><xsl:value-of select=\"document('/etc/passwd')\"/></fo:block>", in: folder)
        let run = try Run.inclusio(["render", Self.record, "--form", form.path, "-o", output.path])
        #expect(run.status == 78, "\(run.stderr)")
        #expect(!run.stderr.contains("root:"))
        #expect(Run.files(in: output).isEmpty)
    }
}
