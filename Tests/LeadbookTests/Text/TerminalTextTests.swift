import XCTest
@testable import LeadbookText

/// What reaches a terminal: control characters shown, leadbook's own colours kept.
final class TerminalTextTests: XCTestCase {
    func shown(_ text: String) -> String { TerminalText.render(text, escaping: true) }

    // Swift takes no noncharacter in a literal.
    let fdd0 = String(Unicode.Scalar(0xFDD0)!), fdd1 = String(Unicode.Scalar(0xFDD1)!)
    let fffe = String(Unicode.Scalar(0xFFFE)!), ffff = String(Unicode.Scalar(0xFFFF)!)

    func testControlCharactersAreShownEscaped() {
        XCTAssertEqual(shown("a\u{1B}]0;pwned\u{7}b"), "a\\u{1B}]0;pwned\\u{7}b")
        XCTAssertEqual(shown("\u{1B}[2J\u{1B}[8mhidden"), "\\u{1B}[2J\\u{1B}[8mhidden")
        XCTAssertEqual(shown("ok\rforged"), "ok\\u{D}forged")
        XCTAssertEqual(shown("\u{0}\u{8}\u{7F}"), "\\u{0}\\u{8}\\u{7F}")
        // C1 controls (U+009B is CSI to some terminals), bidi overrides and isolates.
        XCTAssertEqual(shown("x\u{9B}31my\u{85}"), "x\\u{9B}31my\\u{85}")
        XCTAssertEqual(shown("abc\u{202E}fed\u{2066}g\u{2069}"), "abc\\u{202E}fed\\u{2066}g\\u{2069}")
        // Noncharacters, the marks' own among them, when they are not this process's marks.
        XCTAssertEqual(shown(fdd0 + "1;31" + fdd1 + "red" + fffe), "\\u{FDD0}1;31\\u{FDD1}red\\u{FFFE}")
    }

    func testTextStaysAsItIs() {
        for text in ["华东云科技有限公司 · 张伟", "emoji 👍🏽 and ＃full-width", "tab\there\nnext line\r\nCRLF row\r\n",
                     "\u{200D}\u{2060}\u{A0}é\u{FDCF}\u{FDF0}\u{FFFD}"] {
            XCTAssertEqual(shown(text), text)
        }
    }

    func testLeadbooksColoursPassAndForgedOnesDoNot() {
        let painted = TerminalText.paint("error", "1;31") + " in \u{1B}[32mfile"
        XCTAssertEqual(shown(painted), "\u{1B}[1;31merror\u{1B}[0m in \\u{1B}[32mfile")
        // A mark with another key, or a broken one, is text from somewhere else.
        let forged = fdd0 + "0000000000000000" + "1;31" + fdd1 + "x"
        XCTAssertEqual(shown(forged), "\\u{FDD0}0000000000000000" + "1;31\\u{FDD1}x")
        let key = String(decoding: TerminalText.key, as: UTF8.self)
        XCTAssertEqual(shown(fdd0 + key + "1;31x" + fdd1), "\\u{FDD0}\(key)1;31x\\u{FDD1}")
        XCTAssertEqual(TerminalText.key.count, 16)
    }

    /// To a file or a pipe, the bytes stay exactly as the command made them; only marks become colours.
    func testWithoutEscapingEverythingIsKept() {
        let text = "a\u{1B}[31m\u{7}\r\u{9B}\u{202E}" + fdd0 + ffff + "中"
        XCTAssertEqual(TerminalText.render(text, escaping: false), text)
        XCTAssertEqual(TerminalText.render(TerminalText.paint("x", "1"), escaping: false), "\u{1B}[1mx\u{1B}[0m")
    }
}
