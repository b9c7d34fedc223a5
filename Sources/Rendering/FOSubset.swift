/// The XSL-FO subset of `Forms/FO-SUBSET.md` as tables: where each element may stand and
/// which properties it takes. Anything not listed is refused with the form's line.
enum FOSubset {
    static let namespace = "http://www.w3.org/1999/XSL/Format"

    /// Properties every formatting object passes on to its descendants (XSL's inherited
    /// properties); accepted on any element that holds content.
    static let inherited: Set<String> = [
        "font-family", "font-size", "font-weight", "font-style", "color", "line-height",
        "text-align", "text-align-last", "text-indent", "letter-spacing",
        "language", "country", "lang", "linefeed-treatment", "white-space-collapse", "wrap-option",
    ]

    static let spacing: Set<String> = {
        var names: Set<String> = ["start-indent", "end-indent", "margin-top", "margin-bottom", "margin-left", "margin-right"]
        for side in ["before", "after"] {
            names.insert("space-\(side)")
            for component in ["optimum", "minimum", "maximum", "conditionality"] { names.insert("space-\(side).\(component)") }
        }
        return names
    }()

    static let padding: Set<String> = Set(["padding"]).union(sides.map { "padding-\($0)" })

    static let borders: Set<String> = {
        var names: Set<String> = ["border"]
        for side in sides {
            names.insert("border-\(side)")
            for part in ["width", "style", "color"] { names.insert("border-\(side)-\(part)") }
        }
        return names
    }()

    static let sides = ["top", "bottom", "left", "right", "before", "after", "start", "end"]

    static let keeps: Set<String> = [
        "keep-together.within-page", "keep-together", "keep-with-next.within-page", "break-before", "break-after",
    ]

    static let common: Set<String> = ["id", "role"]

    /// Where each element may stand (its allowed parents) and its own properties.
    static let elements: [String: (parents: Set<String>, properties: Set<String>)] = {
        let boxed = borders.union(padding).union(["background-color"])
        let block = inherited.union(spacing).union(boxed).union(keeps).union(common)
        let inlineProperties = inherited.union(["background-color", "baseline-shift", "text-decoration"]).union(common)
        let blockParents: Set<String> = ["flow", "static-content", "block", "block-container", "table-cell"]
        let inlineParents: Set<String> = ["block", "inline"]
        return [
            "root": ([], inherited.union(common)),
            "layout-master-set": (["root"], []),
            "simple-page-master": (["layout-master-set"], [
                "master-name", "page-width", "page-height", "margin", "margin-top", "margin-bottom", "margin-left", "margin-right"]),
            "region-body": (["simple-page-master"], ["margin", "margin-top", "margin-bottom", "margin-left", "margin-right"]),
            "region-before": (["simple-page-master"], ["extent", "region-name"]),
            "region-after": (["simple-page-master"], ["extent", "region-name"]),
            "page-sequence-master": (["layout-master-set"], ["master-name"]),
            "repeatable-page-master-alternatives": (["page-sequence-master"], []),
            "conditional-page-master-reference": (["repeatable-page-master-alternatives"], ["master-reference", "odd-or-even", "page-position"]),
            "page-sequence": (["root"], inherited.union(["master-reference", "initial-page-number", "format", "force-page-count"]).union(common)),
            "static-content": (["page-sequence"], inherited.union(["flow-name"])),
            "flow": (["page-sequence"], inherited.union(["flow-name"])),
            "block": (blockParents, block),
            "inline": (inlineParents, inlineProperties),
            "page-number": (inlineParents, inlineProperties),
            "page-number-citation-last": (inlineParents, inlineProperties.union(["ref-id"])),
            "page-number-citation": (inlineParents, inlineProperties.union(["ref-id"])),
            "leader": (inlineParents, inlineProperties.union(["leader-pattern", "leader-length", "rule-thickness"])),
            "external-graphic": (inlineParents, common.union(["src", "content-width", "content-height", "width", "height"])),
            "block-container": (["flow", "static-content"], inherited.union(boxed).union(common).union(keeps).union(spacing).union([
                "absolute-position", "top", "left", "width", "height", "z-index"])),
            "table": (["flow", "block", "block-container", "table-cell"], inherited.union(borders).union(spacing).union(keeps).union(common)
                .union(["table-layout", "width", "border-collapse", "background-color"])),
            "table-column": (["table"], ["column-width", "number-columns-repeated"]),
            "table-header": (["table"], inherited),
            "table-body": (["table"], inherited),
            "table-row": (["table-header", "table-body"], inherited.union(["keep-together.within-page", "keep-together", "height", "min-height", "background-color"]).union(common)),
            "table-cell": (["table-row"], inherited.union(boxed).union(common).union([
                "number-columns-spanned", "number-rows-spanned", "display-align"])),
        ]
    }()
}
