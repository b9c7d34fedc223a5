/// An `fo:block`: its box, its style and its content, where runs of inline content
/// (paragraphs) alternate with nested blocks, tables and containers.
struct BlockNode: Sendable {
    enum Part: Sendable {
        case paragraph([InlinePiece])
        case item(FlowItem)
    }
    var box: BoxStyle
    var style: TextStyle
    var parts: [Part]
}
