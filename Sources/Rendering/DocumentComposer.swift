/// Lays out one document's page sequences into pages: the flow first, then the static
/// content of every page, once the page numbers it may cite are known.
struct DocumentComposer {
    let shaper: TextShaper

    func pages(of document: FODocument) -> [ComposedPage] {
        let registry = PageRegistry()
        var pages: [ComposedPage] = []
        // A second pass only when a citation was needed before its page was known.
        for _ in 0..<2 {
            registry.beginPass()
            pages = compose(document, registry: registry)
            if !registry.neededUnknown { break }
        }
        return pages
    }

    private func compose(_ document: FODocument, registry: PageRegistry) -> [ComposedPage] {
        var flows: [(sequence: PageSequence, flow: FlowLayouter, first: Int)] = []
        var nextNumber = 1
        for sequence in document.sequences {
            let master = sequence.master
            let first = sequence.initialPageNumber ?? nextNumber
            let bodyHeight = master.height - master.margins.top - master.margins.bottom - master.bodyMargins.top - master.bodyMargins.bottom
            let flow = FlowLayouter(shaper: shaper, registry: registry, width: bodyWidth(master), firstPage: first,
                                    format: sequence.format, areaHeight: { _ in bodyHeight })
            flow.layout(sequence.body, left: 0, right: 0)
            let last = first + flow.areas.count - 1
            if let id = sequence.id {
                registry.starts[id] = sequence.format.text(first)
                registry.lastPages[id] = sequence.format.text(last)
            }
            nextNumber = last + 1
            flows.append((sequence, flow, first))
        }
        var pages: [ComposedPage] = []
        for (sequence, flow, first) in flows {
            let master = sequence.master
            for (index, area) in flow.areas.enumerated() {
                var items = area.items.map {
                    $0.offset(x: master.margins.left + master.bodyMargins.left, y: master.margins.top + master.bodyMargins.top)
                }
                let regionWidth = master.width - master.margins.left - master.margins.right
                if master.beforeExtent != nil, !sequence.before.isEmpty {
                    items += region(sequence.before, width: regionWidth, page: first + index, sequence: sequence, registry: registry)
                        .map { $0.offset(x: master.margins.left, y: master.margins.top) }
                }
                if let extent = master.afterExtent, !sequence.after.isEmpty {
                    items += region(sequence.after, width: regionWidth, page: first + index, sequence: sequence, registry: registry)
                        .map { $0.offset(x: master.margins.left, y: master.height - master.margins.bottom - extent) }
                }
                pages.append(ComposedPage(width: master.width, height: master.height, items: items))
            }
        }
        return pages
    }

    private func bodyWidth(_ master: PageMaster) -> Double {
        master.width - master.margins.left - master.margins.right - master.bodyMargins.left - master.bodyMargins.right
    }

    /// A header or footer for page `page`; content past the extent is drawn, not cut.
    private func region(_ items: [FlowItem], width: Double, page: Int, sequence: PageSequence, registry: PageRegistry) -> [PageItem] {
        let flow = FlowLayouter(shaper: shaper, registry: registry, width: width, firstPage: page, format: sequence.format,
                                areaHeight: { _ in .infinity })
        flow.layout(items, left: 0, right: 0)
        return flow.areas.flatMap(\.items)
    }
}
