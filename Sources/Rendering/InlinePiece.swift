/// One run of a paragraph with one style: text, a page number, a citation, a leader or an image.
struct InlinePiece: Sendable {
    enum Kind: Sendable {
        case text(String)
        /// `fo:page-number`: the current page's number.
        case pageNumber
        /// `fo:page-number-citation-last`: the last page number of the page-sequence with this id.
        case lastPageNumber(of: String)
        /// `fo:page-number-citation`: the page number where the element with this id starts.
        case pageCitation(of: String)
        case leader(Leader)
        case graphic(Graphic)
        /// Where an inline with an `id` starts (for `fo:page-number-citation`); draws nothing.
        case anchor(String)
    }
    var kind: Kind
    var style: TextStyle
}
