import XCTest
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// Names written by users go into Markdown, Mermaid and HTML as text, never as markup.
final class SummaryRenderingTests: XCTestCase {
    static let hostile = "A|B *x* _y_ `z` [l](javascript:1) <script>alert(1)</script> & \"q\" 'a'\nline\u{1}"

    func summary(language: Configuration.Language = .en) -> PipelineSummary { Self.summary(language: language) }

    /// Two customers; a source, an owner, a team, a customer name and a lost reason full of markup.
    static func summary(language: Configuration.Language = .en) -> PipelineSummary {
        var configuration = Configuration()
        configuration.language = language
        configuration.sources = ["website", hostile]
        var member = TeamMember(name: hostile)
        member.group = hostile
        configuration.team = [member]
        var a = SummaryRecord(id: "LX1", name: hostile, created: LocalDateTime("2024-03-01 09:00")!, status: .lost)
        a.source = hostile
        a.owner = hostile
        a.lostReason = hostile
        var b = SummaryRecord(id: "LX2", name: "乙", created: LocalDateTime("2024-03-02 09:00")!, status: .won)
        b.source = "website"
        return PipelineSummary(records: [a, b], configuration: configuration, period: .all, asOf: LocalDateTime("2024-06-01 00:00")!)
    }

    func testMarkdownEscapesCells() {
        let markdown = SummaryMarkdown.render(SummaryDocument(summary(), text: SummaryText(.en)))
        XCTAssertFalse(markdown.contains("<script>"))
        // Outside the Mermaid blocks (code, not Markdown), no link is made.
        let prose = markdown.components(separatedBy: "```").enumerated().filter { $0.offset % 2 == 0 }.map(\.element).joined()
        XCTAssertFalse(prose.contains("[l](javascript"))
        XCTAssertTrue(markdown.contains("A\\|B \\*x\\* \\_y\\_ \\`z\\` \\[l\\](javascript:1) &lt;script&gt;alert(1)&lt;/script&gt; &amp; \"q\" 'a'<br>line"), markdown)
        // Every table row has as many cells as its header.
        for line in markdown.split(separator: "\n") where line.hasPrefix("| ") {
            let cells = line.replacingOccurrences(of: "\\|", with: "").split(separator: "|", omittingEmptySubsequences: false).count
            XCTAssertGreaterThan(cells, 2, String(line))
        }
        XCTAssertEqual(SummaryMarkdown.escape("a\nb"), "a b")
        XCTAssertEqual(SummaryMarkdown.escape("a\nb", inTable: true), "a<br>b")
    }

    func testMermaidLabelsCannotCloseTheirQuotes() {
        XCTAssertEqual(SummaryMarkdown.label("say \"hi\"\n#1 <b>"), "\"say 'hi' ＃1 ＜b＞\"")
        let chart = SummaryDocument.Chart(title: "t\"", categories: ["a\"b"], series: [.init(name: "s", values: [333], style: .bar)],
                                          axis: "%", percent: true)
        XCTAssertEqual(SummaryMarkdown.mermaid(chart), """
            ```mermaid
            xychart-beta
                title "t'"
                x-axis ["a'b"]
                y-axis "%" 0 --> 100.0
                bar [33.3]
            ```

            """)
        let empty = SummaryDocument.Chart(title: "t", categories: ["a"], series: [.init(name: "s", values: [0], style: .line)],
                                          axis: "n", percent: false)
        XCTAssertTrue(SummaryMarkdown.mermaid(empty).contains("    y-axis \"n\" 0 --> 1\n    line [0]\n"))
    }

    /// Where GFM's autolinks would start, a word joiner; in prose and in table cells.
    func testAddressesGetAWordJoiner() {
        let j = "\u{2060}"
        XCTAssertEqual(SummaryMarkdown.escape("见 http://x.cn 或 sales@x.cn、www.x.cn，10:30 比 1:2"),
                       "见 http\(j)://x.cn 或 sales\(j)@x.cn、www\(j).x.cn，10:30 比 1:2")
        XCTAssertEqual(SummaryMarkdown.escape("a_b@x.cn\nFTP://f", inTable: true), "a\\_b\(j)@x.cn<br>FTP\(j)://f")
    }

    /// Mermaid reads `%%{init: …}%%` directives and `%%` comments anywhere in a chart, even
    /// inside a quoted label, and Markdown strings and entities inside labels: a label holds
    /// none of them.
    func testMermaidLabelsHoldNoDirectiveCommentOrMarkup() {
        let directive = "%%{init: {'theme': 'dark', 'themeVariables': {'fontSize': '90px'}}}%%"
        XCTAssertEqual(SummaryMarkdown.label(directive), "\"％％{init: {'theme': 'dark', 'themeVariables': {'fontSize': '90px'}}}％％\"")
        XCTAssertEqual(SummaryMarkdown.label("`**b**` R&D #quot; 50%"), "\"｀**b**｀ R＆D ＃quot; 50%\"")
        let chart = SummaryDocument.Chart(title: "t %%x", categories: [directive, "a%%b"], series: [.init(name: "s", values: [1, 2], style: .bar)],
                                          axis: "%", percent: false)
        let mermaid = SummaryMarkdown.mermaid(chart)
        XCTAssertFalse(mermaid.contains("%%"), mermaid)
        XCTAssertTrue(mermaid.contains("y-axis \"%\""), mermaid)
        // Through the whole document: a source named like a directive.
        var configuration = Configuration()
        configuration.language = .en
        configuration.sources = ["website", directive]
        var record = SummaryRecord(id: "LX1", name: "甲", created: LocalDateTime("2024-03-01 09:00")!, status: .won)
        record.source = directive
        let summary = PipelineSummary(records: [record], configuration: configuration, period: .all, asOf: LocalDateTime("2024-06-01 00:00")!)
        let markdown = SummaryMarkdown.render(SummaryDocument(summary, text: SummaryText(.en)))
        let charts = markdown.components(separatedBy: "```").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        XCTAssertFalse(charts.isEmpty)
        for chart in charts { XCTAssertFalse(chart.contains("%%"), chart) }
    }

    func testHTMLEscapesEverythingAndStaysWellFormed() {
        let html = SummaryHTML.render(SummaryDocument(summary(), text: SummaryText(.en)))
        XCTAssertFalse(html.contains("<script"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; &#39;a&#39;"))
        XCTAssertFalse(html.contains("\u{1}"), "control characters XML forbids are replaced")
        let parser = XMLParser(data: Data(html.utf8))
        XCTAssertTrue(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "") at line \(parser.lineNumber)")
        XCTAssertEqual(SummaryHTML.escape("a\u{0}b\u{FFFE}c\u{85}"), "a\u{FFFD}b\u{FFFD}c\u{FFFD}")
        XCTAssertEqual(SummaryHTML.shortLabel("短"), "短")
        XCTAssertEqual(SummaryHTML.shortLabel("一二三四五六七八九十"), "一二三四五六七…")
        XCTAssertEqual(SummaryHTML.shortLabel("negotiation"), "negotiation")
    }

    func testChineseLabels() {
        let markdown = SummaryMarkdown.render(SummaryDocument(summary(language: .zhCN), text: SummaryText(.zhCN)))
        XCTAssertTrue(markdown.hasPrefix("# 销售线索转化复盘\n"))
        XCTAssertTrue(markdown.contains("## 一、当前销售漏斗"))
        XCTAssertTrue(markdown.contains("| 成交 | 1 | 1 | 50.0% |"), markdown)
        XCTAssertTrue(markdown.contains("| 官网表单 | 1 | 1 | 0 | 0 | 100.0% |"))
        XCTAssertTrue(markdown.contains("S 级转化率高于 A 级：-（有等级没有线索）"))
        let html = SummaryHTML.render(SummaryDocument(summary(language: .zhCN), text: SummaryText(.zhCN)))
        XCTAssertTrue(html.contains("<html lang=\"zh-CN\">"))
    }

    func testJSONShape() throws {
        let json = SummaryJSON.render(summary()).rendered()
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        XCTAssertEqual(decoded["schema"] as? String, "leadbook-summary")
        XCTAssertEqual(decoded["version"] as? Int, 1)
        XCTAssertEqual(Array((decoded.keys)).sorted(), ["as_of", "checks", "funnel", "leads", "movement", "notes", "period", "pipeline", "process",
                                                        "results", "schema", "timezone", "trend", "version"])
        XCTAssertTrue(decoded["movement"] is NSNull)
        let all = (decoded["results"] as! [String: Any])["all"] as! [String: Any]
        XCTAssertEqual((all["conversion"] as! [String: Any])["numerator"] as? Int, 1)
        XCTAssertEqual((all["conversion"] as! [String: Any])["denominator"] as? Int, 2)
        XCTAssertEqual((all["conversion"] as! [String: Any])["value"] as? Double, 0.5)
        XCTAssertTrue(all["average_deal"] is NSNull)
        XCTAssertEqual(Set(((decoded["results"] as! [String: Any])["by"] as! [String: Any]).keys), ["source", "grade", "owner", "group"])
        XCTAssertEqual(SummaryJSON.money(15_000_050), .double(150000.5))
        XCTAssertEqual(SummaryJSON.money(19_800_000), .int(198000))
    }
}

/// The Markdown read by a real GitHub Flavored Markdown renderer (Debian's cmark-gfm), when
/// it is installed: every table keeps its columns and user text stays text.
final class SummaryMarkdownRendererTests: XCTestCase {
    static let renderer = ["/usr/bin/cmark-gfm", "/usr/local/bin/cmark-gfm", "/opt/homebrew/bin/cmark-gfm"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    func render(_ markdown: String) throws -> String {
        guard let renderer = Self.renderer else { throw XCTSkip("cmark-gfm is not installed (apt-get install cmark-gfm)") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: renderer)
        process.arguments = ["--extension", "table", "--extension", "strikethrough", "--extension", "autolink"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(markdown.utf8))
        try input.fileHandleForWriting.close()
        let html = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: html, as: UTF8.self)
    }

    func testTablesKeepTheirColumnsAndUserTextStaysText() throws {
        let markdown = SummaryMarkdown.render(SummaryDocument(SummaryRenderingTests.summary(), text: SummaryText(.en)))
        let html = try render(markdown)
        let tables = markdown.components(separatedBy: "\n").filter { $0.hasPrefix("|---") || $0.hasPrefix("|--") }.count
        XCTAssertEqual(html.components(separatedBy: "<table>").count - 1, tables)
        // Every Markdown table is read as a table, its rows as wide as its header. (cmark-gfm
        // pads short rows and drops extra cells; an unescaped `|` would instead split the
        // user's text across cells, which the check of the whole text below catches.)
        for table in html.components(separatedBy: "<table>").dropFirst() {
            let body = table.components(separatedBy: "</table>")[0]
            let header = body.components(separatedBy: "</th>").count - 1
            for row in body.components(separatedBy: "<tbody>").last!.components(separatedBy: "<tr>").dropFirst() {
                XCTAssertEqual(row.components(separatedBy: "</td>").count - 1, header, row)
            }
        }
        XCTAssertFalse(html.contains("<script"))
        XCTAssertFalse(html.contains("<em>"))
        XCTAssertFalse(html.contains("<code>"))
        XCTAssertFalse(html.contains("<a "))
        XCTAssertTrue(html.contains("A|B *x* _y_ `z` [l](javascript:1) &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; 'a'"), html)
    }

    /// Web addresses, `www.` names and emails in sources, owners, groups and customer names
    /// (the movement list) are not made links by GFM's autolinks, and read as written.
    func testAddressesAreNotAutolinked() throws {
        let addresses = ["http://evil.example/x", "www.example.com", "sales@corp.example.cn", "https://t.example", "ops.team@example.org"]
        var configuration = Configuration()
        configuration.language = .en
        configuration.sources = ["website", addresses[0]]
        var member = TeamMember(name: addresses[2])
        member.group = addresses[1]
        configuration.team = [member]
        var a = SummaryRecord(id: "LX1", name: "甲 " + addresses[3], created: LocalDateTime("2024-03-01 09:00")!, status: .won)
        a.source = addresses[0]
        a.owner = addresses[2]
        var summary = PipelineSummary(records: [a], configuration: configuration, period: .all, asOf: LocalDateTime("2024-06-01 00:00")!,
                                      cuts: [.source, .owner, .group])
        let b = SummaryRecord(id: "LX2", name: "乙 " + addresses[4], created: LocalDateTime("2024-03-01 09:00")!, status: .contacted)
        summary.movement = PipelineMovement(revision: "HEAD", commit: String(repeating: "a", count: 40), before: [], now: [a, b], period: .all)
        let markdown = SummaryMarkdown.render(SummaryDocument(summary, text: SummaryText(.en)))
        let html = try render(markdown)
        XCTAssertFalse(html.contains("<a "), html)
        let shown = html.replacingOccurrences(of: "\u{2060}", with: "")
        for address in addresses { XCTAssertTrue(shown.contains(address), address) }
        // Without the joiners the renderer links them: the test can tell.
        XCTAssertTrue(try render(markdown.replacingOccurrences(of: "\u{2060}", with: "")).contains("<a "))
    }

    func testTheFixturesSummaryRenders() throws {
        let markdown = try String(contentsOf: Transcript.fixtures.appendingPathComponent("summary/expected-tree/summary.md"), encoding: .utf8)
        let html = try render(markdown)
        // 17, the process metrics by owner and by team (2), the funnel efficiency (7: statuses,
        // stages, statuses and stages by source and by owner, screening by industry) and the
        // feedback still unanswered past its deadline (1).
        XCTAssertEqual(html.components(separatedBy: "<table>").count - 1, 27)
        XCTAssertEqual(html.components(separatedBy: "<code class=\"language-mermaid\">").count - 1, 3)
        XCTAssertTrue(html.contains("<td>联系人＊＊＊（＊＊＊，＊＊＊）离职，项目搁置</td>"))
    }
}
