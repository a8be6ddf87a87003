import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// Cells of the index: whatever a file holds renders as literal text in one cell.
final class MarkdownRowTests: XCTestCase {
    func row(_ cells: [String?]) -> String {
        var row = MarkdownRow()
        row.start()
        for cell in cells { row.cell(cell) }
        return String(decoding: row.bytes, as: UTF8.self)
    }

    func testPlainCells() {
        XCTAssertEqual(row(["LX2024001", "华东云科技有限公司", nil, ""]), "| LX2024001 | 华东云科技有限公司 |  |  |")
    }

    func testPipesNewlinesAndHTMLStayInOneCell() {
        XCTAssertEqual(row(["A|B\n<script>alert(1)</script>"]), "| A\\|B<br>&lt;script&gt;alert(1)&lt;/script&gt; |")
        XCTAssertEqual(row(["a\r\nb\rc\nd"]), "| a<br>b<br>c<br>d |")
        XCTAssertEqual(row(["Tom & Jerry"]), "| Tom &amp; Jerry |")
    }

    func testLeadingAndTrailingBlanksAreTrimmed() {
        XCTAssertEqual(row(["  two spaces  ", "\n\tline\n", "   "]), "| two spaces | line |  |")
    }

    func testMarkdownSyntaxIsLiteral() {
        XCTAssertEqual(row(["*bold* _it_ `code` [link](x) ~~s~~ $5 a\\b"]),
                       "| \\*bold\\* \\_it\\_ \\`code\\` \\[link\\](x) \\~\\~s\\~\\~ \\$5 a\\\\b |")
    }

    /// Addresses GFM would link get a word joiner (U+2060) where its autolinks start; other
    /// colons, at signs and dots stay as they are.
    func testAutolinksDoNotStart() {
        let j = "\u{2060}"
        XCTAssertEqual(row(["见 http://x.cn/a 和 HTTPS://Y.COM", "www.x.cn、WWW.Y.CN", "邮件 li.na+s@corp.example.cn", "ftp://f.example"]),
                       "| 见 http\(j)://x.cn/a 和 HTTPS\(j)://Y.COM | www\(j).x.cn、WWW\(j).Y.CN | 邮件 li.na+s\(j)@corp.example.cn | ftp\(j)://f.example |")
        XCTAssertEqual(row(["10:30 会议 3.5 万 @王五 2024.03.01 a.www.b", "比例 1:2，网址 ://x"]),
                       "| 10:30 会议 3.5 万 @王五 2024.03.01 a.www\(j).b | 比例 1:2，网址 ://x |")
    }

    func testPartsAndLinks() {
        var row = MarkdownRow()
        row.start()
        row.beginCell()
        row.part("服务器宕机", label: "背景", separator: "；")
        row.part("   ", label: "难点", separator: "；")
        row.part(nil, label: "需求", separator: "；")
        row.part("降低 | 90%", label: "价值", separator: "；")
        row.endCell()
        row.beginCell()
        row.link("A [1] | B", to: "customers/x.md")
        row.endCell()
        XCTAssertEqual(String(decoding: row.bytes, as: UTF8.self),
                       "| 背景: 服务器宕机；价值: 降低 \\| 90% | [A \\[1\\] \\| B](customers/x.md) |")
    }

    func testCellsOfALineUndoTheSplitOnly() {
        let line = Array(row(["a\\|b", "c", "", "d\\\\"]).utf8)
        XCTAssertEqual(MarkdownRow.cells(line), ["a\\\\\\|b", "c", "", "d\\\\\\\\"])
        XCTAssertEqual(MarkdownRow.cells(Array("| x | y |".utf8)), ["x", "y"])
        XCTAssertEqual(MarkdownRow.cells(Array("| x \\| y |".utf8)), ["x \\| y"])
    }

    func testHeaderAndDelimiter() {
        XCTAssertEqual(String(decoding: MarkdownRow.line(["日期", "客户名称"]), as: UTF8.self), "| 日期 | 客户名称 |")
        XCTAssertEqual(String(decoding: MarkdownRow.delimiter(3), as: UTF8.self), "|---|---|---|")
    }

    func testRelativeLinks() {
        XCTAssertEqual(MarkdownLink.relative("customers/LX1-a.md", from: ""), "customers/LX1-a.md")
        XCTAssertEqual(MarkdownLink.relative("customers/2024/LX1.md", from: "index"), "../customers/2024/LX1.md")
        XCTAssertEqual(MarkdownLink.relative("customers/LX1.md", from: "reports/index"), "../../customers/LX1.md")
        XCTAssertEqual(MarkdownLink.relative("customers/LX1.md", from: "customers"), "LX1.md")
        XCTAssertEqual(MarkdownLink.relative("customers/2024-01/LX1-华东 云(1).md", from: "reports"), "../customers/2024-01/LX1-华东%20云%281%29.md")
        XCTAssertEqual(MarkdownLink.relative("customers//a b/LX1.md", from: "customers/x/"), "../a%20b/LX1.md")
    }

    func testLinkDestinationsAreEncoded() {
        XCTAssertEqual(MarkdownLink.encode("LX1-a b(c).md"), "LX1-a%20b%28c%29.md")
        XCTAssertEqual(MarkdownLink.encode("LX1_精工.md"), "LX1_精工.md")
        XCTAssertEqual(MarkdownLink.encode("LX1\u{3000}x|y<z>#.md"), "LX1%E3%80%80x%7Cy%3Cz%3E%23.md")
        // CJK, a hexagram and accents stay; a no-break space, a zero-width space and a
        // control character are encoded.
        XCTAssertEqual(MarkdownLink.encode("LX2-\u{4E00}\u{9FFF}\u{4DC0}é.md"), "LX2-\u{4E00}\u{9FFF}\u{4DC0}é.md")
        XCTAssertEqual(MarkdownLink.encode("LX3\u{A0}a\u{200B}b\u{85}c\u{7F}^`{}'.md"), "LX3%C2%A0a%E2%80%8Bb%C2%85c%7F%5E%60%7B%7D%27.md")
    }
}
