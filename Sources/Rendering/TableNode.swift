/// An `fo:table`: columns, header rows (repeated on continuation pages) and body rows.
struct TableNode: Sendable {
    enum ColumnWidth: Sendable {
        case points(Double)
        case fraction(Double)
        case proportional(Double)
    }
    struct Row: Sendable {
        var cells: [Cell]
        var minimumHeight: Double
        var background: FOColor?
        var id: String?
    }
    struct Cell: Sendable {
        enum Alignment: Sendable { case before, center, after }
        var box: BoxStyle
        var columnsSpanned: Int
        var rowsSpanned: Int
        var alignment: Alignment
        var items: [FlowItem]
    }
    var box: BoxStyle
    var style: TextStyle
    /// Table width in points, or `nil` for the whole width available.
    var width: Double?
    /// Width as a fraction of the available width (from `width="80%"`).
    var widthFraction: Double?
    var collapse: Bool
    var columns: [ColumnWidth]
    var header: [Row]
    var body: [Row]
}
