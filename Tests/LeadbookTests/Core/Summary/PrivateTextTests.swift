import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// Lost reasons are free text: the personal data they may quote is masked before any report.
final class PrivateTextTests: XCTestCase {
    func contact(_ name: String?, phone: String? = nil, email: String? = nil, wechat: String? = nil) -> Contact {
        var contact = Contact()
        contact.name = name
        contact.phone = phone
        contact.email = email
        contact.wechat = wechat
        return contact
    }

    let mask = PrivateText.mask

    func testTheCustomersOwnContactsAreMasked() {
        let contacts = [contact("赵磊", phone: "13900001111", email: "zhao.lei@example.com", wechat: "zl_wx88")]
        XCTAssertEqual(PrivateText.redact("赵磊离职，微信 zl_wx88 不再回复", contacts: contacts), "\(mask)离职，微信 \(mask) 不再回复")
        XCTAssertEqual(PrivateText.redact("预算取消", contacts: contacts), "预算取消")
    }

    func testEmailsAndLongNumbersAnywhere() {
        XCTAssertEqual(PrivateText.redact("请联系 li.na+sales@corp.example.cn 确认", contacts: []), "请联系 \(mask) 确认")
        XCTAssertEqual(PrivateText.redact("电话 138 0000 0001 无人接听", contacts: []), "电话 \(mask) 无人接听")
        XCTAssertEqual(PrivateText.redact("tel +86-138-0000-0001.", contacts: []), "tel \(mask).")
        XCTAssertEqual(PrivateText.redact("13800000001", contacts: []), mask)
        XCTAssertEqual(PrivateText.redact("固话010-6552-1234", contacts: []), "固话\(mask)")
    }

    func testOrdinaryFiguresAndDatesStay() {
        let text = "2024-06-30 前不采购，报价高 20%，预算 1200000 元；@销售部 跟进"
        XCTAssertEqual(PrivateText.redact(text, contacts: []), text)
        // A one-letter contact name would blank out ordinary words: it is left alone.
        XCTAssertEqual(PrivateText.redact("A 方案落选", contacts: [contact("A")]), "A 方案落选")
    }
}
