internal import CPangoCairo
import Foundation

/// A stacked bar chart drawn with Cairo and labelled with Pango, as PNG: one bar per
/// category (e.g. a day), one colour per series (e.g. an operator), a legend and a scale.
public struct StackedBarChart: Sendable {
    public let title: String
    /// BCP 47 language of the labels, so Pango picks the right CJK glyph forms.
    public let language: String
    /// The families of its labels: the `sans-serif` of the jurisdiction's choice.
    public let fonts: FontChoice
    /// Labels under the bars, left to right.
    public let categories: [String]
    /// Each series' name and its value per category (same count as `categories`).
    public let series: [(name: String, values: [Int])]

    public init(title: String, language: String, fonts: FontChoice, categories: [String], series: [(name: String, values: [Int])]) {
        self.title = title
        self.language = language
        self.fonts = fonts
        self.categories = categories
        self.series = series
    }

    private static let palette: [(Double, Double, Double)] = [
        (0.12, 0.47, 0.71), (1.0, 0.50, 0.05), (0.17, 0.63, 0.17), (0.84, 0.15, 0.16), (0.58, 0.40, 0.74),
        (0.55, 0.34, 0.29), (0.89, 0.47, 0.76), (0.50, 0.50, 0.50), (0.74, 0.74, 0.13), (0.09, 0.75, 0.81),
    ]

    /// The chart as PNG bytes, `width` × `height` pixels.
    /// - Throws: ``RenderingError/pdfFailed(reason:)`` when Cairo cannot draw or encode it.
    public func png(width: Int = 1200, height: Int = 640) throws(RenderingError) -> Data {
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height)) else {
            throw .pdfFailed(reason: "no image surface")
        }
        defer { cairo_surface_destroy(surface) }
        guard let cr = cairo_create(surface) else { throw .pdfFailed(reason: "no drawing context") }
        defer { cairo_destroy(cr) }
        draw(cr, width: Double(width), height: Double(height))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(".inclusio-chart-\(UUID().uuidString).png")
        defer { try? FileManager.default.removeItem(at: file) }
        let status = cairo_surface_write_to_png(surface, file.path)
        guard status == CAIRO_STATUS_SUCCESS, let data = FileManager.default.contents(atPath: file.path) else {
            throw .pdfFailed(reason: String(cString: cairo_status_to_string(status)))
        }
        return data
    }

    private func draw(_ cr: OpaquePointer, width: Double, height: Double) {
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        let left = 60.0, right = 220.0, margin = 50.0, bottom = 70.0
        let plotWidth = width - left - right, plotHeight = height - margin - bottom
        text(cr, title, x: left, y: 14, size: 16, bold: true)
        let totals = categories.indices.map { index in series.reduce(0) { $0 + $1.values[index] } }
        let step = Self.niceStep(for: max(totals.max() ?? 0, 1))
        let ceiling = Double((max(totals.max() ?? 0, 1) + step - 1) / step * step)
        // Scale lines and numbers.
        cairo_set_line_width(cr, 1)
        for mark in stride(from: 0, through: Int(ceiling), by: step) {
            let y = height - bottom - Double(mark) / ceiling * plotHeight
            cairo_set_source_rgb(cr, 0.85, 0.85, 0.85)
            cairo_move_to(cr, left, y)
            cairo_line_to(cr, left + plotWidth, y)
            cairo_stroke(cr)
            text(cr, "\(mark)", x: 8, y: y - 8, size: 10)
        }
        // Bars.
        let slot = plotWidth / Double(max(categories.count, 1))
        let bar = min(max(slot * 0.7, 1), 60)
        for (index, category) in categories.enumerated() {
            var base = height - bottom
            for (number, entry) in series.enumerated() where entry.values[index] > 0 {
                let color = Self.palette[number % Self.palette.count]
                let barHeight = Double(entry.values[index]) / ceiling * plotHeight
                cairo_set_source_rgb(cr, color.0, color.1, color.2)
                cairo_rectangle(cr, left + Double(index) * slot + (slot - bar) / 2, base - barHeight, bar, barHeight)
                cairo_fill(cr)
                base -= barHeight
            }
            // Label every bar when they fit, else about fifteen of them.
            let every = max(1, categories.count / 15)
            if index % every == 0 { text(cr, category, x: left + Double(index) * slot + slot / 2 - 14, y: height - bottom + 8, size: 10) }
        }
        // Legend.
        for (number, entry) in series.enumerated() {
            let color = Self.palette[number % Self.palette.count]
            let y = margin + Double(number) * 22
            cairo_set_source_rgb(cr, color.0, color.1, color.2)
            cairo_rectangle(cr, width - right + 20, y + 3, 14, 14)
            cairo_fill(cr)
            text(cr, "\(entry.name) (\(entry.values.reduce(0, +)))", x: width - right + 40, y: y, size: 11)
        }
    }

    /// A round step (1, 2, 5 × 10^k) giving at most about eight scale lines up to `maximum`.
    static func niceStep(for maximum: Int) -> Int {
        var magnitude = 1
        while true {
            for factor in [1, 2, 5] where maximum / (factor * magnitude) <= 8 { return factor * magnitude }
            magnitude *= 10
        }
    }

    private func text(_ cr: OpaquePointer, _ string: String, x: Double, y: Double, size: Double, bold: Bool = false) {
        guard let layout = pango_cairo_create_layout(cr) else { return }
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        let description = pango_font_description_from_string("\(fonts.pangoFamilies(["sans-serif"])) \(bold ? "Bold " : "")\(Int(size))px")
        defer { pango_font_description_free(description) }
        pango_layout_set_font_description(layout, description)
        let attributes = pango_attr_list_new()
        defer { pango_attr_list_unref(attributes) }
        pango_attr_list_insert(attributes, pango_attr_language_new(pango_language_from_string(language.lowercased())))
        pango_layout_set_attributes(layout, attributes)
        pango_layout_set_text(layout, string, -1)
        cairo_set_source_rgb(cr, 0.15, 0.15, 0.15)
        cairo_move_to(cr, x, y)
        pango_cairo_show_layout(cr, layout)
    }
}
