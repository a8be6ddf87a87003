import XCTest
@testable import LeadbookCore
@testable import LeadbookText

/// A command reads leadbook.yml for its language and again when it opens the workspace: the
/// second read of the same bytes takes the first's result, changed bytes are read anew.
final class ConfigurationReaderOnceTests: XCTestCase {
    func testTheSameBytesGiveTheSameResultAndChangedBytesAreReadAgain() {
        let english = SourceText(path: "leadbook.yml", bytes: Array("language: en\nid_prefix: KH\n".utf8))
        let first = ConfigurationReader.readOnce(english, root: "/a")
        XCTAssertEqual(first.0.language, .en)
        XCTAssertEqual(first.0.idPrefix, "KH")
        XCTAssertEqual(ConfigurationReader.readOnce(english, root: "/a").0.idPrefix, "KH")
        let chinese = SourceText(path: "leadbook.yml", bytes: Array("language: zh-CN\nid_prefix: [\n".utf8))
        let second = ConfigurationReader.readOnce(chinese, root: "/a")
        XCTAssertEqual(second.0.language, .zhCN)
        XCTAssertEqual(second.1.map(\.rule.id), ConfigurationReader.read(chinese).1.map(\.rule.id))
        XCTAssertFalse(second.1.isEmpty, "the broken id_prefix is reported again")
        // Another workspace with the same bytes is read for itself.
        XCTAssertEqual(ConfigurationReader.readOnce(english, root: "/b").0.language, .en)
    }
}
