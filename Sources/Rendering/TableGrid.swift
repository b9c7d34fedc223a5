/// Where the cells of a run of table rows sit: each cell's row, first column and spans,
/// with row-spanned slots skipped as XSL places cells.
struct TableGrid {
    struct Slot {
        var row: Int
        var column: Int
        var cell: TableNode.Cell
    }
    let slots: [Slot]
    let columnCount: Int

    init(rows: [TableNode.Row]) {
        var slots: [Slot] = []
        var occupiedUntil: [Int: Int] = [:]   // column → first row free again
        var columns = 0
        for (rowIndex, row) in rows.enumerated() {
            var column = 0
            for cell in row.cells {
                while (occupiedUntil[column] ?? 0) > rowIndex { column += 1 }
                slots.append(Slot(row: rowIndex, column: column, cell: cell))
                for spanned in column..<(column + cell.columnsSpanned) { occupiedUntil[spanned] = rowIndex + cell.rowsSpanned }
                column += cell.columnsSpanned
                columns = max(columns, column)
            }
        }
        self.slots = slots
        self.columnCount = columns
    }

    /// Column widths filling `width`: fixed lengths and percentages first, the rest shared by
    /// proportional factors (columns without a width count as factor 1).
    static func columnWidths(_ declared: [TableNode.ColumnWidth], count: Int, width: Double) -> [Double] {
        let columns = declared + Array(repeating: .proportional(1), count: max(0, count - declared.count))
        var fixed = 0.0, factors = 0.0
        for column in columns {
            switch column {
            case let .points(points): fixed += points
            case let .fraction(fraction): fixed += fraction * width
            case let .proportional(factor): factors += factor
            }
        }
        let unit = factors > 0 ? max(width - fixed, 0) / factors : 0
        return columns.map {
            switch $0 {
            case let .points(points): points
            case let .fraction(fraction): fraction * width
            case let .proportional(factor): factor * unit
            }
        }
    }

    /// Groups of consecutive rows that row spans tie together (they move to a new page as one).
    func rowGroups(rowCount: Int) -> [Range<Int>] {
        var groups: [Range<Int>] = []
        var start = 0, end = 0
        for row in 0..<rowCount {
            end = max(end, row + 1)
            for slot in slots where slot.row == row { end = max(end, min(row + slot.cell.rowsSpanned, rowCount)) }
            if end == row + 1 {
                groups.append(start..<end)
                start = end
            }
        }
        if start < rowCount { groups.append(start..<rowCount) }
        return groups
    }
}
