import XCTest
@testable import LeadbookCore
@testable import LeadbookText

/// The keys of log lines: the reader's match on a buffer gives what the key table says.
final class EntryKeyTests: XCTestCase {
    func testEveryKeyBelongsInOneKindOfEntry() {
        for key in EntryKey.allCases {
            XCTAssertEqual(key.isFollowUpKey, EntryKey.followUpKeys.contains(key), "\(key)")
            XCTAssertNotEqual(EntryKey.followUpKeys.contains(key), EntryKey.feedbackKeys.contains(key), "\(key)")
        }
    }

    /// Every spelling, in other cases and cut short or run on, and text that is no key: the
    /// match on a buffer agrees with the match on a collection.
    func testTheMatchOnABufferAgreesWithTheKeyTable() {
        var texts: [String] = ["", "x", "nextt", "nex", "决策", "决策进展展", "下次跟进", "DUE", "Owner", "why ", " why", "处理方案", "处理方式",
                               "confirmed", "Confirmed", "CONFIRMED", "confirme", String(repeating: "a", count: 24), String(repeating: "a", count: 40)]
        for key in EntryKey.allCases {
            texts += [key.rawValue, key.rawValue.uppercased(), key.label, key.rawValue + "s", String(key.rawValue.dropLast())]
        }
        var matched = 0
        for text in texts {
            let bytes = Array(("- " + text + ": ").utf8)
            let range = 2..<(2 + text.utf8.count)
            let expected = EntryKey.matching(bytes[range])
            let found = bytes.withUnsafeBufferPointer { EntryKey.matching($0, range) }
            XCTAssertEqual(found, expected, "`\(text)`")
            if found != nil { matched += 1 }
        }
        XCTAssertEqual(matched, 3 * EntryKey.allCases.count + 8, "each key, upper-cased and in Chinese, and the eight spellings of keys above")
    }
}
