/// One side of a border.
struct BorderSide: Sendable, Equatable {
    enum Style: String, Sendable { case solid, dashed, dotted, double, none }
    var width: Double
    var style: Style
    var color: FOColor

    /// The width the border takes (0 when it is not drawn).
    var visibleWidth: Double { style == .none ? 0 : width }
}
