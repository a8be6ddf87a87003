import XCTest
@testable import LeadbookText

/// Fitting text to a terminal: cut by display width (a Chinese character is two cells), never in
/// the middle of a wide character, ended with `…`; the columns that are not cut stay whole.
final class TextTableTests: XCTestCase {
    func testACutTextEndsWithAnEllipsisWithinItsCells() {
        XCTAssertEqual(DisplayWidth.cut("华东云科技有限公司", to: 18), "华东云科技有限公司", "it fits: unchanged")
        XCTAssertEqual(DisplayWidth.cut("华东云科技有限公司", to: 17), "华东云科技有限公…")
        XCTAssertEqual(DisplayWidth.of(DisplayWidth.cut("华东云科技有限公司", to: 17)), 17)
        XCTAssertEqual(DisplayWidth.cut("follow-up: last contact", to: 10), "follow-up…")
        XCTAssertEqual(DisplayWidth.cut("abc", to: 1), "…")
        XCTAssertEqual(DisplayWidth.cut("abc", to: 0), "")
    }

    func testAWideCharacterIsNeverCutInTwo() {
        // 16 cells: seven characters (14) and the ellipsis (1); the eighth would straddle the edge.
        let cut = DisplayWidth.cut("华东云科技有限公司", to: 16)
        XCTAssertEqual(cut, "华东云科技有限…")
        XCTAssertEqual(DisplayWidth.of(cut), 15)
        for cells in 1...20 {
            let text = DisplayWidth.cut("A华东1云科技有限公司", to: cells)
            XCTAssertLessThanOrEqual(DisplayWidth.of(text), cells, text)
            XCTAssertTrue("A华东1云科技有限公司".hasPrefix(text.hasSuffix("…") ? String(text.dropLast()) : text), text)
        }
    }

    func testWrappingKeepsEveryCharacter() {
        let lines = DisplayWidth.wrap("数据安全和服务器升级需求明确", to: 9)
        XCTAssertEqual(lines, ["数据安全", "和服务器", "升级需求", "明确"])
        XCTAssertEqual(lines.joined(), "数据安全和服务器升级需求明确")
        XCTAssertEqual(DisplayWidth.wrap("short", to: 20), ["short"])
        // At a space or after a Chinese character: a date stays whole.
        XCTAssertEqual(DisplayWidth.wrap("老设备接口不统一  resolved 2024-05-14, confirmed 2024-05-19", to: 40),
                       ["老设备接口不统一  resolved 2024-05-14,", "confirmed 2024-05-19"])
        XCTAssertEqual(DisplayWidth.wrap("接口不统一2024-05-19", to: 14), ["接口不统一", "2024-05-19"])
        XCTAssertEqual(DisplayWidth.wrap("甲乙 丙丁 戊己", to: 4, first: 9), ["甲乙 丙丁", "戊己"], "a first line of its own width")
        // A word longer than a line is broken inside it.
        XCTAssertEqual(DisplayWidth.wrap("abcdefghij", to: 4), ["abcd", "efgh", "ij"])
    }

    func testATableFitsTheWidthCuttingOnlyTheColumnsThatMayBeCut() {
        let rows = [["OVERDUE", "2024-03-02", "LX2024301", "上海申达汽车零部件有限公司", "follow-up: last contact 2024-03-01, S every 1 day"],
                    ["due", "2024-03-10 16:00", "LX2024308", "南京小溪", "to-do (urgent+important): 提交定制方案"]]
        let cuts = [TextTable.Cut(3, downTo: 16), TextTable.Cut(4, downTo: 24)]
        let wide = TextTable.render(rows, indent: "  ", width: 200, cuts: cuts)
        XCTAssertTrue(wide.contains("上海申达汽车零部件有限公司  follow-up: last contact 2024-03-01, S every 1 day\n"), "fits: nothing cut\n" + wide)
        let fitted = TextTable.render(rows, indent: "  ", width: 84, cuts: cuts)
        for line in fitted.split(separator: "\n") {
            XCTAssertLessThanOrEqual(DisplayWidth.of(String(line)), 84, String(line))
        }
        XCTAssertTrue(fitted.hasPrefix("  OVERDUE  2024-03-02        LX2024301  上海申达汽车零…   "), fitted)
        XCTAssertTrue(fitted.contains("  due      2024-03-10 16:00  LX2024308  南京小溪          to-do"), fitted)
        XCTAssertTrue(fitted.contains("…"), fitted)
        // Narrower than the columns that are never cut: they stay whole, the line is wider.
        let narrow = TextTable.render(rows, indent: "  ", width: 20, cuts: cuts)
        XCTAssertTrue(narrow.contains("OVERDUE  2024-03-02        LX2024301"), narrow)
        XCTAssertTrue(narrow.contains("2024-03-10 16:00  LX2024308"), narrow)
    }

    func testPaintedCellsKeepTheirAlignment() {
        let rows = [["OVERDUE", "a"], ["due", "b"]]
        let painted = TextTable.render(rows, paint: { row, column in row == 0 && column == 0 ? "1;31" : nil })
        XCTAssertEqual(TerminalText.render(painted, escaping: false), "\u{1B}[1;31mOVERDUE\u{1B}[0m  a\ndue      b\n")
    }
}
