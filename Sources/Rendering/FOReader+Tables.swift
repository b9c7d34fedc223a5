import XML

extension FOReader {
    mutating func readTable(_ element: XMLElement, style inherited: TextStyle) throws(RenderingError) -> TableNode {
        let attributes = attributes(element)
        let style = try inherited.forBlock.resolved(by: attributes)
        let box = try BoxStyle(reading: attributes, style: style)
        try register(box.id, line: element.line)
        _ = try attributes.choice("table-layout", ["fixed", "auto"])
        var table = TableNode(box: box, style: style, width: nil, widthFraction: nil,
                              collapse: try attributes.choice("border-collapse", ["collapse", "separate"]) != "separate",
                              columns: [], header: [], body: [])
        if let width = attributes.string("width"), width != "auto" {
            if width.hasSuffix("%"), let percent = Double(width.dropLast()), percent > 0, percent <= 100 {
                table.widthFraction = percent / 100
            } else if let points = FOAttributes.points(width, fontSize: style.fontSize), points > 0 {
                table.width = points
            } else {
                throw attributes.bad("width", width, expected: "a length such as 160mm or a percentage such as 100%")
            }
        }
        let cellStyle = style
        for child in element.children {
            let childAttributes = self.attributes(child)
            switch child.name {
            case "table-column":
                let width = try readColumnWidth(childAttributes)
                let repeated = try childAttributes.integer("number-columns-repeated", in: 1...1000) ?? 1
                table.columns += Array(repeating: width, count: repeated)
            case "table-header":
                table.header = try readRows(child, style: try cellStyle.resolved(by: childAttributes))
            default:
                table.body += try readRows(child, style: try cellStyle.resolved(by: childAttributes))
            }
        }
        return table
    }

    private func readColumnWidth(_ attributes: FOAttributes) throws(RenderingError) -> TableNode.ColumnWidth {
        guard let text = attributes.string("column-width") else { return .proportional(1) }
        if text.hasPrefix("proportional-column-width("), text.hasSuffix(")"),
           let factor = Double(text.dropFirst("proportional-column-width(".count).dropLast()), factor > 0 {
            return .proportional(factor)
        }
        if text.hasSuffix("%"), let percent = Double(text.dropLast()), percent > 0, percent <= 100 {
            return .fraction(percent / 100)
        }
        if let points = FOAttributes.points(text, fontSize: 12), points > 0 { return .points(points) }
        throw attributes.bad("column-width", text, expected: "a length, a percentage or proportional-column-width(n)")
    }

    private mutating func readRows(_ element: XMLElement, style: TextStyle) throws(RenderingError) -> [TableNode.Row] {
        var rows: [TableNode.Row] = []
        for rowElement in element.children {
            let attributes = attributes(rowElement)
            let rowStyle = try style.resolved(by: attributes)
            let id = attributes.string("id")
            try register(id, line: rowElement.line)
            let height = try attributes.firstLength(["height", "min-height"], fontSize: rowStyle.fontSize) ?? 0
            // Rows always move to the next page whole, so keep-together is only checked.
            _ = try attributes.keep("keep-together.within-page", "keep-together")
            var row = TableNode.Row(cells: [], minimumHeight: height,
                                    background: try attributes.color("background-color"), id: id)
            for cellElement in rowElement.children {
                let cellAttributes = self.attributes(cellElement)
                let cellStyle = try rowStyle.resolved(by: cellAttributes)
                let box = try BoxStyle(reading: cellAttributes, style: cellStyle)
                try register(box.id, line: cellElement.line)
                let alignment: TableNode.Cell.Alignment = switch try cellAttributes.choice("display-align", ["before", "center", "after", "auto"]) {
                case "center": .center
                case "after": .after
                default: .before
                }
                row.cells.append(TableNode.Cell(
                    box: box,
                    columnsSpanned: try cellAttributes.integer("number-columns-spanned", in: 1...1000) ?? 1,
                    rowsSpanned: try cellAttributes.integer("number-rows-spanned", in: 1...1000) ?? 1,
                    alignment: alignment, items: try items(of: cellElement, style: cellStyle)))
            }
            rows.append(row)
        }
        return rows
    }
}
