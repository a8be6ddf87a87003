import Foundation
import XCTest
@testable import LeadbookCore
@testable import LeadbookText

/// A piece of text against a customer's values: Latin letters in either case, phones by their
/// digits, whole values against pieces, the log's lines with their entries.
final class CustomerSearchTests: XCTestCase {
    static let file = """
        ---
        id: LX2024001
        name: 成都天府食品有限公司
        source: exhibition
        intent: A
        created: 2024-05-12 20:15
        status: contacted
        tags: [老客户推荐, Price-Sensitive]
        contacts:
          - name: 李总
            phone: "138 0000-0101"
            email: Li.Zong@Tianfu.example.com
        ---

        # 成都天府食品有限公司

        ## 跟进记录

        ### 2024-05-13 10:00 电话 李总
        - 反馈: 希望看到同行案例
        - 状态: 初步接洽

        ## 客户反馈

        ### 2024-05-14 电话 报价偏高
        - 类型: 价格

        """

    func read() -> (Customer, CustomerReader.Result, [UInt8]) {
        let bytes = Array(Self.file.utf8)
        let result = CustomerReader.read(path: "customers/LX2024001-chengdu-tianfu.md", bytes: bytes, configuration: Configuration())
        XCTAssertEqual(result.findings.diagnostics.filter { $0.severity == .error }, [])
        return (result.customer!, result, bytes)
    }

    func naming(_ text: String) -> [CustomerSearch.Match] {
        CustomerSearch.naming(CustomerSearch.Query(text)!, read().0, path: "customers/LX2024001-chengdu-tianfu.md")
    }

    func testAPieceOfTheNameAndTheWholeName() {
        XCTAssertEqual(naming("天府"), [.init(field: .name, value: "成都天府食品有限公司", whole: false)])
        XCTAssertEqual(naming(" 成都天府食品有限公司 "), [.init(field: .name, value: "成都天府食品有限公司", whole: true)], "spaces around are ignored")
        XCTAssertEqual(naming("李总"), [.init(field: .contact, value: "李总", whole: true)])
        XCTAssertEqual(naming("重庆"), [])
    }

    func testPhonesCompareByTheirDigits() {
        let phone = CustomerSearch.Match(field: .phone, value: "138 0000-0101", whole: true)
        XCTAssertEqual(naming("13800000101"), [phone])
        XCTAssertEqual(naming("138-0000-0101"), [phone])
        XCTAssertEqual(naming("+(138) 0000 0101"), [phone])
        XCTAssertEqual(naming("+86 138 0000 0101"), [phone], "the country code is not part of the number")
        XCTAssertEqual(naming("0086-13800000101"), [phone])
        XCTAssertEqual(naming("１３８０００００１０１"), [phone], "full-width digits")
        XCTAssertEqual(naming("0101"), [.init(field: .phone, value: "138 0000-0101", whole: false)])
        XCTAssertEqual(CustomerSearch.comparePhone(CustomerSearch.Query("13800000101")!, "+86 138-0000-0101"), true, "a number written with its country code")
        XCTAssertEqual(naming("101"), [], "three digits are too few to name a phone")
        XCTAssertNil(CustomerSearch.Query("101")?.digits)
        XCTAssertNil(CustomerSearch.Query("0101 李")?.digits, "a text with letters is not a phone number")
    }

    func testTheShortNameOfTheFileNameWhenNothingElseMatches() {
        XCTAssertEqual(CustomerSearch.shortName(ofPath: "customers/2024/LX2024002-hengli.md"), "hengli")
        XCTAssertEqual(CustomerSearch.shortName(ofPath: "customers/LX2024016-华东云.md"), "华东云")
        XCTAssertEqual(CustomerSearch.shortName(ofPath: "customers/LX2024003.md"), "")
        XCTAssertEqual(naming("Chengdu"), [.init(field: .fileName, value: "LX2024001-chengdu-tianfu.md", whole: false)], "Latin letters in either case")
    }

    func testEverywhereFindsEmailsTagsAndLogLinesWithTheirEntries() {
        let (customer, result, bytes) = read()
        func everywhere(_ text: String) -> [CustomerSearch.Match] {
            CustomerSearch.everywhere(CustomerSearch.Query(text)!, customer, bytes: bytes, body: result.layout?.body,
                                      firstLine: result.layout!.bodyFirstLine)
        }
        XCTAssertEqual(everywhere("tianfu.EXAMPLE"), [.init(field: .email, value: "Li.Zong@Tianfu.example.com", whole: false)])
        XCTAssertEqual(everywhere("price-sensitive"), [.init(field: .tag, value: "Price-Sensitive", whole: true)])
        XCTAssertEqual(everywhere("同行案例"), [.init(field: .followUp, value: "- 反馈: 希望看到同行案例", whole: false, line: 20,
                                                   date: LocalDate("2024-05-13"))])
        XCTAssertEqual(everywhere("报价偏高"), [.init(field: .feedback, value: "### 2024-05-14 电话 报价偏高", whole: false, line: 25,
                                                   date: LocalDate("2024-05-14"))])
        let heading = everywhere("天府食品")
        XCTAssertEqual(heading.map(\.field), [.name, .body], "the name, and the heading line outside any entry")
        XCTAssertEqual(heading.last?.line, 15)
        XCTAssertEqual(everywhere("李总").map(\.field), [.contact, .followUp])
    }

    func candidate(_ id: String, whole: Bool, unreadable: Bool = false) -> CustomerSearch.Candidate {
        CustomerSearch.Candidate(path: "customers/\(id).md", id: unreadable ? nil : id, name: id, owner: nil, status: nil,
                                 matches: [.init(field: .name, value: id, whole: whole)], unreadable: unreadable)
    }

    func testOnlyOneCustomerOrOneWholeMatchResolves() {
        guard case .one(let one) = CustomerSearch.resolve([candidate("LX2024001", whole: false)]) else { return XCTFail("one piece") }
        XCTAssertEqual(one.id, "LX2024001")
        guard case .one(let whole) = CustomerSearch.resolve([candidate("LX2024001", whole: false), candidate("LX2024002", whole: true)]) else {
            return XCTFail("the whole name of one customer is not a piece of another's")
        }
        XCTAssertEqual(whole.id, "LX2024002")
        guard case .ambiguous(let two) = CustomerSearch.resolve([candidate("LX2024002", whole: false), candidate("LX2024001", whole: false)]) else {
            return XCTFail("two pieces")
        }
        XCTAssertEqual(two.map(\.id), ["LX2024001", "LX2024002"])
        guard case .ambiguous(let wholes) = CustomerSearch.resolve([candidate("LX2024001", whole: true), candidate("LX2024002", whole: true),
                                                                   candidate("LX2024003", whole: false)]) else {
            return XCTFail("two whole matches")
        }
        XCTAssertEqual(wholes.map(\.id), ["LX2024001", "LX2024002", "LX2024003"], "whole matches first")
        guard case .ambiguous = CustomerSearch.resolve([candidate("LX2024001", whole: true), candidate("LX2024009", whole: false, unreadable: true)]) else {
            return XCTFail("a file that cannot be read but may be the customer makes it unsure")
        }
        guard case .none = CustomerSearch.resolve([]) else { return XCTFail("nothing") }
    }

    func testNearestNamesForATypo() {
        let names = ["成都天府食品有限公司", "天府酒店管理有限公司", "苏州恒力精密制造有限公司"]
        XCTAssertEqual(CustomerSearch.nearest(to: "成都天付", among: names), ["成都天府食品有限公司"])
        XCTAssertEqual(CustomerSearch.nearest(to: "恒历精密", among: names), ["苏州恒力精密制造有限公司"])
        XCTAssertEqual(CustomerSearch.nearest(to: "北京华信", among: names), [])
        XCTAssertEqual(CustomerSearch.nearest(to: "付", among: names), [], "one character says too little")
    }
}
