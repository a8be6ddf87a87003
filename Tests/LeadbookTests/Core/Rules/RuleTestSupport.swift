import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// Fixtures shared by the rule tests: a minimal valid customer whose lines are known, the
/// full example of the record-format spec, and ways to read them.
enum RuleFixture {
    static let path = "customers/LX2024001-huadongyun.md"

    /// The six required fields. With the opening `---` on line 1 they are lines 2 to 7;
    /// the closing `---` is line 8 and the body starts on line 9. A line added with
    /// `customer(adding:)` is line 8 (the closing `---` moves down).
    static let requiredLines = [
        "id: LX2024001",
        "name: 华东云科技有限公司",
        "source: website",
        "intent: A",
        "created: 2024-03-01 09:10",
        "status: qualified",
    ]

    /// A customer file: the required lines with `set` lines replacing the line of the same
    /// key in place, `removing` keys left out, `adding` lines after them, then `body`
    /// (which starts on the line after the closing `---`).
    static func customer(set: [String] = [], adding: [String] = [], removing: Set<String> = [], body: String = "") -> String {
        var lines: [String] = []
        for line in requiredLines {
            let key = keyOf(line)
            if removing.contains(key) { continue }
            lines.append(set.first(where: { keyOf($0) == key }) ?? line)
        }
        lines.append(contentsOf: adding)
        return "---\n" + lines.joined(separator: "\n") + "\n---\n" + body
    }

    /// Lines 1 to 8 (front matter with its two `---` lines); append a body to it.
    static var head: String { customer() }

    /// A customer with one follow-up. Body lines: 9 blank, 10 `## Follow-ups`, 11 blank,
    /// 12 `### heading`, 13 and on the items.
    static func followUp(_ heading: String, _ items: [String] = []) -> String {
        customer(body: "\n## Follow-ups\n\n### \(heading)\n" + items.map { $0 + "\n" }.joined())
    }

    /// A customer with one feedback entry. Body lines: 9 blank, 10 `## Feedback`, 11 blank,
    /// 12 the heading, 13 and on the items.
    static func feedback(_ items: [String], heading: String = "2024-03-03 meeting 方案缺少数据备份功能") -> String {
        customer(body: "\n## Feedback\n\n### \(heading)\n" + items.map { $0 + "\n" }.joined())
    }

    private static func keyOf(_ line: String) -> String {
        String(line.prefix(while: { $0 != ":" }))
    }

    /// The example customer of the record format (../shared/spec/record-format.md, also in
    /// docs/format.md), verbatim: it must read clean.
    static let specExample = """
        ---
        id: LX2024001
        name: 华东云科技有限公司
        industry: 互联网
        region: 华东
        employees: 500
        revenue: 120000000
        source: website
        source_detail:
          page: 企业解决方案
          keywords: [数据安全, 服务器升级]
        contacts:
          - name: 张伟
            title: 技术总监
            phone: "13800000001"
            email: zhang.wei@example.com
            prefers: phone
            role: decision-maker
        needs: 数据安全、服务器升级
        budget: 200000
        decision_by: 2024-04-01
        intent: A
        score: {size: 25, budget: 25, urgency: 20, decision: 20}
        grade: S
        tags: [决策链复杂, 竞品对比中]
        owner: 王五
        created: 2024-03-01 09:10
        assigned: 2024-03-01 09:40
        status: qualified
        next: 2024-03-03
        plan:
          - stage: initial-contact
            goal: 获取采购总监联系方式, 确认决策链
            channels: [phone, meeting]
            points: 了解服务器宕机影响; 确认采购流程
            due: 2024-03-01
            expected: 约定3月3日面谈
            fallback: 若采购总监忙, 先对接技术部
        ---

        # 华东云科技有限公司

        Any free Markdown here is kept as it is.

        ## Follow-ups

        ### 2024-03-01 10:30 meeting 张伟(技术总监)
        - background: 服务器月均宕机5次
        - pain: 影响客户交付
        - need: 高稳定性服务器
        - value: 降低宕机率90%
        - change: 需增加"数据备份"功能
        - mood: positive
        - status: qualified
        - [ ] 2024-03-03 提交定制方案 @王五
        - next: 2024-03-03

        Free notes under an entry are kept as they are.

        ## Feedback

        ### 2024-03-03 meeting 方案缺少"数据备份"功能, 担心数据安全
        - type: product
        - priority: high
        - why: 业务扩张后数据量激增
        - why: 备份需求凸显
        - handling: fix
        - plan: 协调技术团队3月5日前提供备份模块方案
        - owner: 王五
        - due: 2024-03-05
        - resolved: 2024-03-05
        - confirmed: 2024-03-06 客户认可

        """

    static func read(_ text: String, path: String = RuleFixture.path,
                     configuration: Configuration = Configuration()) -> CustomerReader.Result {
        CustomerReader.read(path: path, bytes: Array(text.utf8), configuration: configuration)
    }

    static func diagnostics(_ text: String, path: String = RuleFixture.path,
                            configuration: Configuration = Configuration()) -> [Diagnostic] {
        read(text, path: path, configuration: configuration).findings.diagnostics
    }

    static func diagnostics(bytes: [UInt8], path: String = RuleFixture.path) -> [Diagnostic] {
        CustomerReader.read(path: path, bytes: bytes, configuration: Configuration()).findings.diagnostics
    }

    /// leadbook.yml read from text.
    static func configuration(_ text: String) -> (Configuration, [Diagnostic]) {
        ConfigurationReader.read(SourceText(path: "leadbook.yml", bytes: Array(text.utf8)))
    }

    static func describe(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.isEmpty ? "(none)" : diagnostics.map {
            "\($0.file):\($0.line):\($0.column) \($0.severity.rawValue) [\($0.rule)] \($0.message) | hint: \($0.hint)"
        }.joined(separator: "\n")
    }
}

/// Assertions on diagnostics. `at:` is (line, column), both 1-based, columns in characters.
enum RuleAssert {
    static func clean(_ diagnostics: [Diagnostic], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(diagnostics.isEmpty, "expected no diagnostics, got:\n\(RuleFixture.describe(diagnostics))", file: file, line: line)
    }

    /// Exactly one diagnostic, and it is the expected one.
    @discardableResult
    static func only(_ diagnostics: [Diagnostic], _ rule: String, _ severity: Severity = .error, at position: (Int, Int),
                     message: [String] = [], hint: [String] = [], path: String? = nil,
                     file: StaticString = #filePath, line: UInt = #line) -> Diagnostic? {
        guard diagnostics.count == 1 else {
            XCTFail("expected exactly one [\(rule)] diagnostic, got \(diagnostics.count):\n\(RuleFixture.describe(diagnostics))", file: file, line: line)
            return nil
        }
        matches(diagnostics[0], rule, severity, at: position, message: message, hint: hint, path: path, file: file, line: line)
        return diagnostics[0]
    }

    /// The diagnostics are exactly these (rule, line, column), in the order `check` prints them
    /// (by line, then column, then rule).
    static func rules(_ diagnostics: [Diagnostic], _ expected: [(String, Int, Int)], file: StaticString = #filePath, line: UInt = #line) {
        let actual = diagnostics.sorted(by: Diagnostic.ordered).map { "\($0.rule)@\($0.line):\($0.column)" }
        let wanted = expected.map { "\($0.0)@\($0.1):\($0.2)" }
        XCTAssertEqual(actual, wanted, "\n\(RuleFixture.describe(diagnostics))", file: file, line: line)
    }

    /// Exactly one diagnostic, of `rule` at `position`, saying `message` with `hint` (the
    /// whole texts).
    @discardableResult
    static func one(_ diagnostics: [Diagnostic], _ rule: String, _ severity: Severity = .error, at position: (Int, Int),
                    says message: String, hint: String, path: String? = nil,
                    file: StaticString = #filePath, line: UInt = #line) -> Diagnostic? {
        guard let diagnostic = only(diagnostics, rule, severity, at: position, path: path, file: file, line: line) else { return nil }
        XCTAssertEqual(diagnostic.message, message, file: file, line: line)
        XCTAssertEqual(diagnostic.hint, hint, file: file, line: line)
        return diagnostic
    }

    static func matches(_ diagnostic: Diagnostic, _ rule: String, _ severity: Severity = .error, at position: (Int, Int),
                        message: [String] = [], hint: [String] = [], path: String? = nil,
                        file: StaticString = #filePath, line: UInt = #line) {
        let shown = RuleFixture.describe([diagnostic])
        XCTAssertEqual(diagnostic.rule.id, rule, shown, file: file, line: line)
        XCTAssertEqual(diagnostic.severity, severity, shown, file: file, line: line)
        XCTAssertEqual(diagnostic.line, position.0, "line of \(shown)", file: file, line: line)
        XCTAssertEqual(diagnostic.column, position.1, "column of \(shown)", file: file, line: line)
        if let path { XCTAssertEqual(diagnostic.file, path, shown, file: file, line: line) }
        for fact in message {
            XCTAssertTrue(diagnostic.message.contains(fact), "message should mention `\(fact)`: \(shown)", file: file, line: line)
        }
        for fact in hint {
            XCTAssertTrue(diagnostic.hint.contains(fact), "hint should mention `\(fact)`: \(shown)", file: file, line: line)
        }
    }
}

/// A workspace folder on disk for the cross-file rules; `remove()` it in tearDown.
/// A test case with a temporary workspace made before each test (`prepare` adds its files)
/// and removed after it.
class RuleWorkspaceTestCase: XCTestCase {
    var workspace: RuleTemporaryWorkspace!

    /// The files every test of the case starts with.
    func prepare() throws {}

    override func setUpWithError() throws {
        workspace = try RuleTemporaryWorkspace()
        try prepare()
    }

    override func tearDown() {
        workspace?.remove()
        workspace = nil
    }
}

final class RuleTemporaryWorkspace {
    let root: String

    init() throws {
        var base = NSTemporaryDirectory()
        if !base.hasSuffix("/") { base += "/" }
        root = base + "leadbook-rules-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/customers", withIntermediateDirectories: true)
    }

    func write(_ relative: String, _ text: String) throws {
        try write(relative, bytes: Array(text.utf8))
    }

    func write(_ relative: String, bytes: [UInt8]) throws {
        let url = URL(fileURLWithPath: root + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    func folder(_ relative: String) throws {
        try FileManager.default.createDirectory(atPath: root + "/" + relative, withIntermediateDirectories: true)
    }

    /// A symbolic link at `relative` to `destination` (as written in the link).
    func link(_ relative: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(atPath: root + "/" + relative, withDestinationPath: destination)
    }

    func check() -> [Diagnostic] {
        WorkspaceCheck.run(Workspace.open(root: root)).diagnostics
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: root)
    }
}
