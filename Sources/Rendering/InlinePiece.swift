import Foundation

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
    }
    var kind: Kind
    var style: TextStyle
}

/// An `fo:leader`: a blank or a rule of a fixed length or a share of the line.
struct Leader: Sendable {
    var rule: Bool
    var length: Double
    /// Whether `length` is a fraction of the paragraph's width rather than points.
    var isFraction: Bool
    var thickness: Double
}

/// An `fo:external-graphic`: a PNG file and the size it is drawn at, in points.
struct Graphic: Sendable {
    var url: URL
    /// The `src` as written, and its line, for messages.
    var src: String
    var line: Int
    var width: Double
    var height: Double
}
