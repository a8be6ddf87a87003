import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

final class SpreadsheetValueTests: XCTestCase {
    func dateTime(_ text: String) -> String? { try? SpreadsheetValue.dateTime(text).get().description }
    func amount(_ text: String) -> Double? { try? SpreadsheetValue.amount(text).get() }

    func testDatesAsSpreadsheetsWriteThem() {
        XCTAssertEqual(dateTime("2024-03-01"), "2024-03-01")
        XCTAssertEqual(dateTime("2024/3/1"), "2024-03-01")
        XCTAssertEqual(dateTime("2024.3.1"), "2024-03-01")
        XCTAssertEqual(dateTime("2024年3月1日"), "2024-03-01")
        XCTAssertEqual(dateTime("2024/3/1 9:10"), "2024-03-01 09:10")
        XCTAssertEqual(dateTime("2024-03-01 09:10:59"), "2024-03-01 09:10", "seconds are dropped")
        XCTAssertEqual(dateTime("2024-03-01T09:10"), "2024-03-01 09:10")
        XCTAssertNil(dateTime("2024-3/1"), "mixed separators")
        XCTAssertNil(dateTime("03/01/2024"))
        XCTAssertNil(dateTime("2024-03-01 9:1"))
        XCTAssertEqual(SpreadsheetValue.dateTime("2024-02-30").failure?.message, "2024-02-30 is not a date that exists")
        XCTAssertEqual(SpreadsheetValue.dateTime("2024-03-01 24:00").failure?.message, "2024-03-01 24:00 is not a time that exists")
        XCTAssertTrue(SpreadsheetValue.dateTime("45352").failure?.message.contains("Excel writes dates as numbers") == true)
        XCTAssertEqual(try? SpreadsheetValue.date("2024/4/1").get().description, "2024-04-01")
        XCTAssertNotNil(SpreadsheetValue.date("2024/4/1 10:00").failure)
    }

    func testAmounts() {
        XCTAssertEqual(amount("200000"), 200000)
        XCTAssertEqual(amount("200,000"), 200000)
        XCTAssertEqual(amount("¥200,000.00"), 200000)
        XCTAssertEqual(amount("20万"), 200000)
        XCTAssertEqual(amount("1.5万元"), 15000)
        XCTAssertEqual(amount("150000.5元"), 150000.5)
        XCTAssertEqual(amount("２０万"), 200000, "full-width digits")
        XCTAssertNil(amount("二十万"))
        XCTAssertNil(amount("20k"))
        XCTAssertEqual(SpreadsheetValue.amount("-5").failure?.message, "`-5` is negative")
        XCTAssertEqual(try? SpreadsheetValue.count("1,000人").get(), 1000)
        XCTAssertNil(try? SpreadsheetValue.count("10.5").get())
    }

    func testIntents() {
        for (text, intent) in [("A", Intent.A), ("b", .B), ("C级", .C), ("A级(高意向)", .A), ("中意向", .B), (" A ", .A)] {
            XCTAssertEqual(try? SpreadsheetValue.intent(text).get(), intent, text)
        }
        XCTAssertEqual(SpreadsheetValue.intent("D").failure?.message, "unknown intent `D`")
    }

    func testPhoneNumbersAndEmails() {
        XCTAssertEqual(try? SpreadsheetValue.phone(" 138-0000-0001 ").get(), "138-0000-0001")
        XCTAssertEqual(try? SpreadsheetValue.phone("+86 (21) 5555 0101").get(), "+86 (21) 5555 0101")
        XCTAssertTrue(SpreadsheetValue.phone("1.38E+10").failure?.message.contains("Excel turned into a number") == true)
        XCTAssertNotNil(SpreadsheetValue.phone("1234").failure)
        XCTAssertNotNil(SpreadsheetValue.phone("ask reception").failure)
        XCTAssertEqual(try? SpreadsheetValue.email("Zhang.Wei@Example.com").get(), "Zhang.Wei@Example.com")
        XCTAssertNotNil(SpreadsheetValue.email("zhang@example").failure)
        XCTAssertNotNil(SpreadsheetValue.email("a b@example.com").failure)
    }

    func testContactInfoHoldsAPhoneAnEmailOrBoth() {
        func info(_ text: String) -> SpreadsheetValue.ContactInfo? { try? SpreadsheetValue.contactInfo(text).get() }
        XCTAssertEqual(info("13800000001"), .init(phone: "13800000001"))
        XCTAssertEqual(info("zhang@example.com"), .init(email: "zhang@example.com"))
        XCTAssertEqual(info("138-0000-0001 / zhang@example.com"), .init(phone: "138-0000-0001", email: "zhang@example.com"))
        XCTAssertEqual(info("021 5555 0101 zhang@example.com"), .init(phone: "021 5555 0101", email: "zhang@example.com"))
        XCTAssertEqual(info("电话：13800000001；邮箱: zhang@example.com、微信: zw_2024"),
                       .init(phone: "13800000001", email: "zhang@example.com", wechat: "zw_2024"))
        XCTAssertEqual(SpreadsheetValue.contactInfo("13800000001/13900000002").failure?.message,
                       "`13800000001/13900000002` has several phone numbers; a contact has one")
        XCTAssertEqual(SpreadsheetValue.contactInfo("找前台").failure?.message, "`找前台` is neither a phone number nor an email")
    }

    func testAContactPartThatIsNoPhoneNumberIsWordedForTheContactCell() {
        let hint = "write a phone number and/or an email, like 138-0000-0001 / zhang@example.com"
        XCTAssertEqual(SpreadsheetValue.contactInfo("1234").failure.map { [$0.message, $0.hint] }, ["`1234` is neither a phone number nor an email (4 digits)", hint])
        XCTAssertEqual(SpreadsheetValue.contactInfo("1.38E+10").failure.map { [$0.message, $0.hint] }, ["`1.38E+10` is a phone number Excel turned into a number", hint])
        XCTAssertEqual(SpreadsheetValue.contactInfo("1234").failure?.phrase.zh, "`1234` 既不是电话号码也不是邮箱（4 位数字）")
        XCTAssertEqual(SpreadsheetValue.contactInfo("1234").failure?.hintPhrase.zh, "请写电话号码和（或）邮箱，例如 138-0000-0001 / zhang@example.com")
        XCTAssertEqual(SpreadsheetValue.phone("1234").failure, .init(.phoneDigits("1234", 4)))
        XCTAssertEqual(SpreadsheetValue.phone("1234").failure?.hint, "a phone number has 5 to 20 digits")
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
