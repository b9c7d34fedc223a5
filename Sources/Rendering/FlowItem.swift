/// Something stacked in a flow: a block, a table or a block-container.
indirect enum FlowItem: Sendable {
    case block(BlockNode)
    case table(TableNode)
    case container(ContainerNode)

    var box: BoxStyle {
        switch self {
        case let .block(block): block.box
        case let .table(table): table.box
        case let .container(container): container.box
        }
    }
}

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

/// An `fo:block-container`: placed absolutely on the page (`top`/`left` from the region's
/// content rectangle) or stacked in the flow as an unbreakable box.
struct ContainerNode: Sendable {
    var box: BoxStyle
    var style: TextStyle
    var absolute: Bool
    var top: Double
    var left: Double
    var width: Double?
    var height: Double?
    var items: [FlowItem]
}
