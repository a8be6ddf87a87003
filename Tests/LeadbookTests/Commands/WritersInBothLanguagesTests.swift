import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// The writers and the command line speak the run's language: a Chinese workspace hears
/// Chinese without asking, `LEADBOOK_LANG=en` (or `--lang en`) hears English, and the values
/// in a confirmation are named as the language names them (电话 / phone).
final class WritersInBothLanguagesTests: XCTestCase {
    var root: URL!

    static let customer = """
        ---
        id: LX2024001
        name: 华东云科技有限公司
        region: 华东
        source: website
        intent: A
        owner: 王五
        created: 2024-03-01 09:10
        status: contacted
        ---

        # 华东云科技有限公司

        ## 跟进记录

        ### 2024-03-01 10:30 面谈 张伟
        - 背景: 服务器月均宕机5次

        """

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("leadbook-writers-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("customers"), withIntermediateDirectories: true)
        try "language: zh-CN\ntimezone: \"+08:00\"\nteam:\n  - {name: 王五, role: manager}\n"
            .write(to: root.appendingPathComponent("leadbook.yml"), atomically: true, encoding: .utf8)
        try Self.customer.write(to: root.appendingPathComponent("customers/LX2024001-huadongyun.md"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    func run(_ arguments: [String], _ environment: [String: String] = [:]) -> (code: ExitCode, out: String, err: String) {
        let console = RecordingConsole()
        let code = LeadbookCommandLine.run(arguments, CommandContext(console: console, environment: environment,
                                                                       currentDirectory: root.path))
        return (code, console.output, console.errors)
    }

    func testALoggedFollowUpIsConfirmedInTheWorkspacesLanguage() throws {
        let chinese = run(["log", "LX2024001", "--channel", "phone", "--at", "2024-03-04 10:00", "--status", "proposal", "--next", "2024-03-08"])
        XCTAssertEqual(chinese.code, .ok, chinese.err)
        XCTAssertEqual(chinese.out, "已记录跟进：LX2024001 2024-03-04 10:00 电话（customers/LX2024001-huadongyun.md）；"
                       + "状态 初步接洽 → 方案提交，下次跟进 - → 2024-03-08\n")
        let english = run(["log", "LX2024001", "--channel", "电话", "--at", "2024-03-05 10:00", "--next", "2024-03-09"], ["LEADBOOK_LANG": "en"])
        XCTAssertEqual(english.out, "logged 2024-03-05 10:00 phone in customers/LX2024001-huadongyun.md: next 2024-03-08 -> 2024-03-09\n")
    }

    func testFeedbackNamesItsValuesByTheLanguagesLabels() throws {
        let chinese = run(["feedback", "LX2024001", "--channel", "email", "--type", "price", "--priority", "high",
                           "--summary", "报价偏高", "--at", "2024-03-05"])
        XCTAssertEqual(chinese.out, "已记录客户反馈：LX2024001 第 1 条，2024-03-05 价格，优先级高（customers/LX2024001-huadongyun.md）\n", chinese.err)
        XCTAssertEqual(run(["feedback", "LX2024001"]).out, "1  2024-03-05 邮件 报价偏高  [价格、高] 未解决\n")
        XCTAssertEqual(run(["feedback", "LX2024001", "--lang", "en"]).out, "1  2024-03-05 email 报价偏高  [price, high] open\n")
    }

    func testRefusalsAndUsageErrorsAreInTheRunsLanguage() throws {
        let backwards = ["log", "LX2024001", "--channel", "phone", "--at", "2024-03-05 10:00", "--status", "untouched"]
        XCTAssertEqual(run(backwards).err, "leadbook log：状态从 初步接洽（contacted）退回到 未接触（untouched）；客户确实退回了的话，加 --force\n")
        XCTAssertEqual(run(backwards, ["LEADBOOK_LANG": "en"]).err,
                       "leadbook log: status contacted (初步接洽) -> untouched (未接触) moves backwards; pass --force if the customer really went back\n")
        let typo = run(["log", "LX2024001", "--chanel", "phone"])
        XCTAssertEqual(typo.code, .failure)
        XCTAssertTrue(typo.err.hasPrefix("leadbook log：没有 --chanel 这个选项，是不是要写 --channel？\n用法：leadbook log ID"), typo.err)
        XCTAssertTrue(run(["log", "LX2024001", "--chanel", "phone", "--lang", "en"]).err
            .hasPrefix("leadbook log: unknown option --chanel; did you mean --channel?\nusage: leadbook log ID"))
        XCTAssertEqual(run(["asign"]).err, "leadbook：没有 `asign` 这个命令，是不是要写 `assign`？\n运行 `leadbook --help` 查看所有命令\n")
        XCTAssertEqual(run(["new", "--name", "新客户", "--source", "website", "--intent", "A", "--budget", "20万"]).err,
                       "leadbook new：--budget 要写纯数字的金额，比如 200000，不能写 `20万`\n")
    }

    func testAnUnknownValueIsRefusedInTheWordsOfItsRuleInEitherLanguage() {
        let word = Wording<WritersInBothLanguagesTests>("unknown status `谈判`", "未知的客户状态 `谈判`",
                                                        hint: Phrase("did you mean `negotiation`?", "是不是要写 `商务谈判`？"))
        XCTAssertEqual(OptionValue.Message.unknownWord(word, "status"),
                       Phrase("--status: unknown status `谈判`; did you mean `negotiation`?", "--status：未知的客户状态 `谈判`；是不是要写 `商务谈判`？"))
        let bare = Wording<WritersInBothLanguagesTests>("unknown status `x`", "未知的客户状态 `x`")
        XCTAssertEqual(OptionValue.Message.unknownWord(bare, "status"), Phrase("--status: unknown status `x`", "--status：未知的客户状态 `x`"))
    }

    func testAChineseKeyNearAKeyOfTheEntryIsSuggested() {
        let refused = run(["log", "LX2024001", "--channel", "phone", "--set", "决策=已立项"])
        XCTAssertEqual(refused.code, .failure)
        XCTAssertTrue(refused.err.hasSuffix("决策进展（decision）、情绪（mood）、风险（risk）、需要支持（help）；是不是要写 决策进展（decision）？\n"), refused.err)
        XCTAssertTrue(run(["log", "LX2024001", "--channel", "phone", "--set", "decison=x", "--lang", "en"]).err
            .hasSuffix("use one of background (背景), pain (难点), need (需求), value (价值), change (变化), feedback (反馈), decision (决策进展), mood (情绪), risk (风险), help (需要支持); did you mean decision (决策进展)?\n"))
        XCTAssertEqual(LogCommand.nearestKey("价"), .value)
        XCTAssertEqual(LogCommand.nearestKey("需要"), .help)
        XCTAssertNil(LogCommand.nearestKey("需"), "需求 and 需要支持 both begin with it: no guess")
        XCTAssertNil(LogCommand.nearestKey("x"), "no ASCII prefix guess")
    }

    func testAFileThatCannotBeReadIsToldInTheRunsLanguage() throws {
        try "---\nid: LX2024002\nname: [未闭合\n---\n".write(to: root.appendingPathComponent("customers/LX2024002-broken.md"),
                                                        atomically: true, encoding: .utf8)
        let chinese = run(["log", "LX2024002", "--channel", "phone"])
        XCTAssertEqual(chinese.code, .failure)
        XCTAssertTrue(chinese.err.contains("customers/LX2024002-broken.md:3:"), chinese.err)
        XCTAssertTrue(chinese.err.contains(" 错误["), chinese.err)
        let english = run(["log", "LX2024002", "--channel", "phone"], ["LEADBOOK_LANG": "en"])
        XCTAssertTrue(english.err.contains(" error["), english.err)
        XCTAssertFalse(english.err.contains("错误["), english.err)
    }

    func testARefusedWriteCarriesItsNewErrorsInBothLanguages() throws {
        let bad = CustomerReader.read(path: "customers/LX2024002-broken.md", bytes: Array("---\nid: LX2024002\nname: [未闭合\n---\n".utf8),
                                      configuration: Configuration())
        let errors = bad.findings.diagnostics.filter { $0.severity == .error }
        XCTAssertFalse(errors.isEmpty)
        let refusal = Refusal(CustomerWrite.Refusal.newErrors(path: "customers/LX2024002-broken.md", errors))
        XCTAssertEqual(refusal.code, .findings)
        XCTAssertTrue(refusal.message.zh.hasPrefix("这样改会让 customers/LX2024002-broken.md 多出 \(errors.count) 个错误，什么都没有写：\n"), refusal.message.zh)
        XCTAssertTrue(refusal.message.zh.contains("customers/LX2024002-broken.md:3:11: 错误["), refusal.message.zh)
        XCTAssertTrue(refusal.message.en.contains("customers/LX2024002-broken.md:3:11: error["), refusal.message.en)
        XCTAssertFalse(refusal.message.en.hasSuffix("\n"), "the last line's break is the complaint's")
    }

    func testTheWholeWorkspaceWritersTellTheirFilesInTheRunsLanguage() throws {
        let console = RecordingConsole(language: .zhCN)
        let context = CommandContext(console: console, environment: [:], currentDirectory: root.path)
        CustomerSet.warnAboutErrors(["a.md", "b.md", "c.md", "d.md", "e.md", "f.md", "g.md"], "sync", context,
                                    consequence: IndexUpkeep.Message.leavesThemOut("INDEX.md"))
        XCTAssertEqual(console.errors, "leadbook sync：7 个文件有错误（a.md、b.md、c.md、d.md、e.md 等，另有 2 个）；INDEX.md 里没有它们；请运行 `leadbook check`\n")
        let english = RecordingConsole(language: .en)
        CustomerSet.warnAboutErrors(["a.md"], "sync", CommandContext(console: english, environment: [:], currentDirectory: root.path))
        XCTAssertEqual(english.errors, "leadbook sync: 1 file has errors (a.md); run `leadbook check`\n")
    }

    func testSyncSaysWhatItChangedByTheLanguagesWords() throws {
        try (Self.customer + "- 状态: 方案提交\n")
            .write(to: root.appendingPathComponent("customers/LX2024001-huadongyun.md"), atomically: true, encoding: .utf8)
        XCTAssertEqual(run(["sync"]).out, "已更新 customers/LX2024001-huadongyun.md：状态 初步接洽 → 方案提交\n已创建 INDEX.md\n已更新 1 个文件\n")
        XCTAssertEqual(run(["sync", "--lang", "en"]).out, "everything is in sync\n")
    }

    func testMergeNamesFieldsAndStatusesByTheLanguagesWords() throws {
        let other = """
            ---
            id: LX2024002
            name: 华东云科技
            source: exhibition
            intent: A
            revenue: 5000000
            decision_by: 2024-04-30
            tags: [老客户推荐]
            created: 2024-03-02 09:00
            status: proposal
            ---

            ## 跟进记录

            ### 2024-03-03 10:00 电话 张伟
            - 状态: 方案提交

            """
        let otherPath = root.appendingPathComponent("customers/LX2024002-huadongyun.md")
        try other.write(to: otherPath, atomically: true, encoding: .utf8)
        let keepPath = root.appendingPathComponent("customers/LX2024001-huadongyun.md")
        let before = (try Data(contentsOf: keepPath), try Data(contentsOf: otherPath))
        let arguments = ["merge", "LX2024001", "LX2024002", "--at", "2024-06-01T09:00"]
        let chinese = run(arguments).out
        XCTAssertTrue(chinese.contains("，新增：其他来源 +1、标签、年营收、决策时间，状态 初步接洽 → 方案提交\n"), chinese)
        XCTAssertTrue(chinese.contains("  名称：保留 华东云科技有限公司；LX2024002 原为 华东云科技\n"), chinese)
        let record = try String(contentsOf: keepPath, encoding: .utf8)
        XCTAssertTrue(record.contains("- 来源渠道：展会，录入于 2024-03-02 09:00\n"), record)
        XCTAssertTrue(record.contains("- 从 LX2024002 新增：其他来源 +1、标签、年营收、决策时间\n- 状态 初步接洽 → 方案提交\n"), record)
        try before.0.write(to: keepPath)
        try before.1.write(to: otherPath)
        let english = run(arguments, ["LEADBOOK_LANG": "en"]).out
        XCTAssertTrue(english.contains(", added: sources +1, tags, revenue, decision_by, status contacted -> proposal\n"), english)
        XCTAssertTrue(english.contains("  name: kept 华东云科技有限公司; LX2024002 had 华东云科技\n"), english)
    }

    func testNewPrintsThePathAloneInEitherLanguage() throws {
        let arguments = ["new", "--name", "杭州数智科技有限公司", "--source", "展会", "--intent", "B", "--at", "2024-05-06 10:00"]
        XCTAssertEqual(run(arguments).out, "customers/LX2024002-杭州数智科技.md\n")
        XCTAssertEqual(run(arguments + ["--force"], ["LEADBOOK_LANG": "en"]).out, "customers/LX2024003-杭州数智科技.md\n")
    }
}
