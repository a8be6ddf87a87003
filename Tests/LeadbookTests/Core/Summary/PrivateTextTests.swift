import Foundation
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

    /// A file may hold 150,000 contacts and INDEX.md masks its texts: the masker of 30,000
    /// contacts is made in well under the time that comparing each value with every value
    /// before it (1.8 billion comparisons) takes, and keeps each value once, longest first.
    func testTheMaskerOfManyContactsIsMadeInLinearTime() throws {
        let contacts = (0..<30_000).map { number in
            contact("联系人\(number)", phone: "139\(String(100_000_000 + number).dropFirst())", email: "u\(number)@example.com")
        } + [contact("重复", phone: "13900000000", email: "u0@example.com")]
        let start = Date()
        let masker = PrivateText.Masker(contacts: contacts, names: false)
        let seconds = Date().timeIntervalSince(start)
        XCTAssertLessThan(seconds, 10, "made in \(seconds) s")
        XCTAssertEqual(masker.needles.count, 60_000, "each phone and email once")
        XCTAssertEqual(masker.needles.first, Array("u10000@example.com".utf8))
        XCTAssertEqual(masker.masked("致电 13900029999，抄送 u29999@example.com"), "致电 \(mask)，抄送 \(mask)")
    }

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
        // Dots and parentheses join digit groups too; full-width forms fold to them.
        XCTAssertEqual(PrivateText.redact("改打 139.1234.5678。", contacts: []), "改打 \(mask)。")
        XCTAssertEqual(PrivateText.redact("手机(139)1234-5678，座机 (010) 6552-1234", contacts: []), "手机\(mask)，座机 \(mask)")
        XCTAssertEqual(PrivateText.redact("+86(139)12345678 转", contacts: []), "\(mask) 转")
        XCTAssertEqual(PrivateText.redact("手机（１３９）１２３４．５６７８", contacts: []), "手机\(mask)")
        XCTAssertEqual(PrivateText.redact("2024.03.05 报价 1.5 万", contacts: []), "2024.03.05 报价 1.5 万")
    }

    func testOrdinaryFiguresAndDatesStay() {
        let text = "2024-06-30 前不采购，报价高 20%，预算 1200000 元；@销售部 跟进"
        XCTAssertEqual(PrivateText.redact(text, contacts: []), text)
        // A one-letter contact name would blank out ordinary words: it is left alone.
        XCTAssertEqual(PrivateText.redact("A 方案落选", contacts: [contact("A")]), "A 方案落选")
    }

    /// What Chinese input methods type: full-width digits and ＠, an ideographic space or
    /// dashes between digit groups. Matched as ASCII; the text around stays as written.
    func testFullWidthPhonesAndEmailsAreMasked() {
        XCTAssertEqual(PrivateText.redact("手机１３９１２３４５６７８，请回电", contacts: []), "手机\(mask)，请回电")
        XCTAssertEqual(PrivateText.redact("邮箱 ｌｉ．ｎａ＠ｃｏｒｐ．ｃｎ 或 li@corp﹒cn", contacts: []), "邮箱 \(mask) 或 li@corp﹒cn")
        XCTAssertEqual(PrivateText.redact("li﹫corp.cn；wang＠example.com。", contacts: []), "\(mask)；\(mask)。")
        XCTAssertEqual(PrivateText.redact("电话 １３９　１２３４　５６７８ 或 139‐1234‐5678 或 ＋８６－１３９１２３４５６７８", contacts: []),
                       "电话 \(mask) 或 \(mask) 或 \(mask)")
        // A contact's phone written in ASCII is found in full-width text, and the other way round.
        let contacts = [contact("赵磊", phone: "１３９０００１", wechat: "zl_wx88")]
        XCTAssertEqual(PrivateText.redact("旧号1390001，微信ｚｌ＿ｗｘ８８", contacts: contacts), "旧号\(mask)，微信\(mask)")
        // Full-width text with nothing to mask is returned as it is, byte for byte.
        let plain = "预算１２０万，２０２４－０６－３０前决定；Ａ方案！"
        XCTAssertEqual(PrivateText.redact(plain, contacts: contacts), plain)
    }

    /// An 18-character ID-card number (17 digits and a check digit or X) goes whole.
    func testIDCardNumbersAreMasked() {
        XCTAssertEqual(PrivateText.redact("身份证 11010519491231002X 已核验", contacts: []), "身份证 \(mask) 已核验")
        XCTAssertEqual(PrivateText.redact("身份证１１０１０５１９４９１２３１００２Ｘ。", contacts: []), "身份证\(mask)。")
        XCTAssertEqual(PrivateText.redact("证件 110105194912310021", contacts: []), "证件 \(mask)")
    }

    /// The index's masking keeps names (the tables show the contacts by design).
    func testTheIndexMaskerKeepsNames() {
        let masker = PrivateText.Masker(contacts: [contact("赵磊", phone: "13900001111", wechat: "zl_wx88")], names: false)
        XCTAssertEqual(masker.masked("赵磊说加微信 zl_wx88 或打 13900001111"), "赵磊说加微信 \(mask) 或打 \(mask)")
    }

    /// The search for the contacts' values, folded once and by first byte, finds what the
    /// search at every byte finds; the needles made on bytes are those made from strings.
    func testTheSearchForContactValuesAgreesWithTheSearchAtEveryByte() {
        let contacts = [contact("赵磊", phone: " 139 0000 1111\t", email: "Zhao.Lei@example.com", wechat: "zl_wx88"),
                        contact("Ａｂ", phone: "１３９００００１１１１", email: "x", wechat: "微信号－甲"), contact(nil, phone: "\t\t", wechat: "é")]
        for names in [false, true] {
            let masker = PrivateText.Masker(contacts: contacts, names: names)
            var expected: [[UInt8]] = []
            for contact in contacts {
                for value in [names ? contact.name : nil, contact.phone, contact.email, contact.wechat] {
                    guard let trimmed = value?.trimmingSpaces, trimmed.unicodeScalars.count >= 2 else { continue }
                    let folded = PrivateText.folded(Array(trimmed.utf8)).bytes
                    if !expected.contains(folded) { expected.append(folded) }
                }
            }
            expected.sort { $0.count > $1.count }
            XCTAssertEqual(masker.needles, expected, "names: \(names)")
        }
        let needles = PrivateText.Masker(contacts: contacts, names: true).needles
        let texts = ["", "赵", "赵磊", "微信 zl_wx88", "ｚｌ＿ｗｘ８８。", "zl_wx8", "139 0000 1111", "139　0000　1111", "１３９ ００００ １１１１",
                     "微信号-甲", "微信号—甲", "微信号‐甲", "ＡＢ", "Ａｂ", "Ab", "zhao.lei＠example．com", "zhao.lei@example.com", "Zhao.Lei@example.com",
                     "无关的文字，没有联系方式。", "abc\u{FF01}", "\u{E2}", "é", "ée", String(repeating: "赵磊", count: 40) + "zl_wx88"]
        var found = 0
        for text in texts {
            var text = text
            text.withUTF8 { bytes in
                let expected = needles.contains { PrivateText.contains($0, in: bytes) }
                XCTAssertEqual(PrivateText.containsAny(needles, in: bytes), expected, "`\(String(decoding: bytes, as: UTF8.self))`")
                if expected { found += 1 }
            }
        }
        XCTAssertGreaterThan(found, 8)
        XCTAssertLessThan(found, texts.count)
    }

    /// Every text the index masks, of every customer file of the tests and of the benchmark's
    /// 1,000-customer workspace: the search folded once agrees with the search at every byte.
    func testTheSearchAgreesOnEveryTextOfTheFixturesAndAGeneratedWorkspace() throws {
        let directory = try GeneratedWorkspace.make(customers: 1000, purpose: "masking")
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = RoundTripTests.markdownFiles(under: Transcript.packageRoot.appendingPathComponent("Tests/Fixtures"))
            + RoundTripTests.markdownFiles(under: directory.appendingPathComponent("customers"))
        var compared = 0, found = 0
        for url in files {
            let bytes = [UInt8](try Data(contentsOf: url))
            guard let customer = CustomerReader.read(path: "customers/" + url.lastPathComponent, bytes: bytes, configuration: Configuration()).customer else { continue }
            let needles = PrivateText.Masker(contacts: customer.contacts, names: true).needles
            var texts = [customer.needs, customer.name].compactMap { $0 } + customer.tags
            texts += customer.plan.flatMap { [$0.goal, $0.points, $0.expected, $0.fallback].compactMap { $0 } }
            texts += customer.followUps.flatMap { [$0.counterpart] + $0.facts.map(\.1) + $0.todos.map(\.text) }
            texts += customer.feedback.flatMap { [$0.summary, $0.plan ?? "", $0.confirmation ?? ""] + $0.whys }
            for text in texts {
                var text = text
                text.withUTF8 { bytes in
                    let expected = needles.contains { PrivateText.contains($0, in: bytes) }
                    XCTAssertEqual(PrivateText.containsAny(needles, in: bytes), expected, "\(url.lastPathComponent): `\(String(decoding: bytes, as: UTF8.self))`")
                    if expected { found += 1 }
                }
                compared += 1
            }
        }
        XCTAssertGreaterThan(compared, 50_000)
        XCTAssertGreaterThan(found, 0)
    }
    /// The survey that lets most texts go without a search: on every text of the fixtures and
    /// of a generated workspace, it says "personal" exactly when `mayHoldPersonalData` does,
    /// and a needle found in a text has all its bytes in the text's survey, so the masker's
    /// answer is the one the search of every needle gives.
    func testTheSurveyOfATextNeverHidesANeedleItHolds() throws {
        let directory = try GeneratedWorkspace.make(customers: 300, purpose: "survey")
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = RoundTripTests.markdownFiles(under: Transcript.packageRoot.appendingPathComponent("Tests/Fixtures"))
            + RoundTripTests.markdownFiles(under: directory.appendingPathComponent("customers"))
        var compared = 0, spared = 0, found = 0
        for url in files {
            let bytes = [UInt8](try Data(contentsOf: url))
            guard let customer = CustomerReader.read(path: "customers/" + url.lastPathComponent, bytes: bytes, configuration: Configuration()).customer else { continue }
            let masker = PrivateText.Masker(contacts: customer.contacts, names: false)
            var texts = [customer.needs].compactMap { $0 } + customer.tags
            texts += customer.followUps.flatMap { [$0.counterpart] + $0.facts.map(\.1) + $0.todos.map(\.text) }
            texts += customer.feedback.flatMap { [$0.summary, $0.plan ?? "", $0.confirmation ?? ""] + $0.whys }
            texts += customer.contacts.flatMap { [$0.phone, $0.email, $0.wechat].compactMap { $0 }.map { "见 " + $0 + "。" } }
            for shown in texts {
                var text = shown
                text.withUTF8 { bytes in
                    let survey = PrivateText.Survey(bytes)
                    XCTAssertEqual(survey.personal, PrivateText.mayHoldPersonalData(bytes), "`\(shown)`")
                    guard !survey.personal else { return }
                    for needle in masker.needles where PrivateText.contains(needle, in: bytes) {
                        found += 1
                        XCTAssertTrue(survey.bytes.holds(needle.withUnsafeBufferPointer { PrivateText.Survey.Bytes(of: $0) }), "`\(shown)`")
                    }
                    if !masker.mayHoldNeedle(survey) { spared += 1 }
                    compared += 1
                }
            }
        }
        XCTAssertGreaterThan(compared, 10_000)
        XCTAssertGreaterThan(found, 100)
        XCTAssertGreaterThan(spared, compared / 2, "most texts are told apart without a search")
    }
}
