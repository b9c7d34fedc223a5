extension FlowLayouter {
    /// A block-container: its content laid out in its own width; placed at `top`/`left` of the
    /// current area when absolute, else stacked like an unbreakable block.
    func layoutContainer(_ container: ContainerNode, left: Double, right: Double) {
        let box = container.box
        let borders = box.borderWidths
        let outerLeft = container.absolute ? container.left : left + box.marginLeft
        let outerWidth = container.width.map { $0 + borders.left + borders.right + box.padding.left + box.padding.right }
            ?? (width - outerLeft - (container.absolute ? 0 : right + box.marginRight))
        let innerWidth = max(outerWidth - borders.left - borders.right - box.padding.left - box.padding.right, 1)
        let inner = nested(width: innerWidth, areaHeight: { _ in .infinity })
        inner.layout(container.items, left: 0, right: 0)
        let contentHeight = container.height ?? inner.y
        let outerHeight = contentHeight + borders.top + borders.bottom + box.padding.top + box.padding.bottom
        let top: Double
        if container.absolute {
            top = container.top
        } else {
            addSpace(box.spaceBefore)
            reserve(outerHeight)
            top = y
        }
        var items: [PageItem] = []
        BoxPainter.paint(box, in: Rect(x: outerLeft, y: top, width: outerWidth, height: outerHeight), depth: 0, top: true, bottom: true, into: &items)
        let dx = outerLeft + borders.left + box.padding.left, dy = top + borders.top + box.padding.top
        for area in inner.areas { items += area.items.map { $0.offset(x: dx, y: dy, depth: 1) } }
        for item in items { append(item) }
        if !container.absolute {
            advance(outerHeight)
            addSpace(box.spaceAfter)
        }
    }
}
