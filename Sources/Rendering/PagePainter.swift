internal import CPangoCairo
import Foundation

/// Draws composed pages on a Cairo PDF surface; owns the drawing context and the decoded images.
final class PagePainter {
    private let cairo: OpaquePointer
    /// Decoded PNGs by path: one surface per image, so the PDF embeds each image once.
    private var images: [String: OpaquePointer] = [:]

    init(surface: OpaquePointer?) {
        cairo = cairo_create(surface)
    }

    deinit {
        for image in images.values { cairo_surface_destroy(image) }
        cairo_destroy(cairo)
    }

    /// Draws `page` and ends it: backgrounds (shallow to deep), images, text, then lines.
    func draw(_ page: ComposedPage, source: String) throws(RenderingError) {
        var fills: [(Rect, FOColor, Int)] = []
        for item in page.items { if case let .fill(rect, color, depth) = item { fills.append((rect, color, depth)) } }
        for (rect, color, _) in fills.enumerated().sorted(by: { ($0.element.2, $0.offset) < ($1.element.2, $1.offset) }).map(\.element) {
            setColor(color)
            cairo_rectangle(cairo, rect.x, rect.y, rect.width, rect.height)
            cairo_fill(cairo)
        }
        for item in page.items {
            switch item {
            case let .image(graphic, rect): try drawImage(graphic, in: rect, source: source)
            case let .text(paragraph, index, x, baseline):
                cairo_move_to(cairo, x, baseline)
                pango_cairo_show_layout_line(cairo, paragraph.lines[index].pointer)
            default: break
            }
        }
        for item in page.items {
            if case let .stroke(x1, y1, x2, y2, side) = item { stroke(x1, y1, x2, y2, side) }
        }
        cairo_show_page(cairo)
    }

    /// Ends an empty page.
    func drawEmptyPage() { cairo_show_page(cairo) }

    private func setColor(_ color: FOColor) {
        cairo_set_source_rgb(cairo, color.red, color.green, color.blue)
    }

    private func stroke(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ side: BorderSide) {
        setColor(side.color)
        cairo_set_line_cap(cairo, CAIRO_LINE_CAP_BUTT)
        var dashes: [Double] = switch side.style {
        case .dashed: [3 * side.width, 2 * side.width]
        case .dotted: [side.width, side.width]
        default: []
        }
        cairo_set_dash(cairo, &dashes, Int32(dashes.count), 0)
        if side.style == .double {
            // Two lines a third of the width each, a third apart.
            let third = side.width / 3
            let (nx, ny) = normal(x1, y1, x2, y2)
            cairo_set_line_width(cairo, third)
            for sign in [-1.0, 1.0] {
                cairo_move_to(cairo, x1 + sign * nx * third, y1 + sign * ny * third)
                cairo_line_to(cairo, x2 + sign * nx * third, y2 + sign * ny * third)
                cairo_stroke(cairo)
            }
        } else {
            cairo_set_line_width(cairo, side.width)
            cairo_move_to(cairo, x1, y1)
            cairo_line_to(cairo, x2, y2)
            cairo_stroke(cairo)
        }
        cairo_set_dash(cairo, nil, 0, 0)
    }

    private func normal(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double) -> (Double, Double) {
        let length = max(((x2 - x1) * (x2 - x1) + (y2 - y1) * (y2 - y1)).squareRoot(), 0.0001)
        return (-(y2 - y1) / length, (x2 - x1) / length)
    }

    private func drawImage(_ graphic: Graphic, in rect: Rect, source: String) throws(RenderingError) {
        let image: OpaquePointer
        if let cached = images[graphic.url.path] {
            image = cached
        } else {
            // Cairo returns an error surface, never NULL, for a file it cannot decode.
            let decoded = cairo_image_surface_create_from_png(graphic.url.path)
            guard let decoded, cairo_surface_status(decoded) == CAIRO_STATUS_SUCCESS else {
                cairo_surface_destroy(decoded)
                throw .unusableImage(source: source, line: graphic.line, path: graphic.src, problem: "cannot be decoded as PNG")
            }
            images[graphic.url.path] = decoded
            image = decoded
        }
        let pixelWidth = Double(cairo_image_surface_get_width(image)), pixelHeight = Double(cairo_image_surface_get_height(image))
        guard pixelWidth > 0, pixelHeight > 0 else { return }
        cairo_save(cairo)
        cairo_translate(cairo, rect.x, rect.y)
        cairo_scale(cairo, rect.width / pixelWidth, rect.height / pixelHeight)
        cairo_set_source_surface(cairo, image, 0, 0)
        cairo_paint(cairo)
        cairo_restore(cairo)
    }
}
