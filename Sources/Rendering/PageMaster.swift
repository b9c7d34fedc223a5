/// An `fo:simple-page-master` in points.
struct PageMaster: Sendable {
    var width: Double
    var height: Double
    var margins: Edges
    /// `fo:region-body`'s margins, inside the page margins.
    var bodyMargins: Edges
    /// `extent` of `fo:region-before` / `fo:region-after`, or `nil` when the master has none.
    var beforeExtent: Double?
    var afterExtent: Double?
}
