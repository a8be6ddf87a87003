import LeadbookText

/// The summary as GitHub/GitLab Markdown: tables and Mermaid `xychart-beta` charts. Fit for
/// `$GITHUB_STEP_SUMMARY` (append with `>>`) and for a committed PIPELINE.md.
public enum SummaryMarkdown {
    public static func render(_ document: SummaryDocument) -> String {
        var output = "# " + escape(document.title) + "\n"
        for block in document.blocks {
            output += "\n"
            switch block {
            case .heading(let level, let text):
                output += String(repeating: "#", count: level) + " " + escape(text) + "\n"
            case .paragraph(let text):
                output += escape(text) + "\n"
            case .facts(let facts):
                for (label, value) in facts { output += "- **" + escape(label) + "**: " + escape(value) + "\n" }
            case .list(let items):
                for item in items { output += "- " + escape(item) + "\n" }
            case .table(let table):
                output += render(table)
            case .chart(let chart):
                output += mermaid(chart)
            }
        }
        return output
    }

    /// Text that Markdown shows as written: emphasis, code, links, HTML and table characters
    /// escaped, and no autolink (`MarkdownAutolink`).
    public static func escape(_ text: String, inTable: Bool = false) -> String {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 8)
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case ASCII.backslash, ASCII.backtick, ASCII.asterisk, MarkdownRow.underscore, ASCII.openBracket,
                 ASCII.closeBracket, MarkdownRow.tilde, ASCII.pipe:
                output.append(ASCII.backslash)
                output.append(byte)
            case ASCII.less: output.append(contentsOf: MarkdownRow.lessThan)
            case ASCII.greater: output.append(contentsOf: MarkdownRow.greaterThan)
            case ASCII.ampersand: output.append(contentsOf: MarkdownRow.ampersand)
            case ASCII.cr: continue
            case ASCII.lf: if inTable { output.append(contentsOf: MarkdownRow.lineBreak) } else { output.append(ASCII.space) }
            case ASCII.colon, ASCII.at, ASCII.dot:
                if MarkdownAutolink.wouldStart(at: index, in: bytes, from: 0) { output.append(contentsOf: MarkdownAutolink.wordJoiner) }
                output.append(byte)
            default: output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    public static func render(_ table: SummaryDocument.Table) -> String {
        func row(_ cells: [String]) -> String {
            "| " + cells.map { escape($0.trimmingSpaces, inTable: true) }.joined(separator: " | ") + " |\n"
        }
        var output = row(table.header)
        output += "|" + table.header.indices.map { table.numeric.contains($0) ? "---:|" : "---|" }.joined() + "\n"
        for cells in table.rows { output += row(cells) }
        return output
    }

    /// A label inside a Mermaid string: no quotes, line breaks, entity marks (`#…;`, `&…;`),
    /// tags, Markdown strings (`` ` ``) or directives and comments (`%%`, which Mermaid reads
    /// anywhere in the chart, even inside quotes): their full-width forms stand in. A single `%`
    /// (`conversion (%)`) stays.
    public static func label(_ text: String) -> String {
        var output = ""
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "\"": output += "'"
            case "\n", "\r", "\t": output += " "
            case "#": output += "＃"
            case "&": output += "＆"
            case "<": output += "＜"
            case ">": output += "＞"
            case "`": output += "｀"
            case "%" where (index > 0 && scalars[index - 1] == "%") || (index + 1 < scalars.count && scalars[index + 1] == "%"):
                output += "％"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return "\"" + output + "\""
    }

    public static func mermaid(_ chart: SummaryDocument.Chart) -> String {
        let top = chart.percent ? 1000 : max(1, chart.maximum)
        var output = "```mermaid\nxychart-beta\n"
        output += "    title " + label(chart.title) + "\n"
        output += "    x-axis [" + chart.categories.map(label).joined(separator: ", ") + "]\n"
        output += "    y-axis " + label(chart.axis) + " 0 --> " + chart.valueText(top) + "\n"
        for series in chart.series {
            output += "    " + (series.style == .bar ? "bar" : "line") + " [" + series.values.map(chart.valueText).joined(separator: ", ") + "]\n"
        }
        output += "```\n"
        return output
    }
}
