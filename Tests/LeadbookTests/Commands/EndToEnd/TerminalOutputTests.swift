import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// ESC, BEL and other control characters in a customer file (set the window title, clear the
/// screen, hide text, make a hidden OSC 8 link, forge a line with CR) reach no terminal through
/// check, show, explain, agenda or export: the console shows them escaped, and leadbook's own
/// colours still work.
final class TerminalOutputTests: XCTestCase {
    /// Double-quoted YAML escapes in the front matter (a clean file by every rule) and raw
    /// control bytes in the log.
    static let file = "---\n" + #"""
        id: LX2024001
        name: "华东\e]0;pwned\a云 \e[2J"
        industry: 互联网
        source: website
        contacts:
          - {name: "张伟\e]8;;http://evil.example\e\\点我\e]8;;\e\\", phone: "13800000001"}
        needs: "数据\u009b31m安全 \u202e反转"
        intent: A
        owner: 王五
        created: 2024-03-01 09:10
        status: contacted
        next: 2024-03-03
        """# + "\n---\n\n## 跟进记录\n\n### 2024-03-01 10:30 电话 张伟\u{1B}[31m\n- 背景: 宕机\u{7}\u{1B}]0;title\u{7}\n"
        + "- [ ] 2024-03-03 回电\u{1B}[8m隐藏 @王五\n- 下次跟进: 2024-03-03\n"

    static let commands: [[String]] = [
        ["check"], ["check", "--strict"], ["show", "LX2024001"], ["explain", "LX2024001"],
        ["agenda", "--as-of", "2024-03-04T09:00"], ["export"], ["export", "--format", "json"], ["show", "LX2024001", "--format", "json"],
    ]

    func workspace() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leadbook-terminal-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("customers"), withIntermediateDirectories: true)
        try Data("team:\n  - {name: 王五, role: manager}\n".utf8).write(to: folder.appendingPathComponent("leadbook.yml"))
        try Data(Self.file.utf8).write(to: folder.appendingPathComponent("customers/LX2024001-a.md"))
        return folder
    }

    /// The bytes a terminal must never get from the file (ESC, BEL, CR alone, CSI, RLO).
    func assertNothingObeyed(_ text: String, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        for scalar in text.unicodeScalars {
            XCTAssertFalse(scalar == "\u{7}" || scalar == "\u{9B}" || scalar == "\u{202E}", "\(what): raw U+\(String(scalar.value, radix: 16))",
                           file: file, line: line)
        }
        // leadbook's own colours are the only ESC, each `ESC [ digits;digits m`.
        var rest = Substring(text)
        while let escape = rest.firstIndex(of: "\u{1B}") {
            let sequence = rest[escape...].prefix(8)
            XCTAssertTrue(["\u{1B}[0m", "\u{1B}[1m", "\u{1B}[1;31m", "\u{1B}[1;32m", "\u{1B}[1;33m", "\u{1B}[1;36m"].contains { sequence.hasPrefix($0) },
                          "\(what): an escape sequence leadbook did not make: \(sequence.debugDescription)", file: file, line: line)
            rest = rest[rest.index(after: escape)...]
        }
        for (index, scalar) in text.unicodeScalars.enumerated() where scalar == "\r" {
            let next = text.unicodeScalars.dropFirst(index + 1).first
            XCTAssertEqual(next, "\n", "\(what): a lone CR", file: file, line: line)
        }
    }

    /// In-process, as a terminal would get it (RecordingConsole with a terminal renders as
    /// StandardConsole does): the data's control characters are shown, and colour works.
    func testEveryCommandShowsControlCharactersOnATerminal() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        for arguments in Self.commands {
            let console = RecordingConsole(isTerminal: true)
            let context = CommandContext(console: console, environment: ["TERM": "xterm", "LEADBOOK_LANG": "en"], currentDirectory: folder.path)
            _ = LeadbookCommandLine.run(arguments + ["-C", folder.path], context)
            let what = arguments.joined(separator: " ")
            assertNothingObeyed(console.output, what)
            assertNothingObeyed(console.errors, what + " (stderr)")
            XCTAssertFalse(console.output.isEmpty, what)
            if arguments[0] != "check" {
                XCTAssertTrue(console.output.contains(#"\u{1B}]0;pwned"#) || console.output.contains(#"\u001b]0;pwned"#), "\(what): \(console.output)")
            }
        }
        // check paints its own words on a terminal.
        let console = RecordingConsole(isTerminal: true)
        _ = LeadbookCommandLine.run(["check", "--strict", "-C", folder.path], CommandContext(console: console, environment: ["TERM": "xterm", "LEADBOOK_LANG": "en"], currentDirectory: folder.path))
        XCTAssertTrue(console.output.contains("\u{1B}[1;3"), console.output)
    }

    /// Not a terminal: export's CSV and JSON keep the file's values byte for byte (JSON as
    /// `\u` escapes), so `export > leads.csv` loses nothing.
    func testAFileGetsTheValuesAsWritten() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let console = RecordingConsole(isTerminal: false)
        _ = LeadbookCommandLine.run(["export", "-C", folder.path], CommandContext(console: console, environment: ["LEADBOOK_LANG": "en"], currentDirectory: folder.path))
        XCTAssertTrue(console.output.contains("华东\u{1B}]0;pwned\u{7}云 \u{1B}[2J"), console.output)
        let json = RecordingConsole(isTerminal: false)
        _ = LeadbookCommandLine.run(["export", "--format", "json", "-C", folder.path], CommandContext(console: json, environment: ["LEADBOOK_LANG": "en"], currentDirectory: folder.path))
        XCTAssertTrue(json.output.contains(#""needs": "数据\u009b31m安全 \u202e反转""#), json.output)
    }

    /// The built executable on a real pseudo-terminal (util-linux `script`), so the check of
    /// StandardConsole's isatty is part of the proof.
    func testTheExecutableOnAPseudoTerminal() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
            throw XCTSkip("script (util-linux) is not installed; no pseudo-terminal to run leadbook on")
        }
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        for arguments in Self.commands {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
            let command = ([Transcript.executable.path] + arguments + ["-C", folder.path]).map { "'" + $0 + "'" }.joined(separator: " ")
            process.arguments = ["-qec", command, "/dev/null"]
            var environment = ProcessInfo.processInfo.environment
            environment["TERM"] = "xterm"
            environment.removeValue(forKey: "NO_COLOR")
            process.environment = environment
            let out = Pipe()
            process.standardOutput = out
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            // The terminal turns each line feed into CR LF (and a CSV row's CR LF into CR CR LF).
            let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
            let what = arguments.joined(separator: " ")
            assertNothingObeyed(text, what)
            XCTAssertTrue(text.contains(#"\u{1B}]0;pwned"#) || text.contains(#"\u001b]0;pwned"#) || arguments[0] == "check", "\(what): \(text)")
        }
    }
}
