import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

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

    /// One file may hold 150,000 contacts: finding its keys, and the keys it shares with
    /// another file, takes work in proportion to its contacts (counted, not timed). Comparing
    /// each key with the keys found before it, as `check` and `dupes` once did, counts n²/2.
    func testFindingTheKeysOfAFileIsLinearInItsContacts() throws {
        var counts: [Int: (located: Int, shared: Int)] = [:]
        for contacts in [1000, 2000, 4000] {
            var lines = ["contacts:"]
            for number in 0..<contacts {
                lines += ["  - name: 联系人\(number)", "    phone: \"138\(String(100_000_000 + number).dropFirst())\"", "    email: p\(number)@example.com"]
            }
            let result = RuleFixture.read(RuleFixture.customer(adding: lines))
            let customer = try XCTUnwrap(result.customer), root = try XCTUnwrap(result.frontMatter)
            XCTAssertEqual(customer.contacts.count, contacts)
            var work = DuplicateKeys.Work()
            let keys = DuplicateKeys.located(customer, frontMatter: root, work: &work)
            XCTAssertEqual(keys.count, 1 + 2 * contacts, "the name, each phone and each email")
            var sharing = DuplicateKeys.Work()
            let shared = DuplicateKeys.shared(keys, digests: keys.map(\.evidence.digest).reversed(), work: &sharing)
            XCTAssertEqual(shared.count, keys.count)
            counts[contacts] = (work.lookups, sharing.lookups)
        }
        for (smaller, larger) in [(1000, 2000), (2000, 4000)] {
            let a = try XCTUnwrap(counts[smaller]), b = try XCTUnwrap(counts[larger])
            XCTAssertLessThanOrEqual(b.located, 2 * a.located + 2, "keys of \(larger) contacts: \(b.located) lookups, of \(smaller): \(a.located)")
            XCTAssertLessThanOrEqual(b.shared, 2 * a.shared + 2, "shared keys of \(larger) contacts: \(b.shared) lookups, of \(smaller): \(a.shared)")
            XCTAssertLessThanOrEqual(b.located, 3 * larger + 1)
        }
    }

    /// The index `new` and `import` match against: a customer with many keys is added in work
    /// proportional to them, and repeated keys count once.
    func testTheIndexTakesEachKeyOnce() {
        var index = DuplicateIndex()
        let key = DuplicateKeys.Evidence(kind: .phone, value: "13800000001")
        index.add(id: "LX1", path: "a.md", name: nil, keys: [key, key, key])
        index.add(id: "LX2", path: "b.md", name: nil, keys: [key])
        XCTAssertEqual(index.indices(key), [0, 1])
    }

    /// `Café Zoë` typed with composed letters and with combining accents is one name (NFC).
    func testNamesCompareInOneCanonicalSpelling() {
        let composed = "Caf\u{E9} Zo\u{EB} GmbH", decomposed = "Cafe\u{301} Zoe\u{308} GmbH"
        XCTAssertEqual(DuplicateKeys.name(composed), DuplicateKeys.name(decomposed))
        XCTAssertEqual(DuplicateKeys.name(composed).map { Array($0.utf8) }, Array("caf\u{E9}zo\u{EB}".utf8))
        XCTAssertEqual(DuplicateKeys.Evidence(kind: .name, value: DuplicateKeys.name(composed)!).digest,
                       DuplicateKeys.Evidence(kind: .name, value: DuplicateKeys.name(decomposed)!).digest)
        // Hangul syllables typed as jamo, and a CJK compatibility ideograph.
        XCTAssertEqual(DuplicateKeys.name("\u{1100}\u{1161}"), DuplicateKeys.name("\u{AC00}"))
        XCTAssertEqual(DuplicateKeys.name("\u{F900}"), DuplicateKeys.name("\u{8C48}"))
        XCTAssertFalse(DuplicateKeys.needsComposition("华东云科技ＡＢＣ Co., Ltd."), "the usual names take the fast path")
    }

    func testGroupsJoinCustomersThatShareAnyKey() {
        var index = DuplicateIndex()
        var zhang = Contact(); zhang.name = "张伟"; zhang.phone = "13800000001"
        var zhangMail = Contact(); zhangMail.name = "张伟"; zhangMail.email = "zw@example.com"
        var other = Contact(); other.name = "李四"; other.email = "ZW@example.com"
        index.add(id: "LX1", path: "a.md", name: "华东云科技有限公司", contacts: [zhang], kind: .company)
        index.add(id: "LX2", path: "b.md", name: "华东云科技", contacts: [zhangMail], kind: .company)
        index.add(id: "LX3", path: "c.md", name: "另一家公司", contacts: [other], kind: .company)
        index.add(id: "LX4", path: "d.md", name: "无关公司", contacts: [], kind: .company)
        let groups = index.groups()
        XCTAssertEqual(groups.count, 1)
        XCTAssertEqual(groups[0].0.map(\.id), ["LX1", "LX2", "LX3"])
        XCTAssertEqual(Set(groups[0].1.map(\.kind)), [.name, .email])
        let matches = index.matches(name: "华东云科技集团", contacts: [], kind: .company)
        XCTAssertEqual(matches.map(\.0.id), ["LX1", "LX2"])
    }

    /// The byte-level phone, email and name keys give what the plain definitions give: the
    /// definitions below (written for clarity, on Characters and Strings) are the reference.
    func testTheFastKeysAgreeWithTheirReferenceDefinitions() {
        let pieces = ["华东云", "科技", "有限公司", "集团", "股份有限公司", "（", "）", "·", " ", "\u{3000}", "Ａ", "ｂ", "１", "＋", "+86", "0086",
                      "138", "-", "0000", "０", "9", "Co.", ", Ltd.", "LTD", "Inc", "gmbh", "É", "ß", "Ω", "é", "İ", "$", "&", "@", "_",
                      "Zhang.Wei", "@Example.COM", "\t", "é", "한국", "ｶ", "😀", "℃", "々", "〇"]
        var generator = SystemRandomNumberGenerator()
        var texts = pieces
        for _ in 0..<4000 {
            let count = Int.random(in: 1...6, using: &generator)
            texts.append((0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for text in texts {
            XCTAssertEqual(DuplicateKeys.phone(text), ReferenceKeys.phone(text), "phone of `\(text)`")
            XCTAssertEqual(DuplicateKeys.email(text), ReferenceKeys.email(text), "email of `\(text)`")
            XCTAssertEqual(DuplicateKeys.name(text), ReferenceKeys.name(text), "name of `\(text)`")
        }
    }

    // MARK: - The digests `check` keeps, made from the values alone

    /// What `check` kept before the digests were made on bytes: the located keys' digests.
    static func locatedDigests(_ result: CustomerReader.Result) -> [UInt64]? {
        guard let customer = result.customer, let root = result.frontMatter else { return nil }
        return DuplicateKeys.located(customer, frontMatter: root).map(\.evidence.digest)
    }

    /// Names through the byte path and through the path of every other character: the same
    /// key, or none for both.
    func testNameDigestsAreThoseOfTheNormalizedName() {
        let names = ["华东云科技有限公司", "华东云科技股份有限公司", "华东云　科技（集团）", "ＡＢＣ Trading Co., Ltd.", "abc trading",
                     "有限公司", "公司有限公司", "集团公司", "Acme Inc", "ACME, INC.", "Ltd", "co", "C", "！？", "", "   ",
                     "Caf\u{E9} GmbH", "Cafe\u{301} GmbH", "\u{3400}研究所", "北京 \u{1F600} 公司", "ｃｏｌｔｄ", "华东云Ｃｏ．",
                     "\u{AC00}\u{1100}\u{1161}", "\u{F900}", "株式会社ソニー", "Ärzte GmbH", "x_y-z&w", "一丁", "龥鿿"]
        var scratch: [UInt8] = []
        for name in names {
            let expected = DuplicateKeys.name(name).map { DuplicateKeys.Evidence(kind: .name, value: $0).digest }
            XCTAssertEqual(DuplicateKeys.nameDigest(name, scratch: &scratch), expected, "name \(name)")
        }
        for phone in ["+86 138-0000-0001", "0086 13800000001", "（138）0000 0001", "１３８００００００01", "无", "+86 1234", "＋86 13800000001", "86-1"] {
            let expected = DuplicateKeys.phone(phone).map { DuplicateKeys.Evidence(kind: .phone, value: $0).digest }
            XCTAssertEqual(DuplicateKeys.phoneDigest(phone, scratch: &scratch), expected, "phone \(phone)")
        }
        for email in [" Zhang.Wei@Example.COM ", "not an email", "张伟@例子.中国", "A@B", "\tX@Y.z\t"] {
            let expected = DuplicateKeys.email(email).map { DuplicateKeys.Evidence(kind: .email, value: $0).digest }
            XCTAssertEqual(DuplicateKeys.emailDigest(email), expected, "email \(email)")
        }
    }

    /// Every customer file of the tests and the template, the fuzz corpus among them: the
    /// digests made from the values are those of the located keys, in the same order.
    func testDigestsAgreeWithTheLocatedKeysOnEveryFixture() throws {
        let root = Transcript.packageRoot
        let files = RoundTripTests.markdownFiles(under: root.appendingPathComponent("Tests/Fixtures"))
            + RoundTripTests.markdownFiles(under: root.appendingPathComponent("template-workspace"))
        var compared = 0
        for url in files {
            let bytes = [UInt8](try Data(contentsOf: url))
            let result = CustomerReader.read(path: "customers/" + url.lastPathComponent, bytes: bytes, configuration: Configuration())
            guard let expected = Self.locatedDigests(result), let customer = result.customer else { continue }
            XCTAssertEqual(DuplicateKeys.digests(customer), expected, url.path)
            compared += 1
        }
        XCTAssertGreaterThanOrEqual(compared, 80)
    }

    /// The same over the benchmark's 1,000-customer workspace (seed 1).
    func testDigestsAgreeWithTheLocatedKeysOnAGeneratedWorkspace() throws {
        let directory = try GeneratedWorkspace.make(customers: 1000, purpose: "digests")
        defer { try? FileManager.default.removeItem(at: directory) }
        var compared = 0
        for url in RoundTripTests.markdownFiles(under: directory.appendingPathComponent("customers")) {
            let bytes = [UInt8](try Data(contentsOf: url))
            let result = CustomerReader.read(path: "customers/" + url.lastPathComponent, bytes: bytes, configuration: Configuration(), text: false)
            guard let expected = Self.locatedDigests(result), let customer = result.customer else { continue }
            XCTAssertEqual(DuplicateKeys.digests(customer), expected, url.path)
            compared += 1
        }
        XCTAssertEqual(compared, 1000)
    }
}

/// The duplicate keys as first defined, on Characters and Strings: the reference for the fast ones.
enum ReferenceKeys {
    static func phone(_ text: String) -> String? {
        var digits = String(text.unicodeScalars.compactMap { scalar -> Character? in
            if scalar.value >= 0x30 && scalar.value <= 0x39 { return Character(scalar) }
            if scalar.value >= 0xFF10 && scalar.value <= 0xFF19 { return Character(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!) }
            return nil
        })
        let trimmed = text.trimmingCharacters(in: CharacterSet(charactersIn: " \t"))
        if trimmed.hasPrefix("+86") || trimmed.hasPrefix("＋86") {
            digits.removeFirst(min(2, digits.count))
        } else if digits.hasPrefix("0086") {
            digits.removeFirst(4)
        }
        return digits.count >= 5 ? digits : nil
    }

    static func email(_ text: String) -> String? {
        let value = text.trimmingCharacters(in: CharacterSet(charactersIn: " \t")).lowercased()
        return value.contains("@") ? value : nil
    }

    static func name(_ text: String) -> String? {
        var scalars: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            var value = scalar.value
            if value >= 0xFF01 && value <= 0xFF5E { value -= 0xFEE0 }
            if value == 0x3000 { continue }
            guard let normalized = Unicode.Scalar(value) else { continue }
            let properties = normalized.properties
            if properties.isWhitespace || properties.generalCategory.isPunctuation || properties.generalCategory == .mathSymbol
                || properties.generalCategory == .otherSymbol || properties.generalCategory == .modifierSymbol { continue }
            scalars.append(normalized)
        }
        var result = String(String.UnicodeScalarView(scalars)).lowercased()
        var changed = true
        while changed {
            changed = false
            for suffix in DuplicateKeys.suffixes where result.hasSuffix(suffix) && result.count > suffix.count {
                result.removeLast(suffix.count)
                changed = true
            }
        }
        return result.isEmpty ? nil : result
    }}
