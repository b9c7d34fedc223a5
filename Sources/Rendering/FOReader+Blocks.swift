import Foundation
import XML

extension FOReader {
    /// The flow items (blocks, tables, containers) among `element`'s children.
    mutating func items(of element: XMLElement, style: TextStyle) throws(RenderingError) -> [FlowItem] {
        var items: [FlowItem] = []
        for child in element.children { items.append(try item(child, style: style)) }
        return items
    }

    private mutating func item(_ element: XMLElement, style: TextStyle) throws(RenderingError) -> FlowItem {
        switch element.name {
        case "table": .table(try readTable(element, style: style))
        case "block-container": .container(try readContainer(element, style: style))
        default: .block(try readBlock(element, style: style))
        }
    }

    private mutating func readBlock(_ element: XMLElement, style inherited: TextStyle) throws(RenderingError) -> BlockNode {
        let attributes = attributes(element)
        let style = try inherited.forBlock.resolved(by: attributes)
        let box = try BoxStyle(reading: attributes, style: style)
        try register(box.id, line: element.line)
        var parts: [BlockNode.Part] = []
        var pieces: [InlinePiece] = []
        func flush() {
            let paragraph = Self.collapsingWhiteSpace(pieces)
            if !paragraph.isEmpty { parts.append(.paragraph(paragraph)) }
            pieces = []
        }
        for content in element.content {
            switch content {
            case let .text(text):
                pieces.append(InlinePiece(kind: .text(text), style: style))
            case let .element(child) where ["block", "table", "block-container"].contains(child.name):
                flush()
                parts.append(.item(try item(child, style: style)))
            case let .element(child):
                try collectInline(child, style: style, into: &pieces)
            }
        }
        flush()
        return BlockNode(box: box, style: style, parts: parts)
    }

    /// Adds the pieces of an inline-level element (and its descendants) to `pieces`.
    private mutating func collectInline(_ element: XMLElement, style inherited: TextStyle, into pieces: inout [InlinePiece]) throws(RenderingError) {
        let attributes = attributes(element)
        var style = try inherited.resolved(by: attributes)
        if let decoration = try attributes.choice("text-decoration", ["underline", "line-through", "none", "no-underline"]) {
            style.underline = decoration == "underline"
            style.lineThrough = decoration == "line-through"
        }
        if let shift = attributes.string("baseline-shift") {
            switch shift {
            case "super": style.baselineShift += 0.33 * inherited.fontSize
            case "sub": style.baselineShift -= 0.2 * inherited.fontSize
            case "baseline": break
            default:
                guard let points = FOAttributes.points(shift, fontSize: inherited.fontSize, percentOf: inherited.lineHeightPoints) else {
                    throw attributes.bad("baseline-shift", shift, expected: "super, sub, baseline or a length")
                }
                style.baselineShift += points
            }
        }
        if let background = try attributes.color("background-color") { style.background = background }
        let id = attributes.string("id")
        try register(id, line: element.line)
        if let id { pieces.append(InlinePiece(kind: .anchor(id), style: style)) }
        switch element.name {
        case "inline":
            for content in element.content {
                switch content {
                case let .text(text): pieces.append(InlinePiece(kind: .text(text), style: style))
                case let .element(child): try collectInline(child, style: style, into: &pieces)
                }
            }
        case "page-number":
            pieces.append(InlinePiece(kind: .pageNumber, style: style))
        case "page-number-citation-last":
            let id = try reference(attributes.string("ref-id"), line: element.line, property: "ref-id", needsSequence: true, element: "fo:page-number-citation-last")
            pieces.append(InlinePiece(kind: .lastPageNumber(of: id), style: style))
        case "page-number-citation":
            let id = try reference(attributes.string("ref-id"), line: element.line, property: "ref-id", needsSequence: false, element: "fo:page-number-citation")
            pieces.append(InlinePiece(kind: .pageCitation(of: id), style: style))
        case "leader":
            pieces.append(InlinePiece(kind: .leader(try readLeader(attributes, style: style)), style: style))
        default:
            pieces.append(InlinePiece(kind: .graphic(try readGraphic(attributes)), style: style))
        }
    }

    private func readLeader(_ attributes: FOAttributes, style: TextStyle) throws(RenderingError) -> Leader {
        let pattern = try attributes.choice("leader-pattern", ["space", "rule"]) ?? "space"
        var leader = Leader(rule: pattern == "rule", length: 12, isFraction: false,
                            thickness: try attributes.length("rule-thickness", fontSize: style.fontSize) ?? 1)
        if let text = attributes.string("leader-length") {
            if text.hasSuffix("%"), let percent = Double(text.dropLast()), percent >= 0, percent <= 100 {
                leader.length = percent / 100
                leader.isFraction = true
            } else if let points = FOAttributes.points(text, fontSize: style.fontSize), points >= 0 {
                leader.length = points
            } else {
                throw attributes.bad("leader-length", text, expected: "a length such as 40mm or a percentage up to 100%")
            }
        }
        return leader
    }

    private mutating func readContainer(_ element: XMLElement, style inherited: TextStyle) throws(RenderingError) -> ContainerNode {
        let attributes = attributes(element)
        let style = try inherited.forBlock.resolved(by: attributes)
        let box = try BoxStyle(reading: attributes, style: style)
        try register(box.id, line: element.line)
        let position = try attributes.choice("absolute-position", ["absolute", "auto"]) ?? "auto"
        let size = style.fontSize
        return ContainerNode(box: box, style: style, absolute: position == "absolute",
                             top: try attributes.length("top", fontSize: size) ?? 0,
                             left: try attributes.length("left", fontSize: size) ?? 0,
                             width: try attributes.length("width", fontSize: size),
                             height: try attributes.length("height", fontSize: size),
                             items: try items(of: element, style: style))
    }

    static let xmlWhiteSpace: Set<Unicode.Scalar> = [" ", "\t", "\n", "\r"]

    /// Whitespace as XSL treats it by default: runs collapse to one space, spaces around
    /// line breaks and at the paragraph's ends go; line feeds become spaces unless preserved.
    static func collapsingWhiteSpace(_ pieces: [InlinePiece]) -> [InlinePiece] {
        var result: [InlinePiece] = []
        var afterSpace = true   // drops leading spaces
        for piece in pieces {
            guard case let .text(text) = piece.kind else {
                result.append(piece)
                if case .anchor = piece.kind {} else { afterSpace = false }
                continue
            }
            guard piece.style.collapseWhiteSpace else {
                result.append(piece)
                afterSpace = text.last == " "
                continue
            }
            // XML white space only: an ideographic space (U+3000) is content and stays.
            var output = String.UnicodeScalarView()
            for scalar in text.unicodeScalars {
                if scalar == "\n" && piece.style.preserveLinefeeds {
                    while output.last == " " { output.removeLast() }
                    output.append("\n")
                    afterSpace = true
                } else if Self.xmlWhiteSpace.contains(scalar) {
                    if !afterSpace { output.append(" ") }
                    afterSpace = true
                } else {
                    output.append(scalar)
                    afterSpace = false
                }
            }
            if !output.isEmpty { result.append(InlinePiece(kind: .text(String(output)), style: piece.style)) }
        }
        // Trailing spaces (anchors do not count as content).
        if let last = result.lastIndex(where: { if case .anchor = $0.kind { false } else { true } }),
           case let .text(text) = result[last].kind, result[last].style.collapseWhiteSpace, text.last == " " {
            let trimmed = String(text.dropLast())
            if trimmed.isEmpty { result.remove(at: last) } else { result[last].kind = .text(trimmed) }
        }
        return result
    }
}
