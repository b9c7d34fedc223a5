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
            let masters = sequence.masters
            let first = sequence.initialPageNumber ?? nextNumber
            let width = masters.master(number: first, isFirst: true, isLast: false).bodyWidth
            let flow = FlowLayouter(shaper: shaper, registry: registry, width: width, firstPage: first, format: sequence.format,
                                    areaHeight: { masters.master(number: first + $0, isFirst: $0 == 0, isLast: false).bodyHeight })
            flow.layout(sequence.body, left: 0, right: 0)
            finish(flow, of: sequence, first: first)
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
            for (index, area) in flow.areas.enumerated() {
                let number = first + index
                let master = sequence.masters.master(number: number, isFirst: index == 0, isLast: index == flow.areas.count - 1)
                var items = area.items.map {
                    $0.offset(x: master.margins.left + master.bodyMargins.left, y: master.margins.top + master.bodyMargins.top)
                }
                let regionWidth = master.width - master.margins.left - master.margins.right
                if master.beforeExtent != nil, let before = sequence.statics[master.beforeName], !before.isEmpty {
                    items += region(before, width: regionWidth, page: number, sequence: sequence, registry: registry)
                        .map { $0.offset(x: master.margins.left, y: master.margins.top) }
                }
                if let extent = master.afterExtent, let after = sequence.statics[master.afterName], !after.isEmpty {
                    items += region(after, width: regionWidth, page: number, sequence: sequence, registry: registry)
                        .map { $0.offset(x: master.margins.left, y: master.height - master.margins.bottom - extent) }
                }
                pages.append(ComposedPage(width: master.width, height: master.height, items: items))
            }
        }
        return pages
    }

    /// Adds empty pages at the end of a laid-out sequence: when its last page's own master
    /// (`page-position="last"`) has no room for what the flow put there, and for `force-page-count`.
    private func finish(_ flow: FlowLayouter, of sequence: PageSequence, first: Int) {
        let masters = sequence.masters
        if masters.hasLastPageMaster, flow.hasContent {
            let last = masters.master(number: first + flow.currentArea, isFirst: flow.currentArea == 0, isLast: true)
            if flow.y > last.bodyHeight + 0.01 { flow.newArea() }
        }
        let lastNumber = first + flow.currentArea, count = flow.areas.count
        let addPage = switch sequence.forcePageCount {
        case .noForce, .auto: false
        case .even: count % 2 != 0
        case .odd: count % 2 == 0
        case .endOnEven: lastNumber % 2 != 0
        case .endOnOdd: lastNumber % 2 == 0
        }
        if addPage { flow.newArea() }
    }

    /// A header or footer for page `page`; content past the extent is drawn, not cut.
    private func region(_ items: [FlowItem], width: Double, page: Int, sequence: PageSequence, registry: PageRegistry) -> [PageItem] {
        let flow = FlowLayouter(shaper: shaper, registry: registry, width: width, firstPage: page, format: sequence.format,
                                areaHeight: { _ in .infinity })
        flow.layout(items, left: 0, right: 0)
        return flow.areas.flatMap(\.items)
    }
}
