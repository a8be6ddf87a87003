import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// One hop from a rule id to its code and its tests: `unknown-status` is declared by the type
/// `UnknownStatus` in Sources/LeadbookCore/Rules/<group>/UnknownStatus.swift and tested by
/// Tests/LeadbookTests/Core/Rules/<group>/UnknownStatusTests.swift.
final class RuleCatalogTests: XCTestCase {
    /// Files of Rules/ that declare no rule: the catalog and what several rules share.
    static let sharedRuleFiles: Set<String> = ["RuleCatalog", "CustomerRule", "WorkspaceRule", "UnknownValueRule"]

    /// Test files of Core/Rules/ that are not one rule's.
    static let sharedTestFiles: Set<String> = ["RuleTestSupport", "GeneratedDocsTests", "RuleCatalogTests", "FormatAcceptanceTests"]

    /// `invalid-utf8` is InvalidUTF8, `yaml-tab-indent` YAMLTabIndent, `invalid-id` InvalidId.
    static func name(of id: String) -> String {
        id.split(separator: "-").map { part -> String in
            switch part {
            case "utf8": return "UTF8"
            case "yaml": return "YAML"
            default: return part.prefix(1).uppercased() + part.dropFirst()
            }
        }.joined()
    }

    /// The Swift files under a folder of the package, by name without `.swift`, with their text.
    static func swiftFiles(under folder: String) throws -> [String: (path: String, text: String)] {
        let root = Transcript.packageRoot.appendingPathComponent(folder)
        let enumerator = try XCTUnwrap(FileManager.default.enumerator(atPath: root.path))
        var files: [String: (path: String, text: String)] = [:]
        while let path = enumerator.nextObject() as? String {
            guard path.hasSuffix(".swift") else { continue }
            let name = String(path.split(separator: "/").last!.dropLast(".swift".count))
            XCTAssertNil(files[name], "two files named \(name).swift under \(folder)")
            files[name] = (folder + "/" + path, try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8))
        }
        return files
    }

    func testEveryCataloguedRuleIsDeclaredByATypeNamedAfterIt() {
        for definition in RuleCatalog.groups.flatMap(\.definitions) {
            XCTAssertEqual(String(describing: definition), Self.name(of: definition.rule.id),
                           "rule \(definition.rule.id) is declared by \(definition)")
        }
    }

    func testEveryCataloguedRuleHasASourceFileNamedAfterIt() throws {
        let files = try Self.swiftFiles(under: "Sources/LeadbookCore/Rules")
        for rule in RuleCatalog.all {
            let name = Self.name(of: rule.id)
            guard let file = files[name] else {
                XCTFail("rule \(rule.id) has no file \(name).swift under Sources/LeadbookCore/Rules")
                continue
            }
            XCTAssertTrue(file.text.contains("Rule(\"\(rule.id)\""), "\(file.path) does not declare rule \(rule.id)")
            XCTAssertTrue(file.text.contains("public enum \(name):"), "\(file.path) does not declare the type \(name)")
        }
    }

    func testEveryRulesFileDeclaresACataloguedRule() throws {
        let names = Set(RuleCatalog.all.map { Self.name(of: $0.id) })
        for (name, file) in try Self.swiftFiles(under: "Sources/LeadbookCore/Rules") {
            if Self.sharedRuleFiles.contains(name) {
                XCTAssertFalse(file.text.contains("Rule(\""), "\(file.path) is shared by several rules and declares none")
                continue
            }
            XCTAssertTrue(names.contains(name), "\(file.path) is not named after a rule of RuleCatalog")
            let declared = file.text.components(separatedBy: "Rule(\"").count - 1
            XCTAssertEqual(declared, 1, "\(file.path) declares \(declared) rules; a file declares the one it is named after")
        }
    }

    func testEveryRuleHasATestFileNamedAfterIt() throws {
        let files = try Self.swiftFiles(under: "Tests/LeadbookTests/Core/Rules")
        for rule in RuleCatalog.all {
            let name = Self.name(of: rule.id) + "Tests"
            guard let file = files[name] else {
                XCTFail("rule \(rule.id) has no test file \(name).swift under Tests/LeadbookTests/Core/Rules")
                continue
            }
            XCTAssertTrue(file.text.contains("final class \(name): XCTestCase") || file.text.contains("final class \(name): RuleWorkspaceTestCase"),
                          "\(file.path) does not declare \(name)")
            XCTAssertTrue(file.text.contains("\"\(rule.id)\""), "\(file.path) never names the rule \(rule.id)")
        }
        let names = Set(RuleCatalog.all.map { Self.name(of: $0.id) + "Tests" })
        for (name, file) in files where !Self.sharedTestFiles.contains(name) {
            XCTAssertTrue(names.contains(name), "\(file.path) is not named after a rule of RuleCatalog")
        }
    }

    /// Rules are reported with their own messages: no file outside Rules/ words a diagnostic.
    func testOnlyRuleFilesWordMessages() throws {
        for folder in ["Sources/LeadbookCore", "Sources/LeadbookCommands"] {
            for (_, file) in try Self.swiftFiles(under: folder) where !file.path.hasPrefix("Sources/LeadbookCore/Rules/") {
                XCTAssertFalse(file.text.contains("extension RuleMessage"), "\(file.path) declares messages of a rule")
                XCTAssertFalse(file.text.contains("Rule(\""), "\(file.path) declares a rule")
            }
        }
    }
}
