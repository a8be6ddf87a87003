import LeadbookText

/// The summary as one self-contained HTML file: inline CSS and inline SVG charts, no scripts,
/// no external assets or links, every value escaped. The markup is well-formed XML (void
/// elements closed, no named entities beyond XML's), it reflows on a phone and prints on A4.
public enum SummaryHTML {
    public static func render(_ document: SummaryDocument) -> String {
        var output = """
        <!DOCTYPE html>
        <html lang="\(document.chinese ? "zh-CN" : "en")">
        <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>\(escape(document.title))</title>
        <style>
        \(style)
        </style>
        </head>
        <body>
        <main>
        <h1>\(escape(document.title))</h1>

        """
        var charts = 0
        for block in document.blocks {
            switch block {
            case .heading(let level, let text):
                let tag = "h\(min(max(level, 2), 4))"
                output += "<\(tag)>\(escape(text))</\(tag)>\n"
            case .paragraph(let text):
                output += "<p>\(escape(text))</p>\n"
            case .facts(let facts):
                output += "<dl class=\"facts\">\n"
                for (label, value) in facts { output += "<dt>\(escape(label))</dt><dd>\(escape(value))</dd>\n" }
                output += "</dl>\n"
            case .list(let items):
                output += "<ul>\n" + items.map { "<li>\(escape($0))</li>\n" }.joined() + "</ul>\n"
            case .table(let table):
                output += render(table)
            case .chart(let chart):
                charts += 1
                output += render(chart, number: charts)
            }
        }
        output += "</main>\n</body>\n</html>\n"
        return output
    }

    public static let style = """
    :root { color-scheme: light; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 15px/1.5 -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; color: #1f2328; background: #fff; }
    main { max-width: 960px; margin: 0 auto; padding: 16px; }
    h1 { font-size: 1.6em; margin: 0.2em 0 0.6em; }
    h2 { font-size: 1.3em; margin: 1.6em 0 0.5em; padding-bottom: 0.2em; border-bottom: 1px solid #d0d7de; }
    h3 { font-size: 1.05em; margin: 1.2em 0 0.4em; }
    p, ul { margin: 0.4em 0 0.8em; }
    dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2em 1em; margin: 0 0 1em; }
    dl.facts dt { font-weight: 600; }
    dl.facts dd { margin: 0; }
    .table { overflow-x: auto; margin: 0.4em 0 1em; }
    table { border-collapse: collapse; min-width: 50%; font-size: 0.92em; }
    th, td { border: 1px solid #d0d7de; padding: 4px 8px; text-align: left; vertical-align: top; }
    th { background: #f6f8fa; font-weight: 600; }
    td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    figure { margin: 0.6em 0 1.2em; }
    figcaption { font-weight: 600; margin-bottom: 0.3em; }
    svg.chart { width: 100%; max-width: 600px; height: auto; display: block; }
    svg.chart text { font-size: 13px; fill: #1f2328; }
    svg.chart .s0 { fill: #3b6ea8; }
    svg.chart .s1 { fill: #e08a3c; }
    svg.chart .axis { stroke: #8c959f; stroke-width: 1; }
    @media (max-width: 600px) { body { font-size: 14px; } main { padding: 10px; } th, td { padding: 3px 5px; } }
    @media print {
      body { font-size: 10pt; }
      main { max-width: none; padding: 0; }
      .table { overflow: visible; }
      table { font-size: 8.5pt; }
      th, td { padding: 2px 4px; }
      table, figure { break-inside: avoid; }
      h2, h3 { break-after: avoid; }
      th { background: #eee; }
    }
    """

    /// Text and attribute values: the five XML characters as entities, and characters XML does
    /// not allow replaced by U+FFFD so the file always parses.
    public static func escape(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            case "\t", "\n": output.unicodeScalars.append(scalar)
            case "\r": continue
            default:
                let value = scalar.value
                if value < 0x20 || (0x7F...0x9F).contains(value) || value == 0xFFFE || value == 0xFFFF {
                    output += "\u{FFFD}"
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output
    }

    public static func render(_ table: SummaryDocument.Table) -> String {
        var output = "<div class=\"table\"><table>\n<thead><tr>"
        for (index, cell) in table.header.enumerated() {
            output += table.numeric.contains(index) ? "<th class=\"n\">" : "<th>"
            output += escape(cell) + "</th>"
        }
        output += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            output += "<tr>"
            for (index, cell) in row.enumerated() {
                output += table.numeric.contains(index) ? "<td class=\"n\">" : "<td>"
                output += escape(cell) + "</td>"
            }
            output += "</tr>\n"
        }
        output += "</tbody>\n</table></div>\n"
        return output
    }

    /// At most this many terminal cells of a category label (a Chinese character is two);
    /// longer labels end in …. The full label is in the table next to the chart.
    public static let labelCells = 16

    public static func shortLabel(_ text: String) -> String {
        guard DisplayWidth.of(text) > labelCells else { return text }
        var short = String.UnicodeScalarView()
        var cells = 0
        for scalar in text.unicodeScalars {
            let width = DisplayWidth.of(scalar)
            if cells + width > labelCells - 1 { break }
            short.append(scalar)
            cells += width
        }
        return String(short) + "…"
    }

    /// Horizontal bars, one row per category and series, values printed after the bars.
    public static func render(_ chart: SummaryDocument.Chart, number: Int) -> String {
        let width = 480, labelWidth = 104, valueWidth = 50
        let barArea = width - labelWidth - valueWidth - 12
        let barHeight = 14, gap = 8
        let rowHeight = barHeight * chart.series.count + 4
        let legend = chart.series.count > 1 ? 22 : 0
        let height = legend + chart.categories.count * (rowHeight + gap) + gap
        let top = chart.percent ? 1000 : max(1, chart.maximum)
        var output = "<figure>\n<figcaption id=\"chart\(number)\">\(escape(chart.title))</figcaption>\n"
        output += "<svg class=\"chart\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-labelledby=\"chart\(number)\">\n"
        if legend > 0 {
            var x = labelWidth + 10
            for (index, series) in chart.series.enumerated() {
                output += "<rect class=\"s\(index)\" x=\"\(x)\" y=\"4\" width=\"12\" height=\"12\" />"
                output += "<text x=\"\(x + 16)\" y=\"14\">\(escape(series.name))</text>\n"
                x += 24 + 14 * series.name.unicodeScalars.count
            }
        }
        for (row, category) in chart.categories.enumerated() {
            let y = legend + gap + row * (rowHeight + gap)
            output += "<text x=\"\(labelWidth)\" y=\"\(y + rowHeight / 2 + 4)\" text-anchor=\"end\">\(escape(shortLabel(category)))</text>\n"
            for (index, series) in chart.series.enumerated() {
                let value = row < series.values.count ? series.values[row] : 0
                let length = Ratio.roundedHalfUp(max(0, value) * barArea, top)
                let barY = y + 2 + index * barHeight
                output += "<rect class=\"s\(index)\" x=\"\(labelWidth + 8)\" y=\"\(barY)\" width=\"\(length)\" height=\"\(barHeight - 2)\" />"
                output += "<text x=\"\(labelWidth + 12 + length)\" y=\"\(barY + barHeight - 4)\">\(escape(chart.valueText(value) + (chart.percent ? "%" : "")))</text>\n"
            }
        }
        output += "<line class=\"axis\" x1=\"\(labelWidth + 8)\" y1=\"\(legend + 2)\" x2=\"\(labelWidth + 8)\" y2=\"\(height - 2)\" />\n"
        output += "</svg>\n</figure>\n"
        return output
    }
}
