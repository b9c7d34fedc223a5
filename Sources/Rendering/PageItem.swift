/// A rectangle in points, y growing downwards.
struct Rect: Sendable {
    var x, y, width, height: Double
}

/// One thing drawn on a page, in points from the page's (or an area's) top left.
enum PageItem {
    /// A filled rectangle; deeper boxes are painted over shallower ones.
    case fill(Rect, FOColor, depth: Int)
    /// A straight border or rule line, centred on the segment.
    case stroke(x1: Double, y1: Double, x2: Double, y2: Double, BorderSide)
    /// Line `index` of a paragraph, its left edge at `x`, its baseline at `baseline`.
    case text(ParagraphLayout, index: Int, x: Double, baseline: Double)
    case image(Graphic, Rect)

    /// This item moved by `dx`, `dy`, its fill painted `depth` levels deeper (content of a cell
    /// or container goes over the cell's own background).
    func offset(x dx: Double, y dy: Double, depth extra: Int = 0) -> PageItem {
        switch self {
        case let .fill(rect, color, depth):
            .fill(Rect(x: rect.x + dx, y: rect.y + dy, width: rect.width, height: rect.height), color, depth: depth + extra)
        case let .stroke(x1, y1, x2, y2, side):
            .stroke(x1: x1 + dx, y1: y1 + dy, x2: x2 + dx, y2: y2 + dy, side)
        case let .text(paragraph, index, x, baseline):
            .text(paragraph, index: index, x: x + dx, baseline: baseline + dy)
        case let .image(graphic, rect):
            .image(graphic, Rect(x: rect.x + dx, y: rect.y + dy, width: rect.width, height: rect.height))
        }
    }
}
