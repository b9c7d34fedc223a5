/// An `fo:page-sequence`: its page master, numbering, static content and flow.
struct PageSequence: Sendable {
    var master: PageMaster
    var initialPageNumber: Int?
    var id: String?
    var format: PageNumberFormat
    var before: [FlowItem]
    var after: [FlowItem]
    var body: [FlowItem]
}
