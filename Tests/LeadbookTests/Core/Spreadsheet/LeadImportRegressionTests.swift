import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

final class LeadImportRegressionTests: XCTestCase {
    /// A new key placed after a list must follow the list's new item (they go to the same place).
    func testFilledKeysFollowTheItemsAppendedToTheListBeforeThem() throws {
        let path = "customers/LX2024001-huadongyun.md"
        let text = try String(contentsOf: Transcript.fixtures.appendingPathComponent("import-export/workspace/" + path), encoding: .utf8)
        var lead = Lead(row: 3, line: 4, name: "华东云科技有限公司", source: "exhibition", intent: .B, created: LocalDateTime("2024-03-06")!)
        var contact = Contact()
        contact.name = "刘洋"
        contact.phone = "13800000002"
        lead.contact = contact
        lead.fields[.needs] = "高可用"
        let merge = try SourceAddition(lead, to: Array(text.utf8), path: path, configuration: Configuration())
        let merged = String(decoding: merge.bytes, as: UTF8.self)
        XCTAssertTrue(merged.contains("""
            phone: "13800000001"   # 手机
            email: zhang.wei@example.com
          - name: 刘洋
            phone: "13800000002"
        needs: 高可用
        intent: A

        """), merged)
        XCTAssertEqual(merge.newErrors, [])
        XCTAssertEqual(merge.changes.map(\.en), ["source exhibition 2024-03-06", "contact 刘洋", "needs 高可用"])
        XCTAssertEqual(merge.changes.map(\.zh), ["新增来源 展会 2024-03-06", "新增联系人 刘洋", "补填需求 高可用"])
    }
}
