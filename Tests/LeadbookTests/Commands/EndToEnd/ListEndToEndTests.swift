import XCTest

/// `leadbook list` in the built leadbook on the sample workspace: filters alone and together,
/// the reason column, the sort keys, the formats, nothing matching and usage errors, in
/// English and in Chinese.
final class ListEndToEndTests: XCTestCase {
    func testListInEnglish() throws {
        try Transcript.check("list-en")
    }

    func testListInChinese() throws {
        try Transcript.check("list-zh")
    }
}
