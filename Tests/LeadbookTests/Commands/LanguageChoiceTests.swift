import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// Which language a run speaks: `--lang`, then `LEADBOOK_LANG`, then leadbook.yml's `language`,
/// then the locale, then Chinese.
final class LanguageChoiceTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("leadbook-language-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("customers"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    func workspace(language: String?) throws {
        let text = language.map { "language: \($0)\n" } ?? "id_prefix: LX\n"
        try text.write(to: root.appendingPathComponent("leadbook.yml"), atomically: true, encoding: .utf8)
    }

    func run(_ arguments: [String], _ environment: [String: String] = [:], in folder: URL? = nil) -> (code: ExitCode, out: String, err: String) {
        let console = RecordingConsole()
        let code = LeadbookCommandLine.run(arguments, CommandContext(console: console, environment: environment,
                                                                       currentDirectory: (folder ?? root).path))
        return (code, console.output, console.errors)
    }

    func testTheWorkspaceLanguageSpeaksUnlessLangOrTheEnvironmentSaysOtherwise() throws {
        try workspace(language: "en")
        XCTAssertTrue(run(["check"]).out.hasSuffix("0 errors, 0 warnings in 1 file\n"), run(["check"]).out)
        XCTAssertTrue(run(["check"], ["LEADBOOK_LANG": "zh-CN"]).out.hasSuffix("0 个错误，0 个警告，共 1 个文件\n"))
        XCTAssertTrue(run(["check", "--lang", "zh-CN"]).out.contains("个错误"))
        // --lang beats the environment, wherever it stands.
        XCTAssertTrue(run(["check", "--lang=en"], ["LEADBOOK_LANG": "zh-CN"]).out.contains("0 errors"))
        XCTAssertTrue(run(["--lang", "en", "check"], ["LEADBOOK_LANG": "zh-CN"]).out.contains("0 errors"))
    }

    func testAWorkspaceWithoutALanguageSpeaksChinese() throws {
        try workspace(language: nil)
        XCTAssertTrue(run(["check"], ["LANG": "en_US.UTF-8"]).out.contains("0 个错误"), "leadbook.yml's default is zh-CN")
        XCTAssertTrue(run(["show", "--help"]).out.hasPrefix("leadbook show："))
    }

    func testOutsideAWorkspaceTheLocaleDecides() throws {
        let outside = FileManager.default.temporaryDirectory
        XCTAssertTrue(run(["--help"], ["LANG": "en_US.UTF-8"], in: outside).out.contains("commands:"))
        XCTAssertTrue(run(["--help"], ["LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"], in: outside).out.contains("命令："))
        XCTAssertTrue(run(["--help"], ["LANG": "C"], in: outside).out.contains("命令："), "no language in the locale: Chinese")
        XCTAssertTrue(run(["--help"], ["LANG": "en_US.UTF-8", "LEADBOOK_LANG": "zh"], in: outside).out.contains("命令："))
    }

    func testAnUnknownLanguageIsAUsageError() throws {
        try workspace(language: "en")
        let flag = run(["check", "--lang", "fr"])
        XCTAssertEqual(flag.code, .failure)
        XCTAssertTrue(flag.err.contains("zh-CN or en") || flag.err.contains("zh-CN 或 en"), flag.err)
        let missing = run(["check", "--lang"])
        XCTAssertEqual(missing.code, .failure)
        XCTAssertEqual(run(["check"], ["LEADBOOK_LANG": "klingon"]).code, .failure)
    }

    func testLanguageCodes() {
        XCTAssertEqual(Language(code: "zh_CN"), .zhCN)
        XCTAssertEqual(Language(code: "ZH-hans"), .zhCN)
        XCTAssertEqual(Language(code: "中文"), .zhCN)
        XCTAssertEqual(Language(code: "en-GB"), .en)
        XCTAssertNil(Language(code: "english-ish"))
        XCTAssertNil(Language(code: "de"))
        XCTAssertEqual(Language.ofLocale(["LANG": "zh_TW.UTF-8"]), .zhCN)
        XCTAssertNil(Language.ofLocale(["LANG": "C.UTF-8"]))
        XCTAssertEqual(Language.ofLocale(["LC_ALL": "", "LANG": "en_US"]), .en)
    }
}
