extension FlowLayouter {
    /// Geometry shared by the header and body of one table.
    struct TableFrame {
        let left: Double
        let columnX: [Double]
        let columnWidths: [Double]
        let collapse: Bool

        func cellX(_ slot: TableGrid.Slot) -> Double { left + columnX[slot.column] }

        func cellWidth(_ slot: TableGrid.Slot) -> Double {
            columnWidths[slot.column..<min(slot.column + slot.cell.columnsSpanned, columnWidths.count)].reduce(0, +)
        }

        /// Space between a cell's edge and its content: padding and the border (half of it when collapsed).
        func insets(_ cell: TableNode.Cell) -> Edges {
            let border = cell.box.borderWidths, padding = cell.box.padding, share = collapse ? 0.5 : 1
            return Edges(top: border.top * share + padding.top, right: border.right * share + padding.right,
                         bottom: border.bottom * share + padding.bottom, left: border.left * share + padding.left)
        }
    }

    /// Some rows with their cells laid out in an endless area, and the row heights that result.
    struct LaidRows {
        let rows: [TableNode.Row]
        let grid: TableGrid
        /// Cell contents by slot index, for the slots of the rows laid out.
        var contents: [Int: FlowLayouter]
        var heights: [Double]

        func height(_ range: Range<Int>) -> Double { heights[range].reduce(0, +) }
    }

    /// A table's columns and grids as laid out in this area's width.
    private struct TablePlan {
        let frame: TableFrame
        let outerLeft: Double
        let outerWidth: Double
        let bodyGrid: TableGrid
        let header: LaidRows
        let groups: [Range<Int>]

        var headerHeight: Double { header.height(0..<header.rows.count) }
    }

    private func plan(_ table: TableNode, left: Double, right: Double) -> TablePlan {
        let box = table.box
        let borders = box.borderWidths
        let outerLeft = box.startIndent ?? left + box.marginLeft
        let available = width - outerLeft - (box.endIndent ?? right + box.marginRight)
        let outerWidth = table.width ?? (table.widthFraction.map { $0 * available } ?? available)
        let innerWidth = max(outerWidth - borders.left - borders.right, 1)
        let headerGrid = TableGrid(rows: table.header), bodyGrid = TableGrid(rows: table.body)
        let widths = TableGrid.columnWidths(table.columns, count: max(headerGrid.columnCount, bodyGrid.columnCount, table.columns.count),
                                            width: innerWidth)
        var columnX: [Double] = [], x = 0.0
        for columnWidth in widths { columnX.append(x); x += columnWidth }
        let frame = TableFrame(left: outerLeft + borders.left, columnX: columnX, columnWidths: widths, collapse: table.collapse)
        let header = laidRows(table.header, grid: headerGrid, range: 0..<table.header.count, frame: frame)
        return TablePlan(frame: frame, outerLeft: outerLeft, outerWidth: outerWidth, bodyGrid: bodyGrid, header: header,
                         groups: bodyGrid.rowGroups(rowCount: table.body.count))
    }

    /// The top border, header and first row group of a table: what must share a page with it
    /// (and with a heading kept with it).
    private func opening(_ table: TableNode, _ plan: TablePlan) -> Double {
        let firstGroup = plan.groups.first.map { laidRows(table.body, grid: plan.bodyGrid, range: $0, frame: plan.frame).height($0) } ?? 0
        return table.box.borderWidths.top + plan.headerHeight + firstGroup
    }

    /// The space before a table, its top border, header and first row group.
    func openingHeight(_ table: TableNode, left: Double, right: Double) -> Double {
        table.box.spaceBefore + opening(table, plan(table, left: left, right: right))
    }

    func layoutTable(_ table: TableNode, left: Double, right: Double) {
        let box = table.box
        let borders = box.borderWidths
        let plan = plan(table, left: left, right: right)
        let (frame, header, headerHeight, groups, bodyGrid) = (plan.frame, plan.header, plan.headerHeight, plan.groups, plan.bodyGrid)

        addSpace(box.spaceBefore)
        // The header never stands alone at the foot of a page.
        let opening = opening(table, plan)
        if hasContent, opening <= areaHeight(currentArea + 1), y + opening > areaHeight(currentArea) - 0.01 { newArea() }
        let opened = openBox(box, left: plan.outerLeft, right: width - plan.outerLeft - plan.outerWidth)
        if !opened { reserve(0) }
        placeRows(header, 0..<header.rows.count, frame: frame)
        var rowsOnThisArea = 0
        for group in groups {
            // Rows are laid out where they land, so page numbers and ids in cells are right.
            var body = laidRows(table.body, grid: bodyGrid, range: group, frame: frame)
            var height = body.height(group)
            if y + height > areaHeight(currentArea) + 0.01 {
                let fullArea = areaHeight(currentArea + 1) - headerHeight - borders.top
                if height <= fullArea || (group.count == 1 && rowsOnThisArea > 0 && areaHeight(currentArea) - y < 3 * table.style.lineHeightPoints) {
                    newArea()
                    placeRows(header, 0..<header.rows.count, frame: frame)
                    rowsOnThisArea = 0
                    body = laidRows(table.body, grid: bodyGrid, range: group, frame: frame)
                    height = body.height(group)
                }
            }
            if y + height > areaHeight(currentArea) + 0.01, group.count == 1 {
                splitRow(body, row: group.lowerBound, frame: frame, header: header)
            } else {
                placeRows(body, group, frame: frame)
            }
            rowsOnThisArea += group.count
        }
        if opened { closeBox() }
        addSpace(box.spaceAfter)
    }

    /// Lays out the cells of the rows `range` (a whole row group) on the current page.
    private func laidRows(_ rows: [TableNode.Row], grid: TableGrid, range: Range<Int>, frame: TableFrame) -> LaidRows {
        var heights = rows.map(\.minimumHeight)
        var contents: [Int: FlowLayouter] = [:]
        for (index, slot) in grid.slots.enumerated() where range.contains(slot.row) {
            let insets = frame.insets(slot.cell)
            let content = nested(width: max(frame.cellWidth(slot) - insets.left - insets.right, 1), areaHeight: { _ in .infinity })
            content.layout(slot.cell.items, left: 0, right: 0)
            contents[index] = content
            if slot.cell.rowsSpanned == 1 { heights[slot.row] = max(heights[slot.row], content.y + insets.top + insets.bottom) }
        }
        for (index, slot) in grid.slots.enumerated() where slot.cell.rowsSpanned > 1 {
            guard let content = contents[index] else { continue }
            let insets = frame.insets(slot.cell)
            let last = min(slot.row + slot.cell.rowsSpanned, rows.count) - 1
            let missing = content.y + insets.top + insets.bottom - heights[slot.row...last].reduce(0, +)
            if missing > 0 { heights[last] += missing }
        }
        return LaidRows(rows: rows, grid: grid, contents: contents, heights: heights)
    }

    /// Places the rows `range` whole at `y` and moves below them.
    private func placeRows(_ laid: LaidRows, _ range: Range<Int>, frame: TableFrame) {
        guard !range.isEmpty else { return }
        reserve(laid.height(range))
        var rowTops: [Int: Double] = [:], top = y
        for row in range {
            rowTops[row] = top
            if let id = laid.rows[row].id { registry.starts[id] = pageText }
            if let background = laid.rows[row].background {
                append(.fill(Rect(x: frame.left, y: top, width: frame.columnWidths.reduce(0, +), height: laid.heights[row]), background, depth: 50))
            }
            top += laid.heights[row]
        }
        for (index, slot) in laid.grid.slots.enumerated() where range.contains(slot.row) {
            guard let content = laid.contents[index] else { continue }
            let last = min(slot.row + slot.cell.rowsSpanned, range.upperBound)
            let height = laid.height(slot.row..<last)
            let insets = frame.insets(slot.cell)
            let free = height - insets.top - insets.bottom - content.y
            let shift = switch slot.cell.alignment {
            case .before: 0.0
            case .center: free / 2
            case .after: free
            }
            let cellTop = rowTops[slot.row] ?? y
            if let id = slot.cell.box.id { registry.starts[id] = pageText }
            paintCell(slot, frame: frame, top: cellTop, height: height, first: true, last: true)
            let dx = frame.cellX(slot) + insets.left, dy = cellTop + insets.top + max(shift, 0)
            for item in content.areas[0].items { append(item.offset(x: dx, y: dy, depth: 52)) }
        }
        advance(laid.height(range))
    }

    private func paintCell(_ slot: TableGrid.Slot, frame: TableFrame, top: Double, height: Double, first: Bool, last: Bool) {
        var rect = Rect(x: frame.cellX(slot), y: top, width: frame.cellWidth(slot), height: height)
        if frame.collapse {
            // Collapsed borders are centred on the grid lines.
            let border = slot.cell.box.borderWidths
            rect = Rect(x: rect.x - border.left / 2, y: rect.y - border.top / 2,
                        width: rect.width + (border.left + border.right) / 2, height: rect.height + (border.top + border.bottom) / 2)
        }
        var items: [PageItem] = []
        BoxPainter.paint(slot.cell.box, in: rect, depth: 51, top: first, bottom: last, into: &items)
        for item in items { append(item) }
    }

    /// A row taller than the room left: its cells are laid out again in pieces that fill the
    /// rest of this page and the following ones, each continuation under the repeated header.
    private func splitRow(_ laid: LaidRows, row: Int, frame: TableFrame, header: LaidRows) {
        reserve(0)
        let headerHeight = header.height(0..<header.rows.count)
        let firstRoom = areaHeight(currentArea) - y
        let laterRoom = areaHeight(currentArea + 1) - headerHeight
        var pieces: [(slot: TableGrid.Slot, content: FlowLayouter)] = []
        if let id = laid.rows[row].id { registry.starts[id] = pageText }
        for slot in laid.grid.slots where slot.row == row {
            if let id = slot.cell.box.id { registry.starts[id] = pageText }
            let insets = frame.insets(slot.cell)
            let vertical = insets.top + insets.bottom
            let content = nested(width: max(frame.cellWidth(slot) - insets.left - insets.right, 1),
                                 areaHeight: { $0 == 0 ? max(firstRoom - vertical, 1) : max(laterRoom - vertical, 1) })
            content.layout(slot.cell.items, left: 0, right: 0)
            pieces.append((slot, content))
        }
        let count = pieces.map(\.content.areas.count).max() ?? 1
        for piece in 0..<count {
            if piece > 0 {
                newArea()
                placeRows(header, 0..<header.rows.count, frame: frame)
                reserve(0)
            }
            let isLast = piece == count - 1
            let height = isLast
                ? pieces.map { $0.content.areas.count - 1 == piece ? $0.content.y + frame.insets($0.slot.cell).top + frame.insets($0.slot.cell).bottom : 0 }.max() ?? 0
                : areaHeight(currentArea) - y
            for (slot, content) in pieces {
                paintCell(slot, frame: frame, top: y, height: height, first: piece == 0, last: isLast)
                guard piece < content.areas.count else { continue }
                let insets = frame.insets(slot.cell)
                for item in content.areas[piece].items { append(item.offset(x: frame.cellX(slot) + insets.left, y: y + insets.top, depth: 52)) }
            }
            advance(max(height, laid.rows[row].minimumHeight))
        }
    }
}
