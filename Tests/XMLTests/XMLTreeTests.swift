import Foundation
import Testing
import XML

@Suite struct XMLTreeTests {
    @Test(arguments: ["hostile/xxe.xml", "hostile/billion-laughs.xml"])
    func documentTypeDeclarationsAreRefusedQuickly(fixture: String) throws {
        let started = Date()
        let error = #expect(throws: XMLError.self) { try XMLTree(contentsOf: Fixtures.file(fixture), file: "in.xml") }
        #expect(error == .documentTypeDeclared(file: "in.xml"))
        // Expanding these would take minutes and gigabytes; refusing them takes a millisecond.
        #expect(Date().timeIntervalSince(started) < 1)
        #expect(error?.description.contains("DOCTYPE") == true)
        #expect(error?.description.contains("root:") == false, "no file content may leak into the message")
    }

    @Test(arguments: [("<a>\n<b></a>", 2), ("<a>\n\n<b x='1' x='2'/></a>", 3), ("", 1), ("<a>&undefined;</a>", 1)])
    func malformedXMLNamesTheLine(xml: String, line: Int) {
        let error = #expect(throws: XMLError.self) { try XMLTree(data: Data(xml.utf8), file: "c.xml") }
        guard case let .malformed(file, problems)? = error else { Issue.record("expected .malformed, got \(String(describing: error))"); return }
        #expect(file == "c.xml")
        #expect(problems.first?.line == line)
    }

    @Test func nestingBeyondTheLimitIsRefused() {
        let xml = String(repeating: "<a>", count: 10) + "\n<b/>" + String(repeating: "</a>", count: 10)
        let error = #expect(throws: XMLError.self) {
            try XMLTree(data: Data(xml.utf8), file: "deep.xml", limits: XMLInputLimits(maximumDepth: 8))
        }
        #expect(error == .tooDeep(file: "deep.xml", line: 1, limit: 8))
    }

    @Test func oversizedInputIsRefusedBeforeParsing() {
        let error = #expect(throws: XMLError.self) {
            try XMLTree(data: Data(repeating: 0x20, count: 2048), file: "big.xml", limits: XMLInputLimits(maximumBytes: 1024))
        }
        #expect(error == .tooLarge(file: "big.xml", bytes: 2048, limit: 1024))
    }

    @Test func elementsKeepNamesNamespacesAttributesTextAndLines() throws {
        let xml = "<?xml version=\"1.0\"?>\n<r xmlns=\"urn:x\" id=\"7\">\n  <n>林 &amp; 小雨</n>\n  <n><![CDATA[<b>]]></n>\n</r>"
        let root = try XMLTree(data: Data(xml.utf8), file: "r.xml").rootElement()
        #expect(root.name == "r" && root.namespace == "urn:x" && root.attribute("id") == "7" && root.line == 2)
        #expect(root.children(named: "n").map(\.text) == ["林 & 小雨", "<b>"])
        #expect(root.children.map(\.line) == [3, 4])
    }

    @Test func mixedContentKeepsTextAndElementsInOrder() throws {
        let root = try XMLTree(data: Data("<p>a <b>b</b> c<br/>d</p>".utf8), file: "p.xml").rootElement()
        let pieces = root.content.map { piece -> String in
            switch piece {
            case let .text(text): "text:\(text)"
            case let .element(element): "element:\(element.name)"
            }
        }
        #expect(pieces == ["text:a ", "element:b", "text: c", "element:br", "text:d"])
        #expect(root.text == "a  cd" && root.children.map(\.name) == ["b", "br"], "text and children still hold their halves")
    }
}
