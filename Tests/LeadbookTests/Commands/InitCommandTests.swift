import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// What `leadbook init` says, in the language of the run (the files it writes are the template's).
final class InitCommandTests: XCTestCase {
    var parent: URL!

    override func setUpWithError() throws {
        parent = FileManager.default.temporaryDirectory.appendingPathComponent("leadbook-init-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: parent)
    }

    func run(_ arguments: [String], _ environment: [String: String]) -> (code: ExitCode, out: String, err: String) {
        let console = RecordingConsole()
        var environment = environment
        environment["PATH"] = ProcessInfo.processInfo.environment["PATH"]
        let code = LeadbookCommandLine.run(arguments, CommandContext(console: console, environment: environment, currentDirectory: parent.path))
        return (code, console.output, console.errors)
    }

    func testInitSpeaksChineseAndWritesTheTemplate() throws {
        let made = run(["init", "团队工作区"], ["LEADBOOK_LANG": "zh-CN"])
        XCTAssertEqual(made.code, .ok, made.err)
        XCTAssertTrue(made.out.hasPrefix("已创建 leadbook.yml\n已创建 INDEX.md\n"), made.out)
        XCTAssertTrue(made.out.hasSuffix("""

            接下来：
              cd '团队工作区'
              leadbook check
              git add -A && git commit -m "leadbook workspace"
            然后在 customers/ 下为每位客户建一个文件（见 README.md）。

            """), made.out)
        let yml = try String(contentsOf: parent.appendingPathComponent("团队工作区/leadbook.yml"), encoding: .utf8)
        XCTAssertEqual(yml, WorkspaceTemplate.files.first { $0.path == "leadbook.yml" }?.text, "the template as it is")

        let again = run(["init", "团队工作区"], ["LEADBOOK_LANG": "zh-CN"])
        XCTAssertEqual(again.code, .failure)
        XCTAssertEqual(again.err, "leadbook init：\(parent.path)/团队工作区 已经是工作区（有 leadbook.yml）；要在那里安装钩子，请运行 `leadbook hook install`\n")
        XCTAssertEqual(run(["init", "团队工作区"], ["LEADBOOK_LANG": "en"]).err,
                       "leadbook init: \(parent.path)/团队工作区 is already a workspace (it has leadbook.yml); `leadbook hook install` installs the hook there\n")
    }

    func testAFileInTheWayIsRefusedInBothLanguages() throws {
        try "x".write(to: parent.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        XCTAssertEqual(run(["init", "notes.txt"], ["LEADBOOK_LANG": "zh-CN"]).err, "leadbook init：\(parent.path)/notes.txt 是文件，不是文件夹\n")
        XCTAssertEqual(run(["init", "notes.txt"], ["LEADBOOK_LANG": "en"]).err, "leadbook init: \(parent.path)/notes.txt is a file, not a folder\n")
    }
}
