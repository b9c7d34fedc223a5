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
