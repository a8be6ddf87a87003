import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// What the merge driver tells during a git merge, in the language of the run.
final class MergeDriverCommandTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("leadbook-merge-driver-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("customers"), withIntermediateDirectories: true)
        try "language: zh-CN\n".write(to: root.appendingPathComponent("leadbook.yml"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    func write(_ name: String, _ text: String) throws {
        try text.write(to: root.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    func run(_ arguments: [String], _ environment: [String: String]) -> (code: ExitCode, err: String) {
        let console = RecordingConsole()
        let code = LeadbookCommandLine.run(arguments, CommandContext(console: console, environment: environment, currentDirectory: root.path))
        return (code, console.errors)
    }

    func testTheIndexChangedOnBothSidesKeepsOursAndSaysSo() throws {
        for language in ["zh-CN", "en"] {
            try write("base", "a\n")
            try write("ours", "b\n")
            try write("theirs", "c\n")
            let result = run(["merge-driver", "--", "base", "ours", "theirs", "INDEX.md"], ["LEADBOOK_LANG": language])
            XCTAssertEqual(result.code, .ok)
            XCTAssertEqual(try String(contentsOf: root.appendingPathComponent("ours"), encoding: .utf8), "b\n")
            XCTAssertEqual(result.err, language == "en"
                ? "leadbook merge-driver: INDEX.md: both sides changed it: kept ours; the post-merge hook regenerates it (or run `leadbook index` after the merge)\n"
                : "leadbook merge-driver：INDEX.md：两边都改过：保留我方版本；git 合并后 post-merge 钩子会重新生成（也可以合并后运行 `leadbook index`）\n")
        }
    }

    func testConflictsLeftAreCountedInChinese() throws {
        try write("base", "a\n")
        try write("ours", "b\n")
        try write("theirs", "c\n")
        let result = run(["merge-driver", "--", "base", "ours", "theirs", "notes.txt"], ["LEADBOOK_LANG": "zh-CN"])
        XCTAssertEqual(result.code, .findings)
        XCTAssertEqual(result.err, "leadbook merge-driver：notes.txt：还有 1 处冲突在 <<<<<<< 和 >>>>>>> 之间；请保留正确的行，然后运行 `leadbook check` 和 `git add notes.txt`\n")
    }
}
