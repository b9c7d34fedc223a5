/// Stacks flow items into areas of a given width, breaking to a new area (a page, or the
/// next piece of a table cell) when one is full: the heart of the layout.
///
/// Spaces between blocks resolve to the larger of the two and vanish at the top of an
/// area; decorated boxes (borders, background) are drawn per area they cross.
final class FlowLayouter {
    /// One area's content, in points from the area's top left.
    struct Area {
        var items: [PageItem] = []
    }

    /// A decorated box that has started and not yet ended.
    private struct OpenBox {
        var left: Double
        var right: Double
        var top: Double
        var style: BoxStyle
        var depth: Int
        var isFirstArea = true
    }

    let shaper: TextShaper
    let registry: PageRegistry
    let width: Double
    /// Height available in area `index`.
    let areaHeight: (Int) -> Double
    /// Page number (counted from the sequence's first) of area 0, and how to write it.
    let firstPage: Int
    let format: PageNumberFormat
    /// The areas filled so far; the last is the current one.
    private(set) var areas = [Area()]
    /// The next free position in the current area.
    private(set) var y = 0.0
    private var pendingSpace = 0.0
    private var pendingBreak = false
    /// Whether the current area holds anything yet (spaces at its top are dropped).
    private(set) var hasContent = false
    private var openBoxes: [OpenBox] = []

    init(shaper: TextShaper, registry: PageRegistry, width: Double, firstPage: Int, format: PageNumberFormat,
         areaHeight: @escaping (Int) -> Double) {
        self.shaper = shaper
        self.registry = registry
        self.width = width
        self.firstPage = firstPage
        self.format = format
        self.areaHeight = areaHeight
    }

    var currentArea: Int { areas.count - 1 }
    var pageText: String { format.text(firstPage + currentArea) }

    func append(_ item: PageItem) { areas[currentArea].items.append(item) }

    /// A layouter for a box inside this one (a cell, a container) that starts on the current page.
    func nested(width: Double, areaHeight: @escaping (Int) -> Double) -> FlowLayouter {
        FlowLayouter(shaper: shaper, registry: registry, width: width, firstPage: firstPage + currentArea,
                     format: format, areaHeight: areaHeight)
    }

    /// Lays out `items` whose containing box has content edges `left` and `right` from this area's edges.
    func layout(_ items: [FlowItem], left: Double, right: Double) {
        for (index, item) in items.enumerated() {
            if index + 1 < items.count { keepWithNext(item, followedBy: items[index + 1], left: left, right: right) }
            layout(item, left: left, right: right)
        }
    }

    /// Breaks before `item` when it has keep-with-next and it and the start of `next` (two
    /// lines, or a table's header and first row) fit on a fresh page but not in the room left here.
    private func keepWithNext(_ item: FlowItem, followedBy next: FlowItem, left: Double, right: Double) {
        guard item.box.keepWithNext else { return }
        let following = if case let .table(table) = next { openingHeight(table, left: left, right: right) } else { Self.leadingHeight(next) }
        // The space between them resolves to the larger of the two (it is in `following` as the next one's).
        keepWithNext(item, followedBy: following + max(0, item.box.spaceAfter - next.box.spaceBefore), left: left, right: right)
    }

    /// Breaks before `item` when it has keep-with-next and it and `following` points after it
    /// fit on a fresh page but not in the room left here (the space before `item` counted as it will resolve).
    private func keepWithNext(_ item: FlowItem, followedBy following: Double, left: Double, right: Double) {
        guard item.box.keepWithNext, hasContent else { return }
        let needed = measure(item, left: left, right: right) + following
        if needed <= areaHeight(currentArea + 1), y + max(pendingSpace, item.box.spaceBefore) + needed > areaHeight(currentArea) { newArea() }
    }

    func layout(_ item: FlowItem, left: Double, right: Double) {
        if item.box.breakBefore { pendingBreak = true }
        if item.box.keepTogether {
            applyPendingBreak()
            let needed = measure(item, left: left, right: right)
            if hasContent, needed <= areaHeight(currentArea + 1), y + pendingSpace + needed > areaHeight(currentArea) { newArea() }
        }
        place(item, left: left, right: right)
        if item.box.breakAfter { pendingBreak = true }
    }

    /// Lays out `item` without looking at its keeps (they are the caller's).
    private func place(_ item: FlowItem, left: Double, right: Double) {
        if case .block = item {} else if let id = item.box.id {
            // Tables and containers start on the page where they are now (blocks place their own).
            applyPendingBreak()
            registry.starts[id] = pageText
        }
        switch item {
        case let .block(block): layoutBlock(block, left: left, right: right)
        case let .table(table): layoutTable(table, left: left, right: right)
        case let .container(container): layoutContainer(container, left: left, right: right)
        }
    }

    /// The height `item` takes when laid out alone in an endless area.
    func measure(_ item: FlowItem, left: Double, right: Double) -> Double {
        let probe = nested(width: width, areaHeight: { _ in .infinity })
        probe.place(item, left: left, right: right)
        return probe.y
    }

    /// What the first line of `item` needs, for keep-with-next before it.
    private static func leadingHeight(_ item: FlowItem) -> Double {
        let box = item.box
        let style: TextStyle = switch item {
        case let .block(block): block.style
        case let .table(table): table.style
        case let .container(container): container.style
        }
        return box.spaceBefore + box.borderWidths.top + box.padding.top + 2 * style.lineHeightPoints
    }

    // MARK: Placing

    private func applyPendingBreak() {
        if pendingBreak && hasContent { newArea() }
        pendingBreak = false
    }

    /// Makes room for `height` points at `y`, breaking to a new area when they do not fit
    /// (unless the area is still empty: then the content overflows rather than loops).
    func reserve(_ height: Double) {
        applyPendingBreak()
        var space = hasContent ? pendingSpace : 0
        if hasContent, y + space + height > areaHeight(currentArea) + 0.01 {
            newArea()
            space = 0
        }
        y += space
        pendingSpace = 0
        hasContent = true
    }

    func addSpace(_ space: Double) { pendingSpace = max(pendingSpace, space) }

    func advance(_ height: Double) { y += height }

    /// Closes the current area (drawing the open boxes' parts in it) and starts the next.
    func newArea() {
        for index in openBoxes.indices {
            drawBox(openBoxes[index], bottom: y, isLastArea: false)
            openBoxes[index].top = 0
            openBoxes[index].isFirstArea = false
        }
        areas.append(Area())
        y = 0
        pendingSpace = 0
        hasContent = false
    }

    // MARK: Blocks

    private func layoutBlock(_ block: BlockNode, left: Double, right: Double) {
        let box = block.box
        let borders = box.borderWidths
        let contentLeft = box.startIndent ?? left + box.marginLeft + borders.left + box.padding.left
        let contentRight = box.endIndent ?? right + box.marginRight + borders.right + box.padding.right
        addSpace(box.spaceBefore)
        let opened = openBox(box, left: contentLeft - box.padding.left - borders.left,
                             right: contentRight - box.padding.right - borders.right)
        if let id = box.id {
            applyPendingBreak()
            // The block starts where its first line lands: on the next page when that line does not fit here.
            let moves = hasContent && y + pendingSpace + block.style.lineHeightPoints > areaHeight(currentArea)
            registry.starts[id] = format.text(firstPage + currentArea + (moves ? 1 : 0))
        }
        for (index, part) in block.parts.enumerated() {
            switch part {
            case let .paragraph(pieces): layoutParagraph(pieces, style: block.style, left: contentLeft, right: contentRight)
            case let .item(item):
                if index + 1 < block.parts.count {
                    switch block.parts[index + 1] {
                    case .paragraph: keepWithNext(item, followedBy: 2 * block.style.lineHeightPoints, left: contentLeft, right: contentRight)
                    case let .item(next): keepWithNext(item, followedBy: next, left: contentLeft, right: contentRight)
                    }
                }
                layout(item, left: contentLeft, right: contentRight)
            }
        }
        if opened { closeBox() }
        addSpace(box.spaceAfter)
    }

    /// Starts a box that has a border, padding or background: its top edge is placed now.
    func openBox(_ box: BoxStyle, left: Double, right: Double) -> Bool {
        let top = box.borderWidths.top + box.padding.top
        guard box.isDecorated || top > 0 || box.borderWidths.bottom + box.padding.bottom > 0 else { return false }
        reserve(top)
        openBoxes.append(OpenBox(left: left, right: width - right, top: y, style: box, depth: openBoxes.count))
        advance(top)
        return true
    }

    func closeBox() {
        guard let box = openBoxes.popLast() else { return }
        advance(box.style.borderWidths.bottom + box.style.padding.bottom)
        drawBox(box, bottom: y, isLastArea: true)
    }

    private func drawBox(_ box: OpenBox, bottom: Double, isLastArea: Bool) {
        let rect = Rect(x: box.left, y: box.top, width: box.right - box.left, height: bottom - box.top)
        BoxPainter.paint(box.style, in: rect, depth: box.depth, top: box.isFirstArea, bottom: isLastArea, into: &areas[currentArea].items)
    }

    private func layoutParagraph(_ pieces: [InlinePiece], style: TextStyle, left: Double, right: Double) {
        let paragraphWidth = max(width - left - right, 1)
        applyPendingBreak()
        let paragraph = ParagraphLayout(shaper: shaper, pieces: pieces, style: style, width: paragraphWidth,
                                        numbers: PageNumberTexts(current: pageText, registry: registry))
        let lineHeight = style.lineHeightPoints
        let font = shaper.metrics(style)
        // Lines with a taller inline font grow by the difference; images and leaders sit on the baseline.
        let textLines = paragraph.lines.enumerated().filter { line in !paragraph.objects.contains { $0.line == line.offset } }
        let usual = textLines.map { $0.element.ascent + $0.element.descent }.min() ?? font.ascent + font.descent
        for (index, line) in paragraph.lines.enumerated() {
            let objectHeight = paragraph.objects.filter { $0.line == index }.map(\.height).max()
            let ascent = objectHeight == nil ? line.ascent : font.ascent
            let descent = objectHeight == nil ? line.descent : font.descent
            let natural = ascent + descent
            let height = lineHeight + max(0, natural - usual)
            let above = max((height - natural) / 2 + ascent, objectHeight ?? 0)
            let below = (height - natural) / 2 + descent
            reserve(above + below)
            let baseline = y + above
            append(.text(paragraph, index: index, x: left + line.x, baseline: baseline))
            for anchor in paragraph.anchors where anchor.line == index { registry.starts[anchor.id] = pageText }
            for object in paragraph.objects where object.line == index {
                let x = left + line.x + object.x
                switch object.object {
                case let .leader(leader, width, color) where leader.rule:
                    append(.stroke(x1: x, y1: baseline - leader.thickness / 2, x2: x + width, y2: baseline - leader.thickness / 2,
                                   BorderSide(width: leader.thickness, style: .solid, color: color)))
                case .leader: break
                case let .graphic(graphic):
                    append(.image(graphic, Rect(x: x, y: baseline - graphic.height, width: graphic.width, height: graphic.height)))
                }
            }
            advance(above + below)
        }
    }
}
