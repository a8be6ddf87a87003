import XCTest
@testable import LeadbookCore
@testable import LeadbookText

/// `EditorCompletion`: what is offered where, the word each item replaces, and nothing (never
/// a crash) where nothing fits.
final class EditorCompletionTests: XCTestCase {
    typealias F = EditorFixture

    func items(_ text: String, language: Language = .en) -> (EditorDocument, [EditorCompletion.Item]) {
        let (document, position) = F.document(text)
        return (document, EditorCompletion.items(document, at: position, now: F.now, language: language))
    }

    // MARK: - Front-matter keys

    func testANewTopLevelKeyOffersTheFieldsTheFileLacksWithTheirChineseLabels() {
        let (_, items) = items(F.customer(replacing: "owner: 王五\n", with: "owner: 王五\nne|\n"))
        let keys = items.map(\.label)
        XCTAssertTrue(keys.contains("needs"))
        XCTAssertTrue(keys.contains("decision_by"))
        XCTAssertFalse(keys.contains("status"), "a key the file has is not offered again (a duplicate key is an error)")
        XCTAssertFalse(keys.contains("owner"))
        let needs = items.first { $0.label == "needs" }
        XCTAssertEqual(needs?.detail, "需求")
        XCTAssertEqual(needs?.insertText, "needs: ")
        XCTAssertEqual(needs?.kind, .field)
        XCTAssertEqual(items.first { $0.label == "deal" }?.insertText, "deal:", "a map's value goes on the lines below")
    }

    func testTheKeyItemReplacesTheWordTypedAndKeepsAColonThatIsThere() {
        let (document, items) = items(F.customer(replacing: "status: qualified", with: "sta|tus: qualified"))
        let status = items.first { $0.label == "status" }
        XCTAssertEqual(status?.insertText, "status", "the line has its colon already")
        XCTAssertEqual(status.flatMap { $0.range }.map { document.offset(of: $0.end) - document.offset(of: $0.start) }, 6)
    }

    func testKeysOfAContactAndOfAPlanStep() {
        let contact = F.labels(F.customer(replacing: "    role: decision-maker\n", with: "    role: decision-maker\n    ti|\n"))
        XCTAssertEqual(Set(contact), ["title", "email", "wechat", "prefers"], "the contact's other keys")
        let step = F.labels(F.customer(replacing: "    channels: [phone, meeting]\n", with: "    channels: [phone, meeting]\n    |\n"))
        XCTAssertEqual(Set(step), ["goal", "points", "due", "owner", "expected", "fallback"])
        let newItem = F.labels(F.customer(replacing: "    role: decision-maker\n", with: "    role: decision-maker\n  - |\n"))
        XCTAssertEqual(newItem, CustomerReader.ContactField.allCases.map(\.rawValue), "a new item has none of the other item's keys")
    }

    func testKeysInAFlowMapOfTheScore() {
        let labels = F.labels(F.customer(replacing: "score: {size: 25, budget: 25, urgency: 20, decision: 20}", with: "score: {size: 25, bu|}"))
        XCTAssertTrue(labels.contains("budget"))
        XCTAssertTrue(labels.contains("reviewed_by"))
    }

    func testSourceDetailKeysFollowTheSource() {
        let labels = F.labels(F.customer(replacing: "source: website\n", with: "source: website\nsource_detail:\n  |\n"))
        XCTAssertEqual(labels, ["page", "keywords", "complete"])
    }

    // MARK: - Values

    func testStatusValuesInBothLanguagesTheRunsFirst() {
        let text = F.customer(replacing: "status: qualified", with: "status: |")
        let english = F.labels(text, language: .en)
        XCTAssertEqual(Array(english.prefix(7)), Status.allCases.map(\.rawValue))
        XCTAssertEqual(Array(english.suffix(7)), Status.allCases.map(\.label))
        let chinese = F.labels(text, language: .zhCN)
        XCTAssertEqual(chinese.first, "未接触")
        let (document, items) = items(F.customer(replacing: "status: qualified", with: "status: qual|ified"))
        let item = items.first { $0.label == "qualified" }!
        XCTAssertEqual(item.detail, "需求明确")
        XCTAssertEqual(item.range.map { String(decoding: document.bytes[document.offset(of: $0.start)..<document.offset(of: $0.end)], as: UTF8.self) },
                       "qualified", "the whole value is replaced")
    }

    func testEnumValuesOfEveryClosedField() {
        XCTAssertEqual(F.labels(F.customer(replacing: "intent: A", with: "intent: |")), ["A", "B", "C", "A级", "B级", "C级"])
        XCTAssertEqual(F.labels(F.customer(replacing: "grade: S", with: "grade: |")).prefix(4), ["S", "A", "B", "C"])
        XCTAssertEqual(F.labels(F.customer(replacing: "source: website", with: "source: |")).prefix(3), ["exhibition", "website", "referral"])
        XCTAssertTrue(F.labels(F.customer(replacing: "source: website", with: "source: |"), language: .zhCN).contains("官网表单"))
        XCTAssertEqual(F.labels(F.customer(replacing: "role: decision-maker", with: "role: |")).prefix(4), ["decision-maker", "influencer", "user", "gatekeeper"])
        XCTAssertEqual(F.labels(F.customer(replacing: "    role: decision-maker\n", with: "    prefers: |\n")).prefix(4), ["phone", "email", "meeting", "wechat"])
        XCTAssertEqual(F.labels(F.customer(replacing: "stage: initial-contact", with: "stage: |")).prefix(5),
                       ["initial-contact", "needs-deepening", "solution-comparison", "negotiation", "nurture"])
    }

    func testChannelsInAFlowListOfAPlanStep() {
        let (document, items) = items(F.customer(replacing: "channels: [phone, meeting]", with: "channels: [phone, me|eting]"))
        XCTAssertEqual(items.first?.kind, .channel)
        XCTAssertEqual(items.prefix(7).map(\.label), Channel.allCases.map(\.rawValue))
        let range = items.first!.range!
        XCTAssertEqual(String(decoding: document.bytes[document.offset(of: range.start)..<document.offset(of: range.end)], as: UTF8.self), "meeting")
        XCTAssertEqual(F.labels(F.customer(replacing: "    channels: [phone, meeting]", with: "    - {stage: nurture, channels: [|]}")).first, "phone")
    }

    func testTeamMembersAfterOwnerWithTheirRole() {
        let (_, items) = items(F.customer(replacing: "owner: 王五", with: "owner: |"))
        XCTAssertEqual(items.map(\.label), ["王五", "李雷"])
        XCTAssertEqual(items.first?.kind, .person)
        XCTAssertEqual(items.first?.detail, "senior, 华东组")
        let (_, chinese) = self.items(F.customer(replacing: "owner: 王五", with: "owner: |"), language: .zhCN)
        XCTAssertEqual(chinese.first?.detail, "资深销售，华东组")
        var noTeam = F.configuration
        noTeam.team = []
        XCTAssertEqual(F.labels(F.customer(replacing: "owner: 王五", with: "owner: |"), configuration: noTeam), [])
    }

    func testTodayWhereADateGoesAndNowWhereATimeGoes() {
        XCTAssertEqual(F.labels(F.customer(replacing: "status: qualified", with: "status: qualified\nnext: |")), ["2024-03-05"])
        XCTAssertEqual(F.labels(F.customer(replacing: "created: 2024-03-01 09:10", with: "created: |")), ["2024-03-05 09:30", "2024-03-05"])
        let (_, items) = items(F.customer(replacing: "status: qualified", with: "status: qualified\ndecision_by: |"), language: .zhCN)
        XCTAssertEqual(items.first?.detail, "今天")
        XCTAssertEqual(items.first?.kind, .date)
    }

    func testAValueInQuotesIsReplacedInsideThem() {
        let (document, items) = items(F.customer(replacing: "status: qualified", with: "status: \"qua|\""))
        let range = items.first!.range!
        XCTAssertEqual(String(decoding: document.bytes[document.offset(of: range.start)..<document.offset(of: range.end)], as: UTF8.self), "qua")
    }

    // MARK: - The log

    func testChannelsInAnEntryHeading() {
        let labels = F.labels(F.customer(replacing: "### 2024-03-01 10:30 meeting 张伟(技术总监)", with: "### 2024-03-01 10:30 m|"))
        XCTAssertEqual(labels.prefix(7), Channel.allCases.map(\.rawValue)[...])
        let (document, items) = items(F.customer(replacing: "### 2024-03-01 10:30 meeting 张伟(技术总监)", with: "### 2024-03-01 10:30 电|话(张伟)"), language: .zhCN)
        XCTAssertEqual(items.first?.label, "电话")
        let range = items.first!.range!
        XCTAssertEqual(String(decoding: document.bytes[document.offset(of: range.start)..<document.offset(of: range.end)], as: UTF8.self), "电话",
                       "the counterpart written against the channel is kept")
        XCTAssertEqual(F.labels(F.customer(replacing: "### 2024-03-03 meeting 方案缺少备份功能", with: "### 2024-03-03 |")).first, "phone")
        XCTAssertEqual(F.labels(F.customer(replacing: "### 2024-03-01 10:30 meeting 张伟(技术总监)", with: "### 2024-03-01 10:30 meeting 张|伟")), [],
                       "the counterpart is free text")
    }

    func testTheDateOfANewHeading() {
        XCTAssertEqual(F.labels(F.customer(replacing: "### 2024-03-01 10:30 meeting 张伟(技术总监)", with: "### |")), ["2024-03-05 09:30", "2024-03-05"])
        XCTAssertEqual(F.labels(F.customer(replacing: "### 2024-03-03 meeting 方案缺少备份功能", with: "### 2024|-03-03 meeting 方案")), ["2024-03-05"],
                       "a feedback heading has a date, no time")
    }

    func testEntryKeysInAFollowUpAndInFeedback() {
        let followUp = F.labels(F.customer(replacing: "- need: 高稳定性服务器", with: "- need: 高稳定性服务器\n- mo|"))
        XCTAssertEqual(Array(followUp.prefix(EntryKey.followUpKeys.count)), EntryKey.followUpKeys.map(\.rawValue))
        XCTAssertEqual(Array(followUp.suffix(EntryKey.followUpKeys.count)), EntryKey.followUpKeys.map(\.label))
        XCTAssertTrue(followUp.contains("risk") && followUp.contains("需要支持"), "the weekly report's keys: \(followUp)")
        let feedback = F.labels(F.customer(replacing: "- handling: fix", with: "- handling: fix\n- |"))
        XCTAssertEqual(Array(feedback.prefix(EntryKey.feedbackKeys.count)), EntryKey.feedbackKeys.map(\.rawValue))
        XCTAssertTrue(feedback.contains("satisfaction") && feedback.contains("满意度"))
        let (_, items) = items(F.customer(replacing: "- need: 高稳定性服务器", with: "- need: 高稳定性服务器\n- |"))
        XCTAssertEqual(items.first?.insertText, "background: ")
        XCTAssertEqual(items.first?.detail, "背景")
        XCTAssertEqual(items.first?.kind, .key)
        let chinese = F.customer(replacing: "## Follow-ups", with: "## 跟进记录").replacingOccurrences(of: "- need: 高稳定性服务器", with: "- |")
        let (_, chineseItems) = self.items(chinese)
        XCTAssertEqual(chineseItems.first?.label, "背景", "a Chinese log gets the Chinese keys first")
        XCTAssertEqual(chineseItems.first?.insertText, "背景：")
    }

    func testEntryValues() {
        XCTAssertEqual(F.labels(F.customer(replacing: "- need: 高稳定性服务器", with: "- mood: |")).prefix(3), ["positive", "hesitant", "resistant"])
        XCTAssertEqual(F.labels(F.customer(replacing: "- status: qualified", with: "- status: pro|")).prefix(7), Status.allCases.map(\.rawValue)[...])
        XCTAssertEqual(F.labels(F.customer(replacing: "- type: product", with: "- type: |")).prefix(4), ["product", "price", "service", "decision"])
        XCTAssertEqual(F.labels(F.customer(replacing: "- handling: fix", with: "- handling: |")).prefix(3), ["fix", "negotiate", "decline"])
        XCTAssertEqual(F.labels(F.customer(replacing: "- handling: fix", with: "- handling: fix\n- owner: |")), ["王五", "李雷"])
        XCTAssertEqual(F.labels(F.customer(replacing: "- status: qualified", with: "- next: |")), ["2024-03-05"])
        XCTAssertEqual(F.labels(F.customer(replacing: "- handling: fix", with: "- handling: fix\n- satisfaction: |")), ["5", "4", "3", "2", "1"])
        let (_, scores) = items(F.customer(replacing: "- handling: fix", with: "- handling: fix\n- 满意度: |"))
        XCTAssertEqual(scores.first?.detail, "very satisfied")
        XCTAssertEqual(F.labels(F.customer(replacing: "- need: 高稳定性服务器", with: "- 情绪：|")).prefix(3), ["positive", "hesitant", "resistant"],
                       "a Chinese key with a full-width colon")
    }

    func testToDosTheirDateAndTheirOwnerAfterAnAt() {
        XCTAssertEqual(F.labels(F.customer(replacing: "- [ ] 2024-03-03 提交定制方案 @王五", with: "- [ ] |")), ["2024-03-05"])
        XCTAssertEqual(F.labels(F.customer(replacing: "- [ ] 2024-03-03 提交定制方案 @王五", with: "- [ ] 2024-03-03 提交定制方案 @|")), ["王五", "李雷"])
        XCTAssertEqual(F.labels(F.customer(replacing: "- [ ] 2024-03-03 提交定制方案 @王五", with: "- todo: 2024-03-03 提交方案 ＠李|")), ["王五", "李雷"])
        XCTAssertEqual(F.labels(F.customer(replacing: "- [ ] 2024-03-03 提交定制方案 @王五", with: "- [ ] 2024-03-03 提|交定制方案")), [])
        let (document, items) = items(F.customer(replacing: "- [ ] 2024-03-03 提交定制方案 @王五", with: "- [x] 2024-03-03 提交定制方案 @王|五"))
        let range = items.first!.range!
        XCTAssertEqual(String(decoding: document.bytes[document.offset(of: range.start)..<document.offset(of: range.end)], as: UTF8.self), "王五")
    }

    // MARK: - Boundaries

    func testNothingWhereNothingFits() {
        XCTAssertEqual(F.labels("|"), [], "an empty file")
        XCTAssertEqual(F.labels("# 华东云\n\n一些笔记 |\n"), [], "a file without front matter")
        XCTAssertEqual(F.labels(F.customer(replacing: "# 华东云科技有限公司", with: "# 华东云|科技有限公司")), [])
        XCTAssertEqual(F.labels(F.customer(replacing: "## Follow-ups", with: "## Follow-|ups")), [])
        XCTAssertEqual(F.labels(F.customer(replacing: "- need: 高稳定性服务器", with: "- need: 高稳定|性服务器")), [], "a free text value")
        XCTAssertEqual(F.labels(F.customer(replacing: "name: 华东云科技有限公司", with: "name: 华东云|科技有限公司 # 全称")), [])
        XCTAssertEqual(F.labels(F.customer(replacing: "status: qualified", with: "status: qualified # 见|记录")), [], "a comment")
        XCTAssertEqual(F.labels(F.customer(replacing: "status: qualified", with: "needs: >\n  sta|")), [],
                       "the lines of a block scalar are text")
        XCTAssertEqual(F.labels(F.customer(replacing: "## Follow-ups\n", with: "## Follow-ups\n\n```\n- sta|\n```\n")), [], "a fenced block")
        let (document, _) = F.document(F.customer + "|")
        for line in [-1, document.lineCount, document.lineCount + 5] {
            XCTAssertEqual(EditorCompletion.items(document, at: EditorPosition(line: line, column: 0), now: F.now, language: .en), [])
        }
        XCTAssertNotNil(EditorCompletion.items(document, at: EditorPosition(line: 4, column: 1_000), now: F.now, language: .en))
    }

    func testAtTheStartAndTheEndOfALine() {
        XCTAssertTrue(F.labels(F.customer(replacing: "status: qualified", with: "|status: qualified")).contains("status"),
                      "at the start of a key: its own key is offered (it is the one being replaced)")
        XCTAssertEqual(F.labels(F.customer(replacing: "status: qualified", with: "status: qualified|")).prefix(2), ["untouched", "contacted"])
        XCTAssertEqual(F.labels(F.customer(replacing: "status: qualified", with: "status:|")).first, "untouched")
        let (_, glued) = items(F.customer(replacing: "status: qualified", with: "status:|"))
        XCTAssertEqual(glued.first?.insertText, " untouched", "YAML needs the space after the colon")
        let (_, entry) = items(F.customer(replacing: "- status: qualified", with: "- next:|"))
        XCTAssertEqual(entry.first?.insertText, " 2024-03-05")
        let (_, spaced) = items(F.customer(replacing: "status: qualified", with: "status: |"))
        XCTAssertEqual(spaced.first?.insertText, "untouched")
    }

    func testAFrontMatterNotYetClosedAndBrokenYAML() {
        XCTAssertEqual(F.labels("---\nid: LX2024009\nstatus: |\n").first, "untouched", "while the closing line is not typed yet")
        XCTAssertTrue(F.labels("---\nid: LX2024009\nname: [unclosed\nsta|\n---\n").contains("status"), "a YAML error elsewhere")
        XCTAssertEqual(F.labels("---\r\nid: LX2024009\r\nstatus: |\r\n---\r\n").first, "untouched", "CRLF lines")
        XCTAssertEqual(F.labels("\u{FEFF}---\nstatus: |\n---\n").first, "untouched", "a BOM")
        XCTAssertTrue(F.labels("---\nowner： |\n---\n").contains("王五"), "a full-width colon")
    }

    func testColumnsAfterChineseAndNonBMPTextAreBytes() {
        // 𠀀 (CJK Ext-B) and 😀 are four bytes and two UTF-16 units each; 张 three bytes, one unit.
        let text = F.customer(replacing: "- [ ] 2024-03-03 提交定制方案 @王五", with: "- [ ] 2024-03-03 𠀀😀张 提交 @李|")
        let (document, position) = F.document(text)
        let line = Array(document.lineText(position.line))
        XCTAssertEqual(position.column, line.count, "the cursor at the end of the line, in bytes")
        let items = EditorCompletion.items(document, at: position, now: F.now, language: .en)
        XCTAssertEqual(items.map(\.label), ["王五", "李雷"])
        let range = items.first!.range!
        XCTAssertEqual(range.start.line, position.line)
        XCTAssertEqual(range.start.column, line.count - 3, "after `@`: the three bytes of 李 before the end")
        XCTAssertEqual(Array(line[range.start.column..<range.end.column]), Array("李".utf8))
    }

    /// Every position of odd files (and some past their ends) answers, never crashes.
    func testEveryPositionOfOddFilesAnswers() {
        let texts = [
            "", "\n", "---", "---\n", "---\n---\n", "\u{FEFF}", "\u{FEFF}---\r\n- \r\n  - [\r\n---\r\n### \r\n",
            "---\nscore: {size: [1, {a: \"x, y: 'z\n- - - \n  : \n:\n---\n## Follow-ups\n###\n### 2024-13-45 25:99 ＠ @\n- [ ] @\n- todo:\n- ：\n",
            "---\nstatus: |\n  qualified\nplan:\n  - {stage: , channels: [,,]}\n  - stage: >-\n---\n## 客户反馈\n### 2024-03-01\n- 类型：\n```\n### x\n",
            "---\nname: 𠀀😀\u{0301}张\r\nowner：\u{3000}王五 # 😀\n---\n## Feedback\n### 2024-03-01 电话（张伟）😀\n- [ｘ] 2024-03-01 𠀀 ＠王\n",
            "---\nplan:\n  - channels:\n      -   \ntags:\n  -   \ncontacts:\n  -   \n  - {name:   , role: }\n---\n", F.customer, String(decoding: [0x2D, 0x2D, 0x2D, 0x0A, 0xFF, 0xFE, 0x3A, 0x20, 0xC3, 0x0A, 0x2D, 0x2D, 0x2D, 0x0A], as: UTF8.self),
        ]
        for text in texts {
            var bytes = Array(text.utf8)
            if text.isEmpty { bytes = [] }
            for raw in [bytes, bytes + [0xE4, 0xBD]] {
                let document = EditorDocument(bytes: raw, path: F.path, configuration: F.configuration)
                for line in -1...(document.lineCount + 1) {
                    let length = line >= 0 && line < document.lineCount ? document.lineText(line).count : 0
                    for column in [-1] + Array(0...(length + 2)) {
                        let position = EditorPosition(line: line, column: column)
                        let cursor = document.position(of: document.offset(of: position))
                        for item in EditorCompletion.items(document, at: position, now: F.now, language: .zhCN) {
                            guard let range = item.range else { continue }
                            XCTAssertEqual(range.start.line, range.end.line, "one line")
                            XCTAssertTrue(range.contains(cursor), "\(range) holds the cursor \(cursor) in \(text.debugDescription)")
                        }
                        if let hover = EditorHover.hover(document, at: position, language: .en, customerName: { _ in "x" }) {
                            XCTAssertTrue(hover.range.contains(cursor), "\(hover.range) holds the cursor \(cursor)")
                        }
                    }
                }
                _ = EditorOutline.symbols(document, language: .en)
            }
        }
    }
}
