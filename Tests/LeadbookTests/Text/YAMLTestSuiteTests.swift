import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// Differential test against yaml-test-suite: every case is either rejected with a located
/// error, or read to the same tree as the suite's in.json. Scalars are compared as text: a
/// JSON string with the scalar's text, a JSON number, `true` or `false` with the plain
/// scalar's source text exactly (`0x1F` is not `31`), and `null` with an empty or `null`
/// plain scalar.
final class YAMLTestSuiteTests: XCTestCase {
    /// The folder named by YAML_TEST_SUITE, else ../shared/testdata/yaml-test-suite beside the
    /// package root.
    static var suiteDirectory: URL {
        if let named = ProcessInfo.processInfo.environment["YAML_TEST_SUITE"], !named.isEmpty {
            return URL(fileURLWithPath: named)
        }
        return Transcript.packageRoot.appendingPathComponent("../shared/testdata/yaml-test-suite").standardized
    }

    /// What the skip says: where the suite was looked for and how to get it.
    static let howToGetIt = """
        get the suite's data (the data branch of github.com/yaml/yaml-test-suite: one folder per \
        case with in.yaml, in.json and error) and put it at ../shared/testdata/yaml-test-suite beside \
        the package, or set YAML_TEST_SUITE to its folder; .ci/run fails when this test is skipped
        """

    struct Case {
        let name: String
        let directory: URL
    }

    static func cases() throws -> [Case] {
        let fm = FileManager.default
        var result: [Case] = []
        for name in try fm.contentsOfDirectory(atPath: suiteDirectory.path).sorted() {
            let dir = suiteDirectory.appendingPathComponent(name)
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: dir.path, isDirectory: &isDir), isDir.boolValue else { continue }
            if fm.fileExists(atPath: dir.appendingPathComponent("in.yaml").path) {
                result.append(Case(name: name, directory: dir))
            } else {
                for sub in try fm.contentsOfDirectory(atPath: dir.path).sorted() {
                    let subDir = dir.appendingPathComponent(sub)
                    if fm.fileExists(atPath: subDir.appendingPathComponent("in.yaml").path) {
                        result.append(Case(name: "\(name)/\(sub)", directory: subDir))
                    }
                }
            }
        }
        return result
    }

    func testEveryCaseIsRejectedOrReadAsTheSuiteReadsIt() throws {
        guard FileManager.default.fileExists(atPath: Self.suiteDirectory.path) else {
            throw XCTSkip("yaml-test-suite not found at \(Self.suiteDirectory.path): \(Self.howToGetIt)")
        }
        let cases = try Self.cases()
        XCTAssertGreaterThan(cases.count, 300)
        var accepted = 0, rejected = 0, acceptedWithoutReference = 0
        var disagreements: [String] = []
        for testCase in cases {
            let input = try Data(contentsOf: testCase.directory.appendingPathComponent("in.yaml"))
            let mustFail = FileManager.default.fileExists(atPath: testCase.directory.appendingPathComponent("error").path)
            let result: Result<YAMLNode?, Error> = Result { try YAMLReader.parse([UInt8](input)) }
            switch result {
            case .failure(let error):
                guard let syntax = error as? YAMLSyntaxError else {
                    disagreements.append("\(testCase.name): unexpected error type \(error)")
                    continue
                }
                XCTAssert(syntax.offset >= 0 && syntax.offset <= input.count, "\(testCase.name): error offset out of range")
                rejected += 1
                if !mustFail, ProcessInfo.processInfo.environment["YAML_SUITE_VERBOSE"] != nil {
                    print("rejected valid \(testCase.name): \(syntax.problem)")
                }
            case .success(let node):
                if mustFail {
                    disagreements.append("\(testCase.name): accepted invalid YAML")
                    continue
                }
                let jsonURL = testCase.directory.appendingPathComponent("in.json")
                guard let jsonData = try? Data(contentsOf: jsonURL) else {
                    acceptedWithoutReference += 1
                    continue
                }
                let expected = try JSONValue.parseAll(String(decoding: jsonData, as: UTF8.self))
                accepted += 1
                if expected.count != (node == nil ? 0 : 1) {
                    if !(node == nil && expected == [.null]) {
                        disagreements.append("\(testCase.name): \(expected.count) documents expected")
                    }
                    continue
                }
                if let node, let mismatch = Self.compare(node, expected[0], path: "$") {
                    disagreements.append("\(testCase.name): \(mismatch)")
                }
            }
        }
        print("yaml-test-suite: \(cases.count) cases; \(accepted) read and compared with in.json, \(rejected) rejected, \(acceptedWithoutReference) read without a JSON reference; \(disagreements.count) disagreements")
        XCTAssertEqual(disagreements, [], "disagreements with yaml-test-suite")
    }

    /// nil when equal, else where and how they differ.
    static func compare(_ node: YAMLNode, _ json: JSONValue, path: String) -> String? {
        switch (node.content, json) {
        case let (.mapping(pairs), .object(members)):
            guard pairs.count == members.count else { return "\(path): \(pairs.count) keys, expected \(members.count)" }
            for (key, value) in members {
                guard let pair = pairs.first(where: { $0.keyText == key }) else { return "\(path): missing key \(key)" }
                if let mismatch = compare(pair.value, value, path: path + "." + key) { return mismatch }
            }
            return nil
        case let (.sequence(items), .array(values)):
            guard items.count == values.count else { return "\(path): \(items.count) items, expected \(values.count)" }
            for (index, (item, value)) in zip(items, values).enumerated() {
                if let mismatch = compare(item, value, path: path + "[\(index)]") { return mismatch }
            }
            return nil
        case let (.scalar(text, style), _):
            let plain = style == .plain || style == .empty
            switch json {
            case .null:
                return plain && ["", "null"].contains(text) ? nil : "\(path): \(text.debugDescription) is not null"
            case .bool(let flag):
                let words = flag ? ["true"] : ["false"]
                return plain && words.contains(text) ? nil : "\(path): \(text.debugDescription) is not \(flag)"
            case .number(let number):
                guard plain, text == number else {
                    return "\(path): \(text.debugDescription) is not \(number)"
                }
                return nil
            case .string(let string):
                if text != string { return "\(path): \(text.debugDescription) != \(string.debugDescription)" }
                if plain && CoreSchema.isNonString(text) { return "\(path): plain \(text.debugDescription) would not be a string" }
                return nil
            default:
                return "\(path): scalar \(text.debugDescription), expected a collection"
            }
        default:
            return "\(path): \(node.kindDescription), expected \(json)"
        }
    }
}

/// The YAML 1.2 core schema's resolution of plain scalars, for comparison only.
enum CoreSchema {
    static func isNonString(_ text: String) -> Bool {
        ["", "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE"].contains(text) || number(text) != nil
            || [".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN"].contains(text)
    }

    static func number(_ text: String) -> Double? {
        if text.hasPrefix("0o"), let value = Int(text.dropFirst(2), radix: 8) { return Double(value) }
        if text.hasPrefix("0x"), let value = Int(text.dropFirst(2), radix: 16) { return Double(value) }
        let bytes = Array(text.utf8)
        var index = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
        var digits = 0
        while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 { index += 1; digits += 1 }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 { index += 1; digits += 1 }
        }
        guard digits > 0 else { return nil }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
            var exponentDigits = 0
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 { index += 1; exponentDigits += 1 }
            guard exponentDigits > 0 else { return nil }
        }
        guard index == bytes.count else { return nil }
        return Double(text)
    }
}
