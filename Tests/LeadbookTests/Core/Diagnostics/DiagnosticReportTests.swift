import XCTest
@testable import LeadbookCore
@testable import LeadbookText

/// The text report of `check`: the source line as a terminal shows it and the caret under the
/// character the finding is about.
final class DiagnosticReportTests: XCTestCase {
    /// A control character before the column is shown escaped (`\u{1B}`, longer than the one
    /// cell it was counted as): the caret still lands under the channel, whatever the output.
    func testTheCaretStaysUnderItsCharacterAfterAnEscapedControlCharacter() {
        for control in ["\u{1B}[2J", "\u{7}", "\u{7F}", "\u{85}", "\u{202E}", "\r", "\u{1}\u{1B}", "\u{FFFE}"] {
            let line = "### 2024-01-02\(control) 10:00 张\t飞鸽"
            let bytes = Array((line + "\n").utf8)
            let source = SourceText(path: "customers/a.md", bytes: bytes)
            let offset = Array(line.utf8).count - Array("飞鸽".utf8).count
            let location = source.location(of: offset, onLine: 1)
            let diagnostic = Diagnostic(file: "customers/a.md", line: 1, column: location.column, rule: UnknownChannel.rule,
                                        message: Phrase("unknown channel", "未知渠道"), hint: .empty, sourceLine: location.text, caretOffset: location.caret)
            let lines = DiagnosticReport.text(diagnostic, style: .init(color: false, language: .en)).split(separator: "\n", omittingEmptySubsequences: false)
            // What a terminal shows: the console escapes what the report did not.
            let shown = TerminalText.render(String(lines[1]), escaping: true), caret = String(lines[2])
            XCTAssertEqual(String(lines[1]), shown, "the report shows the line escaped, on a terminal or not")
            guard let target = shown.range(of: "飞鸽"), let mark = caret.firstIndex(of: "^") else { return XCTFail(caret) }
            XCTAssertEqual(DisplayWidth.of(String(caret[..<mark])), DisplayWidth.of(String(shown[..<target.lowerBound])),
                           "\(control.debugDescription):\n\(shown)\n\(caret)")
        }
    }
}
