/// An `fo:page-sequence`: its page masters, numbering, static content and flow.
struct PageSequence: Sendable {
    /// `force-page-count`: whether the sequence ends on an even or odd page (an empty page added).
    enum ForcePageCount: String, Sendable {
        case noForce = "no-force", auto, even, odd, endOnEven = "end-on-even", endOnOdd = "end-on-odd"
    }

    var masters: PageMasterChoice
    var initialPageNumber: Int?
    var id: String?
    var format: PageNumberFormat
    var forcePageCount: ForcePageCount = .noForce
    /// Static content by `flow-name` (a region name of the masters).
    var statics: [String: [FlowItem]]
    var body: [FlowItem]
}
