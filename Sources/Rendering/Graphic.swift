import Foundation

/// An `fo:external-graphic`: a PNG file and the size it is drawn at, in points.
struct Graphic: Sendable {
    var url: URL
    /// The `src` as written, and its line, for messages.
    var src: String
    var line: Int
    var width: Double
    var height: Double
}
