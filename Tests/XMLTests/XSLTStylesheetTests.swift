import Foundation
import Testing
import XML

/// The XSLT wrapper: output as xsltproc gives it, errors with the stylesheet's file and
/// line, and no reading outside the forms folder.
@Suite struct XSLTStylesheetTests {
    private static let header = #"<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:r="urn:t" exclude-result-prefixes="r">"#
    private static let record = #"<r:doc xmlns:r="urn:t" id="A-1"><r:name>Lin</r:name></r:doc>"#

    /// Writes `files` (name → text) into a new folder.
    private func folder(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("xslt-\(UUID().uuidString)", isDirectory: true)
        for (name, text) in files {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return folder
    }

    private func tree() throws -> XMLTree { try XMLTree(data: Data(Self.record.utf8), file: "r.xml") }

    @Test func transformsWithAnImportAndNodeSet() throws {
        let dir = try folder([
            "A/form.xsl": Self.header + #"<xsl:import href="../common/lib.xsl"/><xsl:output method="xml" indent="no"/><xsl:template match="/"><out id="{r:doc/@id}"><xsl:call-template name="hello"/><xsl:value-of select="r:doc/r:name"/></out></xsl:template></xsl:stylesheet>"#,
            "common/lib.xsl": Self.header + #"<xsl:template name="hello" xmlns:exsl="http://exslt.org/common"><xsl:variable name="t"><a>Hi </a></xsl:variable><xsl:value-of select="exsl:node-set($t)/a"/></xsl:template></xsl:stylesheet>"#,
        ])
        let sheet = try XSLTStylesheet(contentsOf: dir.appendingPathComponent("A/form.xsl"), file: "A/form.xsl", allowedDirectory: dir)
        let output = String(decoding: try sheet.transform(tree()), as: UTF8.self)
        #expect(output.contains(#"<out id="A-1">Hi Lin</out>"#))
    }

    @Test(arguments: [
        (#"<xsl:template match="/"><xsl:value-of select="r:doc/"/></xsl:template>"#, 3),
        (#"<xsl:template match="/"><xsl:value-of/></xsl:template>"#, 3),
        ("<xsl:template match=\"/\">\n<x/></xsl:template>\n<xsl:template/>", 5),
    ])
    func compileErrorsNameTheFileAndLine(body: String, line: Int) throws {
        let dir = try folder(["form.xsl": Self.header + "\n\n" + body + "\n</xsl:stylesheet>"])
        let error = #expect(throws: StylesheetError.self) { try XSLTStylesheet(contentsOf: dir.appendingPathComponent("form.xsl"), file: "F/form.xsl") }
        guard case let .broken(file, problems)? = error else { Issue.record("expected .broken, got \(String(describing: error))"); return }
        #expect(file == "F/form.xsl")
        #expect(problems.contains { $0.line == line }, "\(problems)")
        #expect(error?.description.hasPrefix("the form F/form.xsl cannot be compiled") == true)
    }

    @Test func malformedStylesheetNamesTheLine() throws {
        let dir = try folder(["form.xsl": Self.header + "\n<xsl:template match=\"/\">\n</xsl:stylesheet>"])
        let error = #expect(throws: StylesheetError.self) { try XSLTStylesheet(contentsOf: dir.appendingPathComponent("form.xsl"), file: "form.xsl") }
        #expect(error?.problems.first?.line == 3)
    }

    @Test func terminatingMessageNamesItsLineAndText() throws {
        let dir = try folder(["form.xsl": Self.header + "\n<xsl:template match=\"/\">\n<xsl:if test=\"r:doc\">\n<xsl:message terminate=\"yes\">no placement in this record</xsl:message>\n</xsl:if></xsl:template></xsl:stylesheet>"])
        let sheet = try XSLTStylesheet(contentsOf: dir.appendingPathComponent("form.xsl"), file: "form.xsl")
        let error = #expect(throws: StylesheetError.self) { try sheet.transform(tree()) }
        guard case let .failed(file, problems)? = error else { Issue.record("expected .failed, got \(String(describing: error))"); return }
        #expect(file == "form.xsl")
        #expect(problems.contains { $0.line == 4 && $0.message.contains("no placement in this record") }, "\(problems)")
    }

    @Test func importsOutsideTheFolderAndDocumentAreRefused() throws {
        let secret = try folder(["secret.xml": "<secret>s3cret</secret>", "lib.xsl": Self.header + "</xsl:stylesheet>"])
        let dir = try folder([
            "outside.xsl": Self.header + #"<xsl:import href="\#(secret.appendingPathComponent("lib.xsl").path)"/></xsl:stylesheet>"#,
            "document.xsl": Self.header + #"<xsl:template match="/"><o><xsl:value-of select="document('\#(secret.appendingPathComponent("secret.xml").path)')"/></o></xsl:template></xsl:stylesheet>"#,
        ])
        let outside = #expect(throws: StylesheetError.self) { try XSLTStylesheet(contentsOf: dir.appendingPathComponent("outside.xsl"), file: "outside.xsl") }
        #expect(outside?.description.contains("outside the forms folder") == true, "\(String(describing: outside))")
        let sheet = try XSLTStylesheet(contentsOf: dir.appendingPathComponent("document.xsl"), file: "document.xsl")
        let refused = #expect(throws: StylesheetError.self) { try sheet.transform(tree()) }
        #expect(refused?.description.contains("s3cret") == false)
    }

    @Test func oneStylesheetTransformsOnTwoThreads() throws {
        let dir = try folder(["form.xsl": Self.header + #"<xsl:template match="/"><o><xsl:value-of select="r:doc/r:name"/></o></xsl:template></xsl:stylesheet>"#])
        let sheet = try XSLTStylesheet(contentsOf: dir.appendingPathComponent("form.xsl"))
        let record = Data(Self.record.utf8)
        let outputs = ConcurrentOutputs()
        DispatchQueue.concurrentPerform(iterations: 200) { _ in
            let data = try? sheet.transform(XMLTree(data: record, file: "r.xml"))
            outputs.add(data.map { String(decoding: $0, as: UTF8.self) } ?? "failed")
        }
        #expect(outputs.all.count == 200 && outputs.all.allSatisfy { $0.contains("<o>Lin</o>") })
    }
}

private final class ConcurrentOutputs: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String] = []
    func add(_ value: String) { lock.withLock { values.append(value) } }
    var all: [String] { lock.withLock { values } }
}
