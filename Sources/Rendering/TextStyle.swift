/// The inherited font and text properties in force at one point of an FO document,
/// resolved to points; inline decorations pass on through nested inlines only.
struct TextStyle: Sendable, Equatable {
    enum Alignment: String, Sendable { case start, center, end, justify }
    enum LineHeight: Sendable, Equatable {
        /// `normal`: 1.2 × the font size, as FOP uses.
        case normal
        /// A number (or `normal`) inherits as a factor of each descendant's font size.
        case factor(Double)
        case points(Double)
    }

    var fontFamilies = ["serif"]
    /// What the generic families stand for: the document's, inherited unchanged.
    var fonts = FontChoice.fontconfig
    var fontSize = 12.0
    var fontWeight = 400
    var italic = false
    var color = FOColor.black
    var lineHeight = LineHeight.normal
    var textAlign = Alignment.start
    /// `nil` is XSL's `relative`: like `text-align`, but `start` after `justify`.
    var textAlignLast: Alignment?
    var textIndent = 0.0
    var letterSpacing = 0.0
    /// Pango language tag (`zh-cn`, `ja`, `it`), from `xml:lang` or `language` + `country`.
    var language: String?
    var preserveLinefeeds = false
    var collapseWhiteSpace = true
    var wrap = true

    // Inline decorations: not inherited by blocks, passed on through nested inlines.
    var underline = false
    var lineThrough = false
    /// Baseline shift in points, up positive (`super`, `sub` or a length).
    var baselineShift = 0.0
    var background: FOColor?

    /// The line box height in points at this style's font size.
    var lineHeightPoints: Double {
        switch lineHeight {
        case .normal: 1.2 * fontSize
        case let .factor(factor): factor * fontSize
        case let .points(points): points
        }
    }

    /// This style as inherited by a block: inline decorations dropped.
    var forBlock: TextStyle {
        var style = self
        style.underline = false
        style.lineThrough = false
        style.baselineShift = 0
        style.background = nil
        return style
    }
}
