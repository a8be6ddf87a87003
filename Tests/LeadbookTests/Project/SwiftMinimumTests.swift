import Foundation
import XCTest

/// The oldest Swift that builds leadbook is named once, in Package.swift's tools-version, and
/// everything else that names a Swift agrees: the CI templates' and workflows' images (never
/// older), and the Swift the READMEs and docs/install.md ask for (exactly that one).
final class SwiftMinimumTests: XCTestCase {
    typealias Version = (major: Int, minor: Int)

    static func toolsVersion() throws -> Version {
        let first = try ProjectTools.text("Package.swift").components(separatedBy: "\n")[0]
        let prefix = "// swift-tools-version:"
        XCTAssertTrue(first.hasPrefix(prefix), first)
        return try version(String(first.dropFirst(prefix.count)))
    }

    static func version(_ text: String) throws -> Version {
        let parts = text.split(separator: ".").map { Int($0.prefix { $0.isNumber }) }
        return (try XCTUnwrap(parts.first ?? nil, text), parts.count > 1 ? try XCTUnwrap(parts[1], text) : 0)
    }

    /// Every `X.Y` that follows `marker` in `text`.
    static func versions(after marker: String, in text: String) throws -> [Version] {
        try text.components(separatedBy: marker).dropFirst().compactMap { rest -> Version? in
            let digits = rest.prefix { $0.isNumber || $0 == "." }
            guard digits.contains(".") else { return nil }
            return try version(String(digits))
        }
    }

    /// Typed throws (`throws(Refusal)`), which the sources use, need Swift 6.0.
    func testTheToolsVersionIsWhatTheSourcesNeed() throws {
        let tools = try Self.toolsVersion()
        XCTAssertTrue(tools >= (6, 0), "the sources use typed throws, new in Swift 6.0; Package.swift says \(tools)")
    }

    func testTheCIImagesAreNotOlderThanPackageSwift() throws {
        let tools = try Self.toolsVersion()
        for file in ProjectTools.githubWorkflows + [ProjectTools.gitlabTemplate] {
            let text = try ProjectTools.text(file)
            let images = try Self.versions(after: "swift:", in: text)
            let setups = try Self.versions(after: "swift-version: swift-", in: text)
            XCTAssertFalse(images.isEmpty && setups.isEmpty, "\(file) names no Swift")
            for image in images + setups {
                XCTAssertTrue(image >= tools, "\(file) builds with Swift \(image.major).\(image.minor), older than Package.swift's \(tools.major).\(tools.minor)")
            }
        }
    }

    func testTheDocsAskForPackageSwiftsSwift() throws {
        let tools = try Self.toolsVersion()
        let named = "\(tools.major).\(tools.minor)"
        for file in ["README.md", "README.zh-CN.md", "docs/install.md", "docs/install.zh-CN.md"] {
            let text = try ProjectTools.text(file)
            let minimum = file.contains("zh-CN") ? "Swift \(named) 或更高版本" : "Swift \(named) or later"
            XCTAssertTrue(text.contains(minimum), "\(file) does not say `\(minimum)`")
            for version in try Self.versions(after: "Swift ", in: text) {
                XCTAssertTrue(version >= tools, "\(file) names Swift \(version.major).\(version.minor), older than Package.swift's \(named)")
            }
        }
    }
}
