import XCTest
@testable import LeadbookCore

final class DuplicateKeysTests: XCTestCase {
    func testPhonesCompareAsDigitsWithoutTheCountryCode() {
        XCTAssertEqual(DuplicateKeys.phone("+86 138-0000-0001"), "13800000001")
        XCTAssertEqual(DuplicateKeys.phone("0086 13800000001"), "13800000001")
        XCTAssertEqual(DuplicateKeys.phone("（138）0000 0001"), "13800000001")
        XCTAssertEqual(DuplicateKeys.phone("１３８００００００01"), "13800000001")
        XCTAssertNil(DuplicateKeys.phone("无"))
    }

    func testEmailsIgnoreCase() {
        XCTAssertEqual(DuplicateKeys.email(" Zhang.Wei@Example.COM "), "zhang.wei@example.com")
        XCTAssertNil(DuplicateKeys.email("not an email"))
    }

    func testNamesIgnoreWidthSpacesPunctuationAndCompanySuffixes() {
        let expected = DuplicateKeys.name("华东云科技")
        XCTAssertEqual(DuplicateKeys.name("华东云科技有限公司"), expected)
        XCTAssertEqual(DuplicateKeys.name("华东云科技股份有限公司"), expected)
        XCTAssertEqual(DuplicateKeys.name("华东云 科技（集团）"), DuplicateKeys.name("华东云科技集团"))
        XCTAssertEqual(DuplicateKeys.name("ＡＢＣ Trading Co., Ltd."), DuplicateKeys.name("abc trading"))
        XCTAssertNotEqual(DuplicateKeys.name("华东云科技"), DuplicateKeys.name("华南云科技"))
    }

    func testGroupsJoinCustomersThatShareAnyKey() {
        var index = DuplicateIndex()
        var zhang = Contact(); zhang.name = "张伟"; zhang.phone = "13800000001"
        var zhangMail = Contact(); zhangMail.name = "张伟"; zhangMail.email = "zw@example.com"
        var other = Contact(); other.name = "李四"; other.email = "ZW@example.com"
        index.add(id: "LX1", path: "a.md", name: "华东云科技有限公司", contacts: [zhang])
        index.add(id: "LX2", path: "b.md", name: "华东云科技", contacts: [zhangMail])
        index.add(id: "LX3", path: "c.md", name: "另一家公司", contacts: [other])
        index.add(id: "LX4", path: "d.md", name: "无关公司", contacts: [])
        let groups = index.groups()
        XCTAssertEqual(groups.count, 1)
        XCTAssertEqual(groups[0].0.map(\.id), ["LX1", "LX2", "LX3"])
        XCTAssertEqual(Set(groups[0].1.map(\.kind)), [.name, .email])
        let matches = index.matches(name: "华东云科技集团", contacts: [])
        XCTAssertEqual(matches.map(\.0.id), ["LX1", "LX2"])
    }
}
