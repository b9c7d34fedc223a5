internal import CPangoCairo

/// Owns the Pango font map and context that shape every paragraph of one renderer.
///
/// A font map of its own (`pango_cairo_font_map_new`) rather than the process default, so
/// two renderers on two threads share no Pango object; fontconfig itself locks. Metrics are
/// unhinted at 72 dpi and glyph positions are not rounded to whole points (Pango rounds them
/// by default), so a Pango unit is 1/1024 pt and layout matches the PDF exactly.
/// Not thread-safe: one per thread.
final class TextShaper {
    static let scale = Double(PANGO_SCALE)
    let fontMap: UnsafeMutablePointer<PangoFontMap>
    let context: OpaquePointer
    /// What selects a font: the description and metrics caches are keyed by it.
    private struct FontKey: Hashable {
        let families: [String]
        let fonts: FontChoice
        let language: String?
        let size: Double
        let weight: Int
        let italic: Bool

        init(_ style: TextStyle) {
            (families, fonts, language, size, weight, italic) = (style.fontFamilies, style.fonts, style.language, style.fontSize, style.fontWeight, style.italic)
        }
    }
    /// Font descriptions made so far, owned here (freed in `deinit`).
    private var descriptions: [FontKey: OpaquePointer] = [:]
    /// Ascent and descent of each font a paragraph starts in.
    private var metricsCache: [FontKey: (ascent: Double, descent: Double)] = [:]

    init() {
        fontMap = pango_cairo_font_map_new()
        context = pango_font_map_create_context(fontMap)
        pango_cairo_context_set_resolution(context, 72)
        pango_context_set_round_glyph_positions(context, 0)
        let options = cairo_font_options_create()
        defer { cairo_font_options_destroy(options) }
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        pango_cairo_context_set_font_options(context, options)
    }

    deinit {
        for description in descriptions.values { pango_font_description_free(description) }
        g_object_unref(UnsafeMutableRawPointer(context))
        g_object_unref(fontMap)
    }

    /// The ascent and descent in points of `style`'s font (of its first available family).
    func metrics(_ style: TextStyle) -> (ascent: Double, descent: Double) {
        let key = FontKey(style)
        if let known = metricsCache[key] { return known }
        let description = fontDescription(style)
        let language = style.language.map { pango_language_from_string($0) } ?? nil
        guard let metrics = pango_context_get_metrics(context, description, language) else { return (style.fontSize, 0) }
        defer { pango_font_metrics_unref(metrics) }
        let result = (Double(pango_font_metrics_get_ascent(metrics)) / Self.scale, Double(pango_font_metrics_get_descent(metrics)) / Self.scale)
        metricsCache[key] = result
        return result
    }

    /// The font description for `style`, owned by the shaper (do not free it).
    func fontDescription(_ style: TextStyle) -> OpaquePointer {
        let key = FontKey(style)
        if let known = descriptions[key] { return known }
        let description = pango_font_description_new()!
        pango_font_description_set_family(description, style.fonts.pangoFamilies(style.fontFamilies))
        pango_font_description_set_absolute_size(description, style.fontSize * Self.scale)
        pango_font_description_set_weight(description, PangoWeight(rawValue: UInt32(style.fontWeight)))
        pango_font_description_set_style(description, style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
        descriptions[key] = description
        return description
    }
}
