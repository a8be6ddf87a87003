import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// `leadbook index` run by the built executable, and its output rendered by a real GFM renderer.
final class IndexEndToEndTests: XCTestCase {
    /// A team's INDEX.md: its text survives byte for byte, missing tables are appended, a
    /// second run changes nothing, per-owner files.
    func testTheTeamsTextSurvivesAndASecondRunChangesNothing() throws {
        try Transcript.check("index-team-text")
    }

    /// `index --check` and `check` name the stale table, row and column; sync brings it up to date.
    func testStaleIndexIsNamedAndSyncFixesIt() throws {
        try Transcript.check("index-stale")
    }

    func testBrokenMarkersStopTheWrite() throws {
        try Transcript.check("index-markers")
    }

    func testEnglishLabelsContactDetailsAndOwners() throws {
        try Transcript.check("index-english")
    }

    func testUsageHelpAndAMisplacedIndexFile() throws {
        try Transcript.check("index-usage")
    }

    func testEscapingTranscript() throws {
        try Transcript.check("index-escaping")
    }

    /// template-workspace carries an INDEX.md that is current.
    func testTheTemplateWorkspaceIndexIsCurrent() throws {
        let template = Transcript.packageRoot.appendingPathComponent("template-workspace")
        XCTAssertTrue(FileManager.default.fileExists(atPath: template.appendingPathComponent("INDEX.md").path))
        let run = try Transcript.run(["index", "--check", "-C", template.path], in: Transcript.packageRoot)
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertEqual(run.stdout, "INDEX.md is up to date\n")
    }

    // MARK: Rendering with cmark-gfm

    static func cmarkGFM() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin"] {
            let candidate = URL(fileURLWithPath: folder).appendingPathComponent("cmark-gfm")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    func render(_ file: URL, with cmark: URL) throws -> String {
        let process = Process()
        process.executableURL = cmark
        // --unsafe: raw HTML is passed through, so any HTML the index did not mean would show.
        // autolink: GitHub's and GitLab's renderers turn addresses in text into links.
        process.arguments = ["--extension", "table", "--extension", "autolink", "--unsafe", file.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        return String(decoding: data, as: UTF8.self)
    }

    /// The parts of `text` between `open` and `close`.
    func pieces(_ text: String, _ open: String, _ close: String) -> [String] {
        var result: [String] = []
        var rest = Substring(text)
        while let start = rest.range(of: open), let end = rest.range(of: close, range: start.upperBound..<rest.endIndex) {
            result.append(String(rest[start.upperBound..<end.lowerBound]))
            rest = rest[end.upperBound...]
        }
        return result
    }

    /// A name with `|`, a line break and `<script>` renders as one cell of every table, with
    /// the script as text; Markdown in a name stays literal; links point at the files.
    func testEveryCellRendersAsOneCellInARealGFMRenderer() throws {
        guard let cmark = Self.cmarkGFM() else {
            throw XCTSkip("cmark-gfm is not installed (apt-get install -y cmark-gfm); the index was not rendered")
        }
        let workspace = try Transcript.copy(Transcript.fixtures.appendingPathComponent("index-escaping/workspace"))
        defer { try? FileManager.default.removeItem(at: workspace) }
        let run = try Transcript.run(["index"], in: workspace)
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        let html = try render(workspace.appendingPathComponent("INDEX.md"), with: cmark)

        XCTAssertFalse(html.contains("<script"), "a script tag was rendered")
        XCTAssertFalse(html.contains("<img"), "an image tag was rendered")
        XCTAssertFalse(html.contains("<b>") || html.contains("<i>"), "HTML from a file was rendered")

        let tables = pieces(html, "<table>", "</table>")
        XCTAssertEqual(tables.count, 5)
        for (table, name) in zip(tables, IndexTable.allCases) {
            for tag in ["<em>", "<strong>", "<code>", "<del>", "<a href=\"http"] {
                XCTAssertFalse(table.contains(tag), "Markdown in a cell of \(name.rawValue) was rendered as \(tag)")
            }
            let headers = pieces(table, "<th", "</th>").count
            XCTAssertEqual(headers, name.columns(.zhCN, pii: false).count, name.rawValue)
            let rows = pieces(table, "<tbody>", "</tbody>").first.map { pieces($0, "<tr>", "</tr>") } ?? []
            XCTAssertFalse(rows.isEmpty, name.rawValue)
            for row in rows {
                XCTAssertEqual(pieces(row, "<td", "</td>").count, headers, "\(name.rawValue): \(row)")
            }
            // The customer with the pipe, the line break and the script: one cell, as text.
            XCTAssertTrue(table.contains("<td><a href=\"customers/LX2024501-pipes.md\">A|B 公司<br>&lt;script&gt;alert(1)&lt;/script&gt;</a></td>"),
                          name.rawValue)
        }
        let literal = "<a href=\"customers/LX2024502-tricky%20name%20%28v2%29.md\">*星* [链接](http\u{2060}://example.com) `代码` &amp; ~删~ $5 \\ 反斜杠 _下划线_</a>"
        XCTAssertTrue(tables[0].contains(literal), tables[0])
        XCTAssertTrue(tables[3].contains("<td>背景: 宕机 | 5 次 &lt;script&gt;x&lt;/script&gt;</td>"))
        XCTAssertTrue(tables[4].contains("<td>&lt;img src=x onerror=alert(1)&gt; | 太贵</td>"))
    }

    /// A customer whose name, needs, follow-up, to-do and feedback hold web addresses, `www.`
    /// names and email addresses (and the first contact's email, shown with index_pii): GFM's
    /// autolinks make none of them a link, and each reads as written once the invisible word
    /// joiners are left out.
    func testAddressesInCellsAreNotAutolinkedByAGFMRenderer() throws {
        guard let cmark = Self.cmarkGFM() else {
            throw XCTSkip("cmark-gfm is not installed (apt-get install -y cmark-gfm); the index was not rendered")
        }
        let workspace = try Transcript.copy(Transcript.fixtures.appendingPathComponent("index-escaping/workspace"))
        defer { try? FileManager.default.removeItem(at: workspace) }
        let configuration = workspace.appendingPathComponent("leadbook.yml")
        try (String(contentsOf: configuration, encoding: .utf8) + "index_pii: true\n").write(to: configuration, atomically: true, encoding: .utf8)
        let addresses = ["www.link-tech.cn", "https://example.com/a?b=1", "www.example.org", "sales@example.com",
                         "qian.qi@example.com", "http://example.net/form", "ftp://files.example.com", "a.b+c@example.co",
                         "HTTPS://EXAMPLE.COM/PRICE", "mailto:ops@example.com", "xmpp:bot@example.com"]
        let file = """
            ---
            id: LX2024503
            name: 链接科技 www.link-tech.cn
            industry: 互联网
            source: website
            contacts:
              - {name: 钱七, phone: "13700000003", email: qian.qi@example.com}
            needs: 见 https://example.com/a?b=1 与 www.example.org ，或邮件sales@example.com
            intent: B
            owner: 王五
            created: 2024-03-02 09:00
            status: contacted
            ---

            ## 跟进记录

            ### 2024-03-02 10:00 电话 钱七
            - 背景: 官网 http://example.net/form 表单（附件 ftp://files.example.com）
            - [ ] 2024-03-03 回复 a.b+c@example.co @王五

            ## 客户反馈

            ### 2024-03-02 邮件 报价见 HTTPS://EXAMPLE.COM/PRICE 或 mailto:ops@example.com、xmpp:bot@example.com
            - 类型: 价格

            """
        try file.write(to: workspace.appendingPathComponent("customers/LX2024503-links.md"), atomically: true, encoding: .utf8)
        let run = try Transcript.run(["index"], in: workspace)
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        let html = try render(workspace.appendingPathComponent("INDEX.md"), with: cmark)
        var links = pieces(html, "<a href=\"", "\"")
        links.removeAll { $0.hasPrefix("customers/") }
        XCTAssertEqual(links, [], "addresses in cells became links")
        let shown = html.replacingOccurrences(of: "\u{2060}", with: "")
        for address in addresses {
            XCTAssertTrue(shown.contains(address.replacingOccurrences(of: "&", with: "&amp;")), "\(address) is not shown as written")
        }
        // The same file without the joiners has a link for every address but the one in the
        // name (a link's text, where GFM makes no link): the test can tell.
        let bare = workspace.appendingPathComponent("bare.md")
        try String(contentsOf: workspace.appendingPathComponent("INDEX.md"), encoding: .utf8)
            .replacingOccurrences(of: "\u{2060}", with: "").write(to: bare, atomically: true, encoding: .utf8)
        XCTAssertGreaterThanOrEqual(pieces(try render(bare, with: cmark), "<a href=\"", "\"").filter { !$0.hasPrefix("customers/") }.count,
                                    addresses.count - 1)
    }
}
