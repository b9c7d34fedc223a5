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
