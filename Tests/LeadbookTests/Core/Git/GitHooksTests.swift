import Foundation
import XCTest
@testable import LeadbookCore

final class GitHooksTests: XCTestCase {
    /// The merge driver's lines are added after the file's own bytes, which stay as they are,
    /// even where they are not UTF-8 (a pattern saved in GBK).
    func testTheAttributesKeepTheirBytesAndGetTheLines() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("leadbook-attributes-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let own: [UInt8] = Array("*.csv text\r\n".utf8) + [0xBF, 0xCD, 0xBB, 0xA7] + Array(".txt binary".utf8)
        try Data(own).write(to: root.appendingPathComponent(".gitattributes"))
        let change = try XCTUnwrap(GitHooks.attributesChange(root: root.path, configuration: Configuration()))
        XCTAssertEqual(Array(change.bytes.prefix(own.count)), own)
        XCTAssertEqual(change.bytes[own.count], 0x0A)
        XCTAssertFalse(change.missing.isEmpty)
        let added = String(decoding: change.bytes[own.count...], as: UTF8.self)
        for line in change.missing { XCTAssertTrue(added.contains(line + "\n"), added) }
    }
}
