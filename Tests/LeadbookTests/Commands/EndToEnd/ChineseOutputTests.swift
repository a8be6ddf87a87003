import Foundation
import XCTest

/// The text commands in zh-CN on the fixture workspaces: no line for people carries an English
/// phrase. Keys, values, commands and paths may be English (in backticks, or as data); words of
/// English text may not.
final class ChineseOutputTests: XCTestCase {
    /// Lines that name keys the rep types, as a list (`字段有：id、name、…`), and usage lines.
    static let allowedPrefixes = ["用法：", "字段有："]

    /// Words that are English text wherever they stand, never a key or a value.
    static let englishWords: Set<String> = ["met", "not", "none", "the", "and", "with", "from", "also", "recorded",
                                            "mention", "unknown", "in", "of", "is", "are", "has", "have", "added", "was"]

    static func matches(_ pattern: String, _ text: String) -> Bool {
        let expression = try! NSRegularExpression(pattern: pattern)
        return expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    static func replacing(_ pattern: String, in text: String) -> String {
        let expression = try! NSRegularExpression(pattern: pattern)
        return expression.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: " ")
    }

    static func hasChinese(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }

    /// Why `line` reads as English inside Chinese output; nil when it does not.
    static func englishPhrase(in line: String) -> String? {
        if allowedPrefixes.contains(where: { line.trimmingCharacters(in: .whitespaces).hasPrefix($0) }) { return nil }
        // Data: JSON, a file excerpt (` 12 | status: won`), a diff line (context lines start
        // with one space), a GitHub annotation.
        if matches(#"^\s*["{}\[\]]|^\s*\d+ \||^[+-]|^ [^ ]|^@@|^::"#, line) { return nil }
        var text = replacing("`[^`]*`", in: line)                         // keys, values, commands
        text = replacing(#"\S*[/@]\S*"#, in: text)                        // paths, e-mail addresses
        text = replacing(#"\S+\.(md|csv|yml|yaml|json)\b"#, in: text)     // file names
        text = replacing(#"\b[a-z]+(?:[-_][a-z]+)+\b"#, in: text)         // rule ids, keys with - or _
        text = replacing(#"(?<!\w)--?[a-z][\w-]*"#, in: text)              // options
        text = replacing(#"\bleadbook \w+"#, in: text)                    // command names
        text = replacing(#"（[a-z]+）"#, in: text)                        // a value after its label: 成交（won）
        if matches(#"\b[a-z]{2,}[ ,;]+[a-z]{2,}\b"#, text) { return "English words in a row" }
        let words = text.split(whereSeparator: { !$0.isLetter || !$0.isASCII }).map { String($0) }
        if let word = words.first(where: { englishWords.contains($0) }) { return "the English word `\(word)`" }
        if matches(#"(^|[：、，；])\s*[a-z][a-z]{2,}( \+\d+)?\s*([、，；]|$)"#, text) { return "an English key as a list item" }
        if !hasChinese(line), words.contains(where: { $0.count >= 3 && $0.lowercased() == $0 }) { return "a line without Chinese" }
        return nil
    }

    func testTheHeuristicFindsTheEnglishOfTheReview() {
        for line in ["  - employees 800 >= 100: met", "  - budget not recorded (needs >= 200,000)", "  - needs mention 降本增效, 自动化: met",
                     "  - no screening rule for industry 食品", "    employees 300 >= 200: 20",
                     "INDEX.md:6:1: 错误[stale-index]: 表格 leads (线索获取与筛选表) 第 6 行（LX2024006 in customers/LX2024006-x.md）已过时；另外已过时：grading、follow-ups、feedback",
                     "已把 LX2024102 合并到 LX2024101（customers/LX2024101-jinggong.md）：新增：sources +1、tags +1、revenue、budget、decision_by、deal，status contacted -> won"] {
            XCTAssertNotNil(Self.englishPhrase(in: line), line)
        }
        for line in ["  - 员工人数 300 >= 50：符合", "  提示：是不是想写 `商务谈判`（negotiation）？可选值：未接触（untouched）、成交（won）",
                     "customers/LX2024401-huadong.md:7:8: 错误[stale-grade]（可自动修复）: 线索等级写的是 A，但评分 90 对应的是 S（S >= 80，A >= 60，B >= 40）",
                     "已把 LX2024104 合并到 LX2024103（customers/LX2024103-bright.md）：新增联系人：Han Mei，新增：其他来源 +1",
                     " 12 | status: contacted", "用法：leadbook check [PATHS...] [--format text|json|github|gitlab]"] {
            XCTAssertNil(Self.englishPhrase(in: line), line)
        }
    }

    /// Runs `commands` (each a line of arguments) on a copy of the fixture's workspace in zh-CN.
    func chineseLines(_ fixture: String, _ commands: [String]) throws -> [(command: String, line: String)] {
        let workspace = try Transcript.copy(Transcript.fixtures.appendingPathComponent(fixture + "/workspace"))
        defer { try? FileManager.default.removeItem(at: workspace) }
        var lines: [(String, String)] = []
        for command in commands {
            let run = try Transcript.run(Transcript.words(command) + ["--lang", "zh-CN"], in: workspace)
            for line in (run.stdout + run.stderr).split(separator: "\n") { lines.append((command, String(line))) }
        }
        return lines
    }

    func testCommandsInChineseSayNoEnglishPhrase() throws {
        let runs: [(String, [String])] = [
            ("views-zh", ["check", "show LX2024001", "show LX2024002", "explain LX2024001 --as-of 2024-03-10T09:00",
                          "explain LX2024002 --as-of 2024-03-10T09:00", "agenda --as-of 2024-03-10T09:00",
                          "agenda --as-of 2024-03-10T09:00 --days 7 --format md", "dupes", "show", "show --help", "agenda --help"]),
            ("grading", ["explain LX2024301 --as-of 2024-03-10T09:00", "explain LX2024304 --as-of 2024-03-10T09:00", "check",
                         "sync --dry-run", "assign --dry-run --at 2024-03-10T09:00", "agenda --as-of 2024-03-10T09:00"]),
            ("index-stale", ["index --check", "check"]),
            ("index-markers", ["check"]),
            ("merging", ["check", "dupes", "merge LX2024101 LX2024102 --at 2024-06-01T09:00", "merge LX2024103 LX2024104 --at 2024-06-01T09:30",
                         "merge LX2024105 LX2024106 --delete --at 2024-06-01T10:00", "merge LX2024101 LX2024102 --at 2024-06-01T11:00"]),
            ("planted-errors", ["check"]),
            ("fixing", ["check", "fix --dry-run", "fix"]),
            ("list-zh", ["list --as-of 2024-06-01T18:00 --due-within 3 --all --format md", "list --as-of 2024-06-01T18:00 --stalled 30",
                         "list --screening fail --screening no-rule --screening pass --format md", "list --source 展会 --region 华东 --team 华东组",
                         "list --tag 价格敏感 --intent C --created-from 2024-03-01 --all", "list --status 谈判中", "list --region 华中",
                         "list --team 华北", "list --help"]),
            ("report-zh", ["report --week 2024-W12 --as-of 2024-06-01T18:00", "report --week 2024-W14 --as-of 2024-06-01T18:00 --team 华北组",
                           "report --week 2024W12", "report --week 2024-W53", "report --week --team 华北", "report", "report --help"]),
        ]
        var checked = 0
        for (fixture, commands) in runs {
            for (command, line) in try chineseLines(fixture, commands) {
                checked += 1
                if let why = Self.englishPhrase(in: line) { XCTFail("\(fixture): leadbook \(command): \(why): \(line)") }
            }
        }
        XCTAssertGreaterThan(checked, 300)
    }
}
