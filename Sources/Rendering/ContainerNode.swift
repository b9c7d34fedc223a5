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
