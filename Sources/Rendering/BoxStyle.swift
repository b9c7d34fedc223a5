/// One side of a border.
struct BorderSide: Sendable, Equatable {
    enum Style: String, Sendable { case solid, dashed, dotted, double, none }
    var width: Double
    var style: Style
    var color: FOColor

    /// The width the border takes (0 when it is not drawn).
    var visibleWidth: Double { style == .none ? 0 : width }
}

/// Top, right, bottom and left amounts in points (writing mode lr-tb: before = top, start = left).
struct Edges: Sendable, Equatable {
    var top = 0.0, right = 0.0, bottom = 0.0, left = 0.0
}

/// The box properties of a block, block-container, table or cell: spaces, indents, borders,
/// padding, background, keeps and breaks. Not inherited.
struct BoxStyle: Sendable {
    var spaceBefore = 0.0
    var spaceAfter = 0.0
    var marginLeft = 0.0
    var marginRight = 0.0
    /// Explicit `start-indent`/`end-indent`; otherwise the inherited indent plus margin, border and padding.
    var startIndent: Double?
    var endIndent: Double?
    var padding = Edges()
    var top: BorderSide?
    var right: BorderSide?
    var bottom: BorderSide?
    var left: BorderSide?
    var background: FOColor?
    var keepTogether = false
    var keepWithNext = false
    var breakBefore = false
    var breakAfter = false
    var id: String?

    /// Border widths actually drawn.
    var borderWidths: Edges {
        Edges(top: top?.visibleWidth ?? 0, right: right?.visibleWidth ?? 0,
              bottom: bottom?.visibleWidth ?? 0, left: left?.visibleWidth ?? 0)
    }

    /// Whether the box draws anything of its own (a background or a border).
    var isDecorated: Bool {
        background != nil || [top, right, bottom, left].contains { ($0?.visibleWidth ?? 0) > 0 }
    }
}
