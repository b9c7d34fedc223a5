internal import CPangoCairo

/// A paragraph shaped and broken into lines by Pango; owns its `PangoLayout`.
///
/// Lines keep pointers into the layout, which is never changed after it is built.
final class ParagraphLayout {
    /// One line: where Pango put it and how tall its glyphs are, in points.
    struct Line {
        let pointer: UnsafeMutablePointer<PangoLayoutLine>
        /// Left edge from the paragraph's left (alignment and indent included).
        let x: Double
        let width: Double
        let ascent: Double
        let descent: Double
    }

    /// Something drawn by us where Pango left room for it (a shape on U+FFFC).
    enum Object {
        case leader(Leader, width: Double, color: FOColor)
        case graphic(Graphic)

        /// How far the object rises above the baseline (a leader as high as a capital).
        func height(fontSize: Double) -> Double {
            switch self {
            case .leader: fontSize * 0.8
            case let .graphic(graphic): graphic.height
            }
        }
    }

    let layout: OpaquePointer
    private(set) var lines: [Line] = []
    /// Objects by line: their left edge from the line's left and what they are.
    private(set) var objects: [(line: Int, x: Double, height: Double, object: Object)] = []
    /// Ids of inlines by the line they start on.
    private(set) var anchors: [(line: Int, id: String)] = []

    /// Shapes `pieces` (already whitespace-processed) for a column `width` points wide.
    init(shaper: TextShaper, pieces: [InlinePiece], style: TextStyle, width: Double, numbers: PageNumberTexts) {
        layout = pango_layout_new(shaper.context)
        var text = ""
        var placed: [(start: Int, end: Int, piece: InlinePiece, object: Object?)] = []
        var anchorIndexes: [(index: Int, id: String)] = []
        for piece in pieces {
            let start = text.utf8.count
            var object: Object?
            switch piece.kind {
            case let .text(string): text += string
            case .pageNumber: text += numbers.current
            case let .lastPageNumber(id): text += numbers.lastPage(of: id)
            case let .pageCitation(id): text += numbers.page(of: id)
            case let .leader(leader):
                text += "\u{FFFC}"
                object = .leader(leader, width: leader.isFraction ? leader.length * width : leader.length, color: piece.style.color)
            case let .graphic(graphic):
                text += "\u{FFFC}"
                object = .graphic(graphic)
            case let .anchor(id):
                anchorIndexes.append((start, id))
            }
            placed.append((start, text.utf8.count, piece, object))
        }
        pango_layout_set_text(layout, text, Int32(text.utf8.count))
        let attributes = pango_attr_list_new()
        for run in placed {
            Self.addAttributes(for: run.piece.style, object: run.object, from: run.start, to: run.end, to: attributes, shaper: shaper)
        }
        // Pango ≥ 1.44 prints a hyphen where it breaks inside a word: never on our paper.
        Self.add(pango_attr_insert_hyphens_new(0), from: 0, to: text.utf8.count, to: attributes)
        // Identifiers, dates and codes stay on one line (they overflow rather than break).
        for run in UnbreakableRuns.ranges(in: text) {
            Self.add(pango_attr_allow_breaks_new(0), from: run.lowerBound, to: run.upperBound, to: attributes)
        }
        pango_layout_set_attributes(layout, attributes)
        pango_attr_list_unref(attributes)
        pango_layout_set_font_description(layout, shaper.fontDescription(style))
        // A negative text-indent starts the first line left of the others (a hanging indent):
        // Pango indents the other lines instead, in a layout as much wider, moved left as much.
        let hang = min(style.textIndent, 0)
        configure(style: style, width: width - hang)
        readLines(width: width - hang, noWrapAlignment: style.wrap ? nil : style.textAlign)
        if hang < 0 {
            lines = lines.map { Line(pointer: $0.pointer, x: $0.x + hang, width: $0.width, ascent: $0.ascent, descent: $0.descent) }
        }
        alignLastLine(style: style, width: width)
        for anchor in anchorIndexes {
            var line: Int32 = 0, x: Int32 = 0
            pango_layout_index_to_line_x(layout, Int32(anchor.index), 0, &line, &x)
            anchors.append((Int(line), anchor.id))
        }
        for run in placed {
            guard let object = run.object else { continue }
            var line: Int32 = 0, x: Int32 = 0
            pango_layout_index_to_line_x(layout, Int32(run.start), 0, &line, &x)
            objects.append((Int(line), Double(x) / TextShaper.scale, object.height(fontSize: run.piece.style.fontSize), object))
        }
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(layout)) }

    private func configure(style: TextStyle, width: Double) {
        pango_layout_set_auto_dir(layout, 0)
        pango_layout_set_indent(layout, Int32(style.textIndent * TextShaper.scale))
        guard style.wrap else { return }
        pango_layout_set_width(layout, Int32(max(width, 1) * TextShaper.scale))
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        let justify = style.textAlign == .justify
        // Pango stretches every line but the last; the last line takes the alignment.
        let last = style.textAlignLast ?? (justify ? .start : style.textAlign)
        pango_layout_set_justify(layout, justify || last == .justify ? 1 : 0)
        pango_layout_set_justify_last_line(layout, last == .justify ? 1 : 0)
        let alignment = switch justify ? last : style.textAlign {
        case .center: PANGO_ALIGN_CENTER
        case .end: PANGO_ALIGN_RIGHT
        default: PANGO_ALIGN_LEFT
        }
        pango_layout_set_alignment(layout, alignment)
    }

    private func readLines(width: Double, noWrapAlignment: TextStyle.Alignment?) {
        guard let iterator = pango_layout_get_iter(layout) else { return }
        defer { pango_layout_iter_free(iterator) }
        repeat {
            var logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iterator, nil, &logical)
            let baseline = Double(pango_layout_iter_get_baseline(iterator)) / TextShaper.scale
            guard let line = pango_layout_iter_get_line_readonly(iterator) else { continue }
            let top = Double(logical.y) / TextShaper.scale, height = Double(logical.height) / TextShaper.scale
            let lineWidth = Double(logical.width) / TextShaper.scale
            var x = Double(logical.x) / TextShaper.scale
            switch noWrapAlignment {
            case .center?: x += (width - lineWidth) / 2
            case .end?: x += width - lineWidth
            default: break
            }
            lines.append(Line(pointer: line, x: x, width: lineWidth, ascent: baseline - top, descent: top + height - baseline))
        } while pango_layout_iter_next_line(iterator) != 0
    }

    /// `text-align-last` other than `justify` after a non-justified paragraph: Pango aligns all
    /// lines alike, so the last line is moved here.
    private func alignLastLine(style: TextStyle, width: Double) {
        guard style.wrap, style.textAlign != .justify, let alignment = style.textAlignLast,
              alignment != style.textAlign, alignment != .justify, let last = lines.last else { return }
        let free = width - last.width
        let x = switch alignment {
        case .center: free / 2
        case .end: free
        default: lines.count == 1 ? last.x : 0
        }
        lines[lines.count - 1] = Line(pointer: last.pointer, x: x, width: last.width, ascent: last.ascent, descent: last.descent)
    }

    /// Adds `attribute` over the bytes `start..<end` of the text.
    private static func add(_ attribute: UnsafeMutablePointer<PangoAttribute>?, from start: Int, to end: Int, to list: OpaquePointer?) {
        guard let attribute else { return }
        attribute.pointee.start_index = UInt32(start)
        attribute.pointee.end_index = UInt32(end)
        pango_attr_list_insert(list, attribute)
    }

    private static func addAttributes(for style: TextStyle, object: Object?, from start: Int, to end: Int, to list: OpaquePointer?,
                                      shaper: TextShaper) {
        func add(_ attribute: UnsafeMutablePointer<PangoAttribute>?) { Self.add(attribute, from: start, to: end, to: list) }
        func channel(_ value: Double) -> UInt16 { UInt16((value * 65535).rounded()) }
        add(pango_attr_font_desc_new(shaper.fontDescription(style)))
        add(pango_attr_foreground_new(channel(style.color.red), channel(style.color.green), channel(style.color.blue)))
        if let language = style.language { add(pango_attr_language_new(pango_language_from_string(language))) }
        if style.letterSpacing != 0 { add(pango_attr_letter_spacing_new(Int32(style.letterSpacing * TextShaper.scale))) }
        if style.underline { add(pango_attr_underline_new(PANGO_UNDERLINE_SINGLE)) }
        if style.lineThrough { add(pango_attr_strikethrough_new(1)) }
        if style.baselineShift != 0 { add(pango_attr_rise_new(Int32(style.baselineShift * TextShaper.scale))) }
        if let background = style.background {
            add(pango_attr_background_new(channel(background.red), channel(background.green), channel(background.blue)))
        }
        guard let object else { return }
        // The object sits on the baseline: its logical box rises from it.
        let height = object.height(fontSize: style.fontSize)
        let width = switch object {
        case let .leader(_, width, _): width
        case let .graphic(graphic): graphic.width
        }
        var rectangle = PangoRectangle(x: 0, y: Int32(-height * TextShaper.scale),
                                       width: Int32(width * TextShaper.scale), height: Int32(height * TextShaper.scale))
        add(pango_attr_shape_new(&rectangle, &rectangle))
    }
}
