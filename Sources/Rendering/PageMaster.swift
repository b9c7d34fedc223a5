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
    /// `region-name` of the regions: the `flow-name` of the static content they show.
    var beforeName = "xsl-region-before"
    var afterName = "xsl-region-after"

    var bodyWidth: Double { width - margins.left - margins.right - bodyMargins.left - bodyMargins.right }
    var bodyHeight: Double { height - margins.top - margins.bottom - bodyMargins.top - bodyMargins.bottom }
}
