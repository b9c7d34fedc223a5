import Foundation
import XML

/// Turns a parsed FO tree into page sequences, refusing whatever is outside the subset
/// (`Forms/FO-SUBSET.md`) with the line where it stands.
struct FOReader {
    let source: String
    let resourceDirectory: URL?
    /// Every `id`, and whether it names a page-sequence.
    private var ids: [String: Bool] = [:]
    /// `ref-id`s met, checked once the whole document has been read.
    private var references: [(line: Int, property: String, id: String, needsSequence: Bool)] = []

    /// What the document's generic font families stand for.
    let fonts: FontChoice

    init(source: String, resourceDirectory: URL?, fonts: FontChoice) {
        self.source = source
        self.resourceDirectory = resourceDirectory
        self.fonts = fonts
    }

    func attributes(_ element: XMLElement) -> FOAttributes { FOAttributes(element: element, source: source) }

    /// The page sequences of the document whose root is `root`.
    mutating func read(root: XMLElement) throws(RenderingError) -> [PageSequence] {
        try check(root, parent: nil)
        var initial = TextStyle()
        initial.fonts = fonts
        let rootStyle = try initial.resolved(by: attributes(root))
        var masters: [String: PageMasterChoice] = [:]
        var sequences: [PageSequence] = []
        for child in root.children {
            switch child.name {
            case "layout-master-set": masters = try readMasters(child)
            default: sequences.append(try readSequence(child, masters: masters, style: rootStyle))
            }
        }
        guard !sequences.isEmpty else {
            throw .missingProperty(source: source, line: root.line, element: "fo:root", property: "an fo:page-sequence")
        }
        for reference in references {
            guard let isSequence = ids[reference.id] else {
                throw .badReference(source: source, line: reference.line, property: reference.property, value: reference.id,
                                    problem: "names no element of the document; give that element this id")
            }
            if reference.needsSequence && !isSequence {
                throw .badReference(source: source, line: reference.line, property: reference.property, value: reference.id,
                                    problem: "must name an fo:page-sequence (its last page number is cited)")
            }
        }
        return sequences
    }

    /// Refuses elements, places, properties and text outside the subset, depth first.
    private func check(_ element: XMLElement, parent: String?) throws(RenderingError) {
        let shown = element.namespace == FOSubset.namespace ? "fo:\(element.name)" : element.name
        guard element.namespace == FOSubset.namespace, let rule = FOSubset.elements[element.name] else {
            throw .unsupportedElement(source: source, line: element.line, element: shown)
        }
        if let parent {
            guard rule.parents.contains(parent) else {
                throw .misplacedElement(source: source, line: element.line, element: shown, parent: "fo:\(parent)")
            }
        } else if element.name != "root" {
            throw .misplacedElement(source: source, line: element.line, element: shown, parent: "the document (it must be fo:root)")
        }
        for attribute in element.attributes where !rule.properties.contains(attribute.name) {
            throw .unsupportedProperty(source: source, line: element.line, element: shown, property: attribute.name)
        }
        if !["block", "inline"].contains(element.name),
           element.text.unicodeScalars.contains(where: { !Self.xmlWhiteSpace.contains($0) }) {
            throw .misplacedElement(source: source, line: element.line, element: "text", parent: shown)
        }
        for child in element.children { try check(child, parent: element.name) }
    }

    /// Records an `id` (refusing a second use).
    mutating func register(_ id: String?, line: Int, isSequence: Bool = false) throws(RenderingError) {
        guard let id else { return }
        guard ids[id] == nil else {
            throw .badReference(source: source, line: line, property: "id", value: id, problem: "is used twice; give each element its own id")
        }
        ids[id] = isSequence
    }

    mutating func reference(_ id: String?, line: Int, property: String, needsSequence: Bool, element: String) throws(RenderingError) -> String {
        guard let id else { throw .missingProperty(source: source, line: line, element: element, property: property) }
        references.append((line, property, id, needsSequence))
        return id
    }

    /// The simple page masters and page-sequence masters of the layout-master-set, by name.
    private func readMasters(_ set: XMLElement) throws(RenderingError) -> [String: PageMasterChoice] {
        var simple: [String: PageMaster] = [:]
        var choices: [String: PageMasterChoice] = [:]
        func named(_ element: XMLElement) throws(RenderingError) -> String {
            guard let name = attributes(element).string("master-name") else {
                throw .missingProperty(source: source, line: element.line, element: "fo:\(element.name)", property: "master-name")
            }
            guard simple[name] == nil, choices[name] == nil else {
                throw .badReference(source: source, line: element.line, property: "master-name", value: name,
                                    problem: "is used twice; give each master its own name")
            }
            return name
        }
        for master in set.children where master.name == "simple-page-master" {
            let name = try named(master)
            simple[name] = try readMaster(master)
            choices[name] = PageMasterChoice(simple[name]!)
        }
        for master in set.children where master.name == "page-sequence-master" {
            let name = try named(master)
            var alternatives: [PageMasterChoice.Alternative] = []
            for reference in master.children.flatMap(\.children) {
                let attributes = attributes(reference)
                guard let target = attributes.string("master-reference") else {
                    throw .missingProperty(source: source, line: reference.line, element: "fo:conditional-page-master-reference",
                                           property: "master-reference")
                }
                guard let page = simple[target] else {
                    throw .badReference(source: source, line: reference.line, property: "master-reference", value: target,
                                        problem: "names no fo:simple-page-master; use a master-name of the layout-master-set")
                }
                var alternative = PageMasterChoice.Alternative(master: page)
                if let parity = try attributes.choice("odd-or-even", ["odd", "even", "any"]) { alternative.parity = .init(rawValue: parity)! }
                if let position = try attributes.choice("page-position", ["first", "last", "rest", "any"]) {
                    alternative.position = .init(rawValue: position)!
                }
                if let first = alternatives.first, abs(first.master.bodyWidth - page.bodyWidth) > 0.01 {
                    throw attributes.bad("master-reference", target,
                                         expected: "a master whose region-body is as wide as the others' (mirror the margins)")
                }
                alternatives.append(alternative)
            }
            guard !alternatives.isEmpty else {
                throw .missingProperty(source: source, line: master.line, element: "fo:page-sequence-master",
                                       property: "an fo:conditional-page-master-reference")
            }
            choices[name] = PageMasterChoice(alternatives: alternatives)
        }
        return choices
    }

    private func readMaster(_ element: XMLElement) throws(RenderingError) -> PageMaster {
        let attributes = attributes(element)
        func length(_ name: String, default value: Double) throws(RenderingError) -> Double {
            try attributes.length(name, fontSize: 12) ?? value
        }
        var master = PageMaster(width: try length("page-width", default: 595.28), height: try length("page-height", default: 841.89),
                                margins: try margins(attributes), bodyMargins: Edges())
        for region in element.children {
            let regionAttributes = self.attributes(region)
            switch region.name {
            case "region-body": master.bodyMargins = try margins(regionAttributes)
            case "region-before":
                master.beforeExtent = try regionAttributes.length("extent", fontSize: 12) ?? 0
                master.beforeName = regionAttributes.string("region-name") ?? master.beforeName
            default:
                master.afterExtent = try regionAttributes.length("extent", fontSize: 12) ?? 0
                master.afterName = regionAttributes.string("region-name") ?? master.afterName
            }
        }
        guard master.width > 0, master.height > 0, master.bodyWidth > 10, master.bodyHeight > 10 else {
            throw attributes.bad("page-width/page-height", "\(master.width)pt × \(master.height)pt",
                                 expected: "a page larger than its margins and the body's margins")
        }
        return master
    }

    private func margins(_ attributes: FOAttributes) throws(RenderingError) -> Edges {
        let all = try attributes.edges("margin", fontSize: 12) ?? Edges()
        return Edges(top: try attributes.length("margin-top", fontSize: 12) ?? all.top,
                     right: try attributes.length("margin-right", fontSize: 12) ?? all.right,
                     bottom: try attributes.length("margin-bottom", fontSize: 12) ?? all.bottom,
                     left: try attributes.length("margin-left", fontSize: 12) ?? all.left)
    }

    private mutating func readSequence(_ element: XMLElement, masters: [String: PageMasterChoice], style rootStyle: TextStyle) throws(RenderingError) -> PageSequence {
        let attributes = attributes(element)
        guard let name = attributes.string("master-reference") else {
            throw .missingProperty(source: source, line: element.line, element: "fo:page-sequence", property: "master-reference")
        }
        guard let choice = masters[name] else {
            throw .badReference(source: source, line: element.line, property: "master-reference", value: name,
                                problem: "names no fo:simple-page-master or fo:page-sequence-master; use a master-name of the layout-master-set")
        }
        let style = try rootStyle.resolved(by: attributes)
        let id = attributes.string("id")
        try register(id, line: element.line, isSequence: true)
        let formatText = attributes.string("format") ?? "1"
        guard let format = PageNumberFormat(rawValue: formatText) else {
            throw attributes.bad("format", formatText, expected: "1, i, I, a or A")
        }
        let force = try attributes.choice("force-page-count", ["no-force", "auto", "even", "odd", "end-on-even", "end-on-odd"])
        var sequence = PageSequence(masters: choice, initialPageNumber: try attributes.integer("initial-page-number", in: 0...99_999),
                                    id: id, format: format, forcePageCount: force.flatMap(PageSequence.ForcePageCount.init) ?? .noForce,
                                    statics: [:], body: [])
        let regions = choice.regionNames
        var sawFlow = false
        for child in element.children {
            let childAttributes = self.attributes(child)
            let flowName = childAttributes.string("flow-name") ?? ""
            let childStyle = try style.resolved(by: childAttributes)
            switch (child.name, flowName) {
            case ("flow", "xsl-region-body"):
                sequence.body = try items(of: child, style: childStyle)
                sawFlow = true
            case ("static-content", _) where regions.contains(flowName):
                sequence.statics[flowName] = try items(of: child, style: childStyle)
            case ("static-content", "xsl-region-before"), ("static-content", "xsl-region-after"):
                throw .badReference(source: source, line: child.line, property: "flow-name", value: flowName,
                                    problem: "names a region the page master \(name) does not have; add it to the master")
            default:
                throw childAttributes.bad("flow-name", flowName, expected: child.name == "flow"
                    ? "xsl-region-body" : "the region-name of a region-before or region-after of the page master \(name)")
            }
        }
        guard sawFlow else {
            throw .missingProperty(source: source, line: element.line, element: "fo:page-sequence", property: "an fo:flow")
        }
        return sequence
    }
}
