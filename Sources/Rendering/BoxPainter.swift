/// Draws a box's background and borders as page items.
enum BoxPainter {
    /// Paints `style`'s background over `rect` (its border edge) and its borders inside it;
    /// `top`/`bottom` say whether this part of the box holds its first or last edge.
    static func paint(_ style: BoxStyle, in rect: Rect, depth: Int, top: Bool, bottom: Bool, into items: inout [PageItem]) {
        if let background = style.background { items.append(.fill(rect, background, depth: depth)) }
        let x2 = rect.x + rect.width, y2 = rect.y + rect.height
        if top, let side = style.top, side.visibleWidth > 0 {
            let y = rect.y + side.width / 2
            items.append(.stroke(x1: rect.x, y1: y, x2: x2, y2: y, side))
        }
        if bottom, let side = style.bottom, side.visibleWidth > 0 {
            let y = y2 - side.width / 2
            items.append(.stroke(x1: rect.x, y1: y, x2: x2, y2: y, side))
        }
        if let side = style.left, side.visibleWidth > 0 {
            let x = rect.x + side.width / 2
            items.append(.stroke(x1: x, y1: rect.y, x2: x, y2: y2, side))
        }
        if let side = style.right, side.visibleWidth > 0 {
            let x = x2 - side.width / 2
            items.append(.stroke(x1: x, y1: rect.y, x2: x, y2: y2, side))
        }
    }
}
