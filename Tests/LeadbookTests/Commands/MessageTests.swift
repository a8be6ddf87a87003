import Foundation
import XCTest

/// Every line a command prints is a named message declared beside its command (`enum Message`),
/// so its words can be found, and later translated, in one place: no command file passes an
/// inline string literal with words in it to the console, a refusal or a usage error.
final class MessageTests: XCTestCase {
    static let printingCalls = ["console.out(\"", "console.err(\"", "Refusal.usage(\"", "Refusal.finding(\"",
                                "UsageError(\"", "complain(\""]

    func testCommandsPrintNoInlineWords() throws {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
            folder.deleteLastPathComponent()
            guard folder.path != "/" else { return XCTFail("no Package.swift above \(#filePath)") }
        }
        let sources = folder.appendingPathComponent("Sources/LeadbookCommands")
        let files = try FileManager.default.contentsOfDirectory(atPath: sources.path).filter { $0.hasSuffix(".swift") }.sorted()
        XCTAssertFalse(files.isEmpty)
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for (number, line) in Self.linesOutsideMessages(text) {
                for call in Self.printingCalls {
                    var rest = Substring(line)
                    while let found = rest.range(of: call) {
                        let literal = Self.literal(rest[rest.index(before: found.upperBound)...])
                        XCTAssertFalse(literal.contains { $0.isLetter },
                                       "\(file):\(number): `\(call)…` prints inline words; declare them in the command's `enum Message`")
                        rest = rest[found.upperBound...]
                    }
                }
            }
        }
    }

    /// A file's lines with their numbers, leaving out the `enum Message` declarations.
    static func linesOutsideMessages(_ text: String) -> [(Int, String)] {
        var kept: [(Int, String)] = []
        var depth = 0, messageDepth: Int?
        for (index, line) in text.components(separatedBy: "\n").enumerated() {
            if messageDepth == nil, line.contains("enum Message") { messageDepth = depth }
            if messageDepth == nil { kept.append((index + 1, line)) }
            for character in line {
                if character == "{" { depth += 1 }
                if character == "}" { depth -= 1 }
            }
            if let start = messageDepth, depth <= start, !line.contains("enum Message") || line.contains("}") { messageDepth = nil }
        }
        return kept
    }

    /// The text of the string literal that `source` starts with, less its escapes and its
    /// interpolations (`\(...)`, with nested parentheses and strings).
    static func literal(_ source: Substring) -> String {
        var text = ""
        var index = source.index(after: source.startIndex)
        while index < source.endIndex, source[index] != "\"" {
            if source[index] == "\\" {
                let next = source.index(after: index)
                guard next < source.endIndex else { break }
                if source[next] == "(" {
                    var depth = 0, inString = false
                    index = next
                    while index < source.endIndex {
                        let character = source[index]
                        if character == "\"" { inString.toggle() }
                        if !inString && character == "(" { depth += 1 }
                        if !inString && character == ")" { depth -= 1; if depth == 0 { break } }
                        index = source.index(after: index)
                    }
                } else {
                    index = next
                }
            } else {
                text.append(source[index])
            }
            if index < source.endIndex { index = source.index(after: index) }
        }
        return text
    }

    func testTheScanSeesInlineWords() {
        XCTAssertTrue(Self.literal("\"leadbook \\(command): \\(text)\\n\")").contains { $0.isLetter })
        XCTAssertFalse(Self.literal("\"\\(error)\"").contains { $0.isLetter })
        XCTAssertFalse(Self.literal("\"\\(Message.unexpected(\"x\"))\\n\"").contains { $0.isLetter })
        XCTAssertEqual(Self.linesOutsideMessages("a\nenum Message {\n  \"b\"\n}\nc").map(\.1), ["a", "c"])
    }
}
