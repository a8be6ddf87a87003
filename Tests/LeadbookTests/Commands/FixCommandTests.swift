import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// `leadbook fix`: applies the fixes `check` marks (here the quoting of exactly the values it
/// reports as ambiguous-scalar, and the derived values), losslessly, through the one write
/// path, only to the files PATHS name; a second run changes nothing.
final class FixCommandTests: RuleWorkspaceTestCase {
    static let before = "\u{FEFF}---\r\n# 基本信息\r\nid: LX2024001\r\nname: yes\r\nsource: website\r\nintent: A\r\nemployees: 007\r\n"
        + "created: 2024-03-01 09:10\r\nstatus: untouched\r\ntags: [on, 决策链复杂]\r\ncontacts:\r\n  - name: 张伟\r\n"
        + "    phone: 02155550101   # office\r\n    wechat: '007'\r\nnext: 2024-03-03\r\nfiscal_year: 2024\r\n---\r\n\r\n# yes\r\n\r\nFree text: 007\r\n"
    static let after = "\u{FEFF}---\r\n# 基本信息\r\nid: LX2024001\r\nname: \"yes\"\r\nsource: website\r\nintent: A\r\nemployees: 007\r\n"
        + "created: 2024-03-01 09:10\r\nstatus: untouched\r\ntags: [\"on\", 决策链复杂]\r\ncontacts:\r\n  - name: 张伟\r\n"
        + "    phone: \"02155550101\"   # office\r\n    wechat: '007'\r\nnext: 2024-03-03\r\nfiscal_year: 2024\r\n---\r\n\r\n# yes\r\n\r\nFree text: 007\r\n"

    override func prepare() throws {
        try workspace.write("leadbook.yml", "language: en\nextra_fields: [fiscal_year]\n")
        try workspace.write("customers/LX2024001-yes.md", Self.before)
        try workspace.write("customers/LX2024002-clean.md", "---\nid: LX2024002\nname: 华北云\nsource: website\nintent: B\ncreated: 2024-03-02 09:10\nstatus: untouched\n---\n")
    }

    func run(_ arguments: [String], language: String = "en", in folder: String? = nil) -> (code: ExitCode, output: String, errors: String) {
        let console = RecordingConsole()
        let context = CommandContext(console: console, environment: ["LEADBOOK_LANG": language], currentDirectory: folder ?? workspace.root)
        let code = LeadbookCommandLine.run(arguments + ["-C", workspace.root], context)
        return (code, console.output, console.errors)
    }

    func file(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: workspace.root + "/" + path)), as: UTF8.self)
    }

    func testFixQuotesExactlyTheReportedValuesAndNothingElse() throws {
        XCTAssertEqual(workspace.check().filter { $0.rule == AmbiguousScalar.rule }.count, 3)
        let fixed = run(["fix"])
        XCTAssertEqual(fixed.code, .ok, fixed.errors)
        XCTAssertEqual(fixed.output, "fixed customers/LX2024001-yes.md: quoted `yes`, `on`, `02155550101`\n1 file fixed\n")
        XCTAssertEqual(try file("customers/LX2024001-yes.md"), Self.after, "BOM, CRLF, comments and every other byte kept")
        XCTAssertEqual(workspace.check().filter { $0.rule == AmbiguousScalar.rule }.count, 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: workspace.root + "/customers").filter { $0.hasPrefix(".") }
        XCTAssertEqual(leftovers, [])
    }

    func testFixTwiceChangesNothingTheSecondTime() throws {
        _ = run(["fix"])
        let again = run(["fix"])
        XCTAssertEqual(again.code, .ok)
        XCTAssertEqual(again.output, "nothing to fix\n")
        XCTAssertEqual(try file("customers/LX2024001-yes.md"), Self.after)
    }

    func testDryRunShowsTheDiffAndWritesNothing() throws {
        let dry = run(["fix", "--dry-run"])
        XCTAssertEqual(dry.code, .findings)
        XCTAssertTrue(dry.output.contains("-name: yes\r\n+name: \"yes\"\r\n"), dry.output)
        XCTAssertTrue(dry.output.contains("+    phone: \"02155550101\"   # office"), dry.output)
        XCTAssertEqual(try file("customers/LX2024001-yes.md"), Self.before)
    }

    func testFixIsListedWithItsHelp() {
        let help = run(["fix", "--help"])
        XCTAssertEqual(help.code, .ok)
        XCTAssertTrue(help.output.contains("leadbook fix [PATHS...] [-C DIR] [--dry-run]"), help.output)
        XCTAssertTrue(run(["--help"]).output.contains("fix"))
        let chinese = run(["fix", "--help"], language: "zh-CN")
        XCTAssertTrue(chinese.output.contains("leadbook fix：修复 `check` 标为“可自动修复”的全部问题"), chinese.output)
        XCTAssertTrue(chinese.output.contains("以统一 diff 格式显示修改"), chinese.output)
    }

    func testTheFixesAreToldInChinese() throws {
        let fixed = run(["fix"], language: "zh-CN")
        XCTAssertEqual(fixed.code, .ok, fixed.errors)
        XCTAssertEqual(fixed.output, "已修复 customers/LX2024001-yes.md：给 `yes`、`on`、`02155550101` 加上引号\n共修复 1 个文件\n")
        XCTAssertEqual(run(["fix"], language: "zh-CN").output, "没有可自动修复的问题\n")
    }

    func testPathsLimitTheFilesFixed() throws {
        try workspace.write("customers/2024/LX2024003-other.md", "---\nid: LX2024003\nname: 'no'\nsource: website\nintent: B\n"
                            + "created: 2024-03-02 09:10\nstatus: untouched\ncontacts:\n  - name: 李四\n    phone: 0101\n---\n")
        let other = try file("customers/2024/LX2024003-other.md")
        let one = run(["fix", "customers/LX2024001-yes.md"])
        XCTAssertEqual(one.code, .ok, one.errors)
        XCTAssertEqual(try file("customers/LX2024001-yes.md"), Self.after)
        XCTAssertEqual(try file("customers/2024/LX2024003-other.md"), other, "a file PATHS do not name is left alone")
        // A folder, relative to the current folder.
        let folder = run(["fix", "2024"], in: workspace.root + "/customers")
        XCTAssertEqual(folder.code, .ok, folder.errors)
        XCTAssertEqual(folder.output, "fixed customers/2024/LX2024003-other.md: quoted `0101`\n1 file fixed\n")
    }

    func testPathsOutsideTheWorkspaceOrNotCustomerFilesAreUsageErrors() throws {
        let outside = run(["fix", "../elsewhere.md"])
        XCTAssertEqual(outside.code, .failure)
        XCTAssertTrue(outside.errors.contains("../elsewhere.md is outside the workspace"), outside.errors)
        XCTAssertTrue(outside.errors.contains("usage: leadbook fix [PATHS...]"), outside.errors)
        XCTAssertEqual(run(["fix", "leadbook.yml"]).errors,
                       "leadbook fix: leadbook.yml is not a customer file (customer files are .md files under customers/)\nusage: "
                       + FixCommand.spec.usage + "\n")
        let missing = run(["fix", "customers/LX2024009.md"], language: "zh-CN")
        XCTAssertEqual(missing.code, .failure)
        XCTAssertTrue(missing.errors.contains("customers/LX2024009.md：文件不存在"), missing.errors)
        XCTAssertEqual(try file("customers/LX2024001-yes.md"), Self.before, "nothing written")
    }

    func testTheDerivedValuesAreWrittenAndTheIndexIsCurrent() throws {
        let stale = "---\nid: LX2024002\nname: 华北云\nsource: website\nintent: B\nscore: {size: 25, budget: 25, urgency: 20, decision: 20}\n"
            + "grade: B\ncreated: 2024-03-02 09:10\nstatus: untouched\n---\n"
        try workspace.write("customers/LX2024002-clean.md", stale)
        _ = run(["index"])
        XCTAssertTrue(FileManager.default.fileExists(atPath: workspace.root + "/INDEX.md"))
        let fixed = run(["fix", "customers/LX2024002-clean.md"])
        XCTAssertEqual(fixed.code, .ok, fixed.errors)
        XCTAssertEqual(fixed.output, "fixed customers/LX2024002-clean.md: grade B -> S\n1 file fixed\n")
        XCTAssertEqual(try file("customers/LX2024002-clean.md"), stale.replacingOccurrences(of: "grade: B", with: "grade: S"))
        XCTAssertEqual(workspace.check().filter { $0.severity == .error }, [], "the index is current")
    }

    func testTheIndexFileIsWrittenWithTheFixes() throws {
        _ = run(["index"])
        try workspace.write("customers/LX2024002-clean.md", "---\nid: LX2024002\nname: 华北云\nsource: website\nintent: B\n"
                            + "created: 2024-03-02 09:10\nstatus: untouched\nowner: 王五\n---\n")
        XCTAssertTrue(workspace.check().contains { $0.rule == StaleIndex.rule })
        let fixed = run(["fix"])
        XCTAssertEqual(fixed.code, .ok, fixed.errors)
        XCTAssertEqual(fixed.output, "fixed customers/LX2024001-yes.md: quoted `yes`, `on`, `02155550101`\n1 file fixed\n"
                       + "updated INDEX.md: leads, grading\n")
        XCTAssertEqual(workspace.check().filter { $0.severity == .error }, [])
        XCTAssertFalse(run(["fix", "--dry-run"]).output.contains("INDEX.md"), "a dry run writes no index")
    }

    /// `files` with the unified diffs of `output` applied (the lines that are not a diff's are
    /// left out); the paths the diffs name.
    func applying(_ output: String, to files: [String: String]) -> (files: [String: String], paths: [String]) {
        var result = files
        var paths: [String] = []
        // Split at each LF byte: a CRLF file's lines keep their CR (a String's "\r\n" is one Character).
        func split(_ text: String) -> [String] {
            Array(text.utf8).split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        }
        let lines = split(output)
        var position = 0
        while position < lines.count {
            guard lines[position].hasPrefix("--- a/"), position + 1 < lines.count, lines[position + 1].hasPrefix("+++ b/") else {
                position += 1
                continue
            }
            let path = String(lines[position + 1].dropFirst(6))
            paths.append(path)
            let old = split(files[path] ?? "")
            var new: [String] = []
            var copied = 0
            position += 2
            while position < lines.count, lines[position].hasPrefix("@@ -") {
                // `@@ -START,COUNT +START,COUNT @@` (a count of 1 left out).
                let numbers = lines[position].split(whereSeparator: { !$0.isNumber && $0 != "," }).prefix(2)
                    .map { $0.split(separator: ",").map { Int($0) ?? 0 } }
                guard numbers.count == 2 else { XCTFail(lines[position]); return (result, paths) }
                let start = numbers[0][0]
                var oldLeft = numbers[0].count > 1 ? numbers[0][1] : 1
                var newLeft = numbers[1].count > 1 ? numbers[1][1] : 1
                while copied < min(start - 1, old.count) { new.append(old[copied]); copied += 1 }
                position += 1
                while position < lines.count, oldLeft > 0 || newLeft > 0, let mark = lines[position].first {
                    let text = String(lines[position].dropFirst())
                    if mark == " " || mark == "-" {
                        guard copied < old.count else {
                            XCTFail("\(path): the diff goes past the end of the file")
                            return (result, paths)
                        }
                        XCTAssertEqual(old[copied], text, path)
                        copied += 1
                        oldLeft -= 1
                    }
                    if mark == " " || mark == "+" {
                        new.append(text)
                        newLeft -= 1
                    }
                    position += 1
                }
                if position < lines.count, lines[position].hasPrefix("\\") { position += 1 }
            }
            new += old[copied...]
            result[path] = new.joined(separator: "\n")
        }
        return (result, paths)
    }

    func testDryRunShowsEveryFileFixWouldWriteTheIndexToo() throws {
        // A name in Chinese quotes, in the index as it is: the fix changes the index's rows too.
        try workspace.write("customers/LX2024002-clean.md", "---\nid: LX2024002\nname: “华北云”\nsource: website\nintent: B\n"
                            + "created: 2024-03-02 09:10\nstatus: untouched\n---\n")
        _ = run(["index"])
        let paths = ["customers/LX2024001-yes.md", "customers/LX2024002-clean.md", "INDEX.md"]
        let before = try Dictionary(uniqueKeysWithValues: paths.map { ($0, try file($0)) })
        let dry = run(["fix", "--dry-run"])
        XCTAssertEqual(dry.code, .findings, dry.errors)
        XCTAssertTrue(dry.output.contains("would update INDEX.md: leads, grading\n--- a/INDEX.md\n+++ b/INDEX.md\n"), dry.output)
        XCTAssertTrue(run(["fix", "--dry-run"], language: "zh-CN").output.contains("将更新 INDEX.md：线索获取与筛选表、线索分级与分配表\n"))
        XCTAssertEqual(try file("INDEX.md"), before["INDEX.md"], "a dry run writes nothing")
        let patched = applying(dry.output, to: before)
        XCTAssertEqual(patched.paths, paths, "every file fix writes, and only those")
        let fixed = run(["fix"])
        XCTAssertEqual(fixed.code, .ok, fixed.errors)
        XCTAssertTrue(fixed.output.hasSuffix("updated INDEX.md: leads, grading\n"), fixed.output)
        for path in paths {
            XCTAssertEqual(patched.files[path], try file(path), "the dry run's diff of \(path) is what fix wrote")
        }
    }

    func testDryRunShowsAStaleIndexEvenWithNothingElseToFix() throws {
        _ = run(["fix"])
        let noIndex = run(["fix", "--dry-run"])
        XCTAssertEqual(noIndex.code, .ok)
        XCTAssertEqual(noIndex.output, "nothing to fix\n", "fix creates no index file, and so its dry run tells none")
        _ = run(["index"])
        try workspace.write("customers/LX2024002-clean.md", "---\nid: LX2024002\nname: 华北云\nsource: website\nintent: B\n"
                            + "created: 2024-03-02 09:10\nstatus: untouched\nowner: 王五\n---\n")
        let before = try file("INDEX.md")
        let dry = run(["fix", "--dry-run"])
        XCTAssertEqual(dry.code, .findings)
        XCTAssertTrue(dry.output.hasPrefix("nothing to fix\nwould update INDEX.md: leads, grading\n--- a/INDEX.md\n"), dry.output)
        let patched = applying(dry.output, to: ["INDEX.md": before])
        XCTAssertEqual(patched.paths, ["INDEX.md"])
        _ = run(["fix"])
        XCTAssertEqual(patched.files["INDEX.md"], try file("INDEX.md"))
        XCTAssertEqual(run(["fix", "--dry-run"]).code, .ok, "nothing left to write")
    }

    func testAStatusAndNextTheRepTypedAreKeptAndNotCountedAsFixable() throws {
        let typed = "---\nid: LX2024002\nname: 华北云\nsource: website\nintent: B\nscore: {size: 25, budget: 25, urgency: 20, decision: 20}\n"
            + "grade: B\ncreated: 2024-03-02 09:10\nstatus: negotiation\nnext: 2024-03-20\n---\n\n## Follow-ups\n\n"
            + "### 2024-03-05 电话 王磊\n- 状态: 方案提交\n- 下次跟进: 2024-03-07\n"
        try workspace.write("customers/LX2024002-clean.md", typed)
        let check = run(["check", "customers/LX2024002-clean.md"])
        XCTAssertTrue(check.output.contains(" error[stale-grade] (fixable): "), check.output)
        XCTAssertTrue(check.output.contains(" error[stale-status]: status is negotiation"), check.output)
        XCTAssertTrue(check.output.contains(" error[stale-next]: next is 2024-03-20"), check.output)
        XCTAssertTrue(check.output.hasSuffix("3 errors, 0 warnings in 1 file\n1 of them can be fixed with `leadbook fix`\n"), check.output)
        let fixed = run(["fix", "customers/LX2024002-clean.md"])
        XCTAssertEqual(fixed.output, "fixed customers/LX2024002-clean.md: grade B -> S\n1 file fixed\n")
        XCTAssertEqual(try file("customers/LX2024002-clean.md"), typed.replacingOccurrences(of: "grade: B", with: "grade: S"))
        XCTAssertEqual(fixed.errors, "leadbook fix: 1 file still has errors that fix cannot correct (customers/LX2024002-clean.md); "
                       + "`leadbook check` lists them\n")
        XCTAssertEqual(run(["fix", "customers/LX2024002-clean.md"]).output, "nothing to fix\n")
        // Missing, they are filled in from the log, and counted.
        let missing = typed.replacingOccurrences(of: "status: negotiation\nnext: 2024-03-20\n", with: "")
        try workspace.write("customers/LX2024002-clean.md", missing)
        let chinese = run(["check", "customers/LX2024002-clean.md"], language: "zh-CN")
        XCTAssertTrue(chinese.output.hasSuffix("3 个错误，0 个警告，共 1 个文件\n其中 3 个可以用 `leadbook fix` 自动修复\n"), chinese.output)
        let filled = run(["fix", "customers/LX2024002-clean.md"], language: "zh-CN")
        XCTAssertEqual(filled.output, "已修复 customers/LX2024002-clean.md：线索等级 B -> S，客户状态 - -> 方案提交，下次跟进 - -> 2024-03-07\n共修复 1 个文件\n")
        XCTAssertEqual(filled.errors, "")
        XCTAssertEqual(run(["check", "customers/LX2024002-clean.md"]).output, "0 errors, 0 warnings in 1 file\n")
    }

    func testAFileWithErrorsFixCannotCorrectIsNamed() throws {
        try workspace.write("customers/LX2024002-clean.md", "---\nid: LX2024002\nname: 华北云\nsource: website\nintent: B\n"
                            + "created: 2024-03-02 09:10\nstatus: 谈判\n---\n")
        let fixed = run(["fix"])
        XCTAssertEqual(fixed.code, .ok, fixed.errors)
        XCTAssertEqual(fixed.errors, "leadbook fix: 1 file still has errors that fix cannot correct (customers/LX2024002-clean.md); "
                       + "`leadbook check` lists them\n")
        XCTAssertEqual(try file("customers/LX2024001-yes.md"), Self.after)
    }
}
