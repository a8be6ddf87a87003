import XCTest
@testable import LeadbookCore
@testable import LeadbookText

/// Customer files for the editor's tests, and the position of a `|` cursor in them.
enum EditorFixture {
    static let path = "customers/LX2024001-huadongyun.md"

    static var configuration: Configuration {
        var configuration = Configuration()
        var wang = TeamMember(name: "王五")
        wang.role = .senior
        wang.group = "华东组"
        var li = TeamMember(name: "李雷")
        li.role = .junior
        configuration.team = [wang, li]
        return configuration
    }

    static let now = LocalDateTime(date: LocalDate(year: 2024, month: 3, day: 5)!, minutes: 9 * 60 + 30)

    static let customer = """
        ---
        id: LX2024001
        name: 华东云科技有限公司
        source: website
        contacts:
          - name: 张伟
            phone: "13800000001"
            role: decision-maker
        intent: A
        score: {size: 25, budget: 25, urgency: 20, decision: 20}
        grade: S
        owner: 王五
        created: 2024-03-01 09:10
        status: qualified
        plan:
          - stage: initial-contact
            channels: [phone, meeting]
        ---

        # 华东云科技有限公司

        ## Follow-ups

        ### 2024-03-01 10:30 meeting 张伟(技术总监)
        - need: 高稳定性服务器
        - status: qualified
        - [ ] 2024-03-03 提交定制方案 @王五

        ## Feedback

        ### 2024-03-03 meeting 方案缺少备份功能
        - type: product
        - handling: fix

        """

    /// The document of `text` with its one `|` taken out, and the cursor's position there.
    static func document(_ text: String, configuration: Configuration = EditorFixture.configuration,
                         file: StaticString = #filePath, line: UInt = #line) -> (EditorDocument, EditorPosition) {
        var bytes = Array(text.utf8)
        guard let bar = bytes.firstIndex(of: UInt8(ascii: "|")) else {
            XCTFail("no cursor `|` in the text", file: file, line: line)
            return (EditorDocument(bytes: bytes, path: path, configuration: configuration), EditorPosition(line: 0, column: 0))
        }
        bytes.remove(at: bar)
        let document = EditorDocument(bytes: bytes, path: path, configuration: configuration)
        return (document, document.position(of: bar))
    }

    /// `customer` with `old` replaced by `new` (which holds the cursor).
    static func customer(replacing old: String, with new: String) -> String {
        guard let range = customer.range(of: old) else { preconditionFailure("no `\(old)` in the fixture") }
        return customer.replacingCharacters(in: range, with: new)
    }

    static func labels(_ text: String, language: Language = .en, configuration: Configuration = EditorFixture.configuration,
                       file: StaticString = #filePath, line: UInt = #line) -> [String] {
        let (document, position) = self.document(text, configuration: configuration, file: file, line: line)
        return EditorCompletion.items(document, at: position, now: now, language: language).map(\.label)
    }
}
