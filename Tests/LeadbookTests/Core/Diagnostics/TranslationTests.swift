import Foundation
import XCTest
@testable import LeadbookCore
@testable import LeadbookText

/// Every rule and every message of the core says it in Chinese too: the catalog's summaries,
/// and, read from the sources, every `Wording` / `RuleMessage` / `Phrase` written with two
/// texts, whose second (the Chinese) must hold Chinese characters, and no English-only
/// (deprecated) initializer.
final class TranslationTests: XCTestCase {
    /// Rule files another piece of work is rewriting; they leave this list when they are translated.
    /// The files whose words must be in both languages: every source file of leadbook (the
    /// benchmark, a tool for developers, aside).
    static var checkedFiles: [String] {
        let root = Transcript.packageRoot
        var files: [String] = []
        for target in ["LeadbookText", "LeadbookCore", "LeadbookServer", "LeadbookCommands", "leadbook"] {
            let folder = root.appendingPathComponent("Sources/" + target)
            if let walk = FileManager.default.enumerator(atPath: folder.path) {
                for case let path as String in walk where path.hasSuffix(".swift") {
                    files.append("Sources/\(target)/" + path)
                }
            }
        }
        return files.sorted()
    }

    func testEveryRuleSummaryIsInChinese() {
        XCTAssertGreaterThan(RuleCatalog.all.count, 50)
        for rule in RuleCatalog.all {
            let phrase = rule.summaryPhrase
            XCTAssertFalse(phrase.zh.isEmpty, rule.id)
            XCTAssertNotEqual(phrase.zh, phrase.en, rule.id)
            XCTAssertTrue(Self.hasChinese(phrase.zh), "\(rule.id): \(phrase.zh)")
        }
        for group in RuleCatalog.groups where group.heading.en != "leadbook.yml" {
            XCTAssertTrue(Self.hasChinese(group.heading.zh), group.title)
        }
    }

    /// The checked files exist (a file moved away would otherwise leave the scan empty).
    func testTheCheckedFilesExist() {
        for file in Self.checkedFiles {
            XCTAssertTrue(FileManager.default.fileExists(atPath: Transcript.packageRoot.appendingPathComponent(file).path), file)
        }
        XCTAssertGreaterThan(Self.checkedFiles.count, 80)
    }

    func testEveryMessageOfTheCheckedFilesIsWrittenInBothLanguages() throws {
        var problems: [String] = []
        var bilingual = 0
        for file in Self.checkedFiles {
            let text = try String(contentsOf: Transcript.packageRoot.appendingPathComponent(file), encoding: .utf8)
            for call in Self.calls(in: text) {
                let place = "\(file):\(call.line): \(call.name)(\(call.arguments.first?.prefix(60) ?? ""))"
                let literals = call.arguments.prefix(2).map(Self.isLiteral)
                switch call.name {
                case "Rule":
                    if call.arguments.count >= 3, Self.isLiteral(call.arguments[2]) { problems.append(place + ": an English-only summary") }
                case "Phrase":
                    guard call.arguments.count >= 2, literals == [true, true] else { continue }
                    bilingual += 1
                    if !Self.translated(call.arguments[0], call.arguments[1]) { problems.append(place + ": no Chinese in `\(call.arguments[1])`") }
                default:
                    guard literals.first == true else { continue }
                    if call.arguments.count >= 2, literals == [true, true] {
                        bilingual += 1
                        if !Self.translated(call.arguments[0], call.arguments[1]) { problems.append(place + ": no Chinese in `\(call.arguments[1])`") }
                    } else if call.arguments.count == 1 || call.arguments[1].hasPrefix("hint:") {
                        problems.append(place + ": English only")
                    }
                }
            }
        }
        XCTAssertGreaterThan(bilingual, 300, "the scan finds the messages")
        XCTAssertEqual(problems, [], problems.joined(separator: "\n"))
    }

    /// The scan itself: it finds an English-only message, an untranslated second text, and
    /// passes a translated one and a value that is the same in both languages.
    func testTheScanTellsTranslatedFromUntranslated() {
        let source = """
            Self("the file is empty", hint: "write it")
            Self("two", "two", hint: Phrase("a", "b"))
            Self("好 `\\(x)`", "好")
            Message("unknown `\\(text)`", "没有 `\\(text)` 这个状态", hint: Status.hint(for: text))
            Phrase("`\\(a)` -> `\\(b)`", "`\\(a)` -> `\\(b)`")
            """
        let calls = Self.calls(in: source)
        XCTAssertEqual(calls.map(\.name), ["Self", "Self", "Phrase", "Self", "Message", "Phrase"])
        XCTAssertEqual(calls[0].arguments.count, 2)
        XCTAssertTrue(calls[0].arguments[1].hasPrefix("hint:"))
        XCTAssertFalse(Self.translated(calls[1].arguments[0], calls[1].arguments[1]))
        XCTAssertFalse(Self.translated(calls[2].arguments[0], calls[2].arguments[1]))
        XCTAssertTrue(Self.translated(calls[4].arguments[0], calls[4].arguments[1]))
        XCTAssertTrue(Self.translated(calls[5].arguments[0], calls[5].arguments[1]), "only values: the same in both")
    }

    // MARK: The scan

    static func hasChinese(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) || (0x3000...0x303F).contains($0.value) || (0xFF00...0xFFEF).contains($0.value) }
    }

    /// The Chinese literal translates the English one: it holds Chinese, or the English holds
    /// no words (only values, interpolations and symbols).
    static func translated(_ en: String, _ zh: String) -> Bool {
        if hasChinese(zh) { return true }
        return !withoutInterpolations(en).unicodeScalars.contains { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }
    }

    /// Whether the argument is one string literal (not an expression that starts with one).
    static func isLiteral(_ argument: String) -> Bool {
        let scalars = Array(argument.unicodeScalars)
        return scalars.first == "\"" && skipString(scalars, from: 0) == scalars.count
    }

    /// The literal without its interpolations and escapes (`\n`).
    static func withoutInterpolations(_ literal: String) -> String {
        var result = ""
        var depth = 0
        var scalars = Array(literal.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            if depth == 0, scalar == "\\", scalars.first == "(" { scalars.removeFirst(); depth = 1; continue }
            if depth == 0, scalar == "\\" { scalars = scalars.dropFirst(); continue }
            if depth > 0 {
                if scalar == "(" { depth += 1 } else if scalar == ")" { depth -= 1 }
                continue
            }
            result.unicodeScalars.append(scalar)
        }
        return result
    }

    struct Call {
        var name: String
        var line: Int
        /// The top-level arguments as written, trimmed.
        var arguments: [String]
    }

    /// Every call of `Self(`, `Message(`, `Wording(`, `Phrase(` and `Rule(` with its top-level
    /// arguments (string literals with interpolations and nested calls kept whole).
    static func calls(in source: String) -> [Call] {
        let scalars = Array(source.unicodeScalars)
        var calls: [Call] = []
        var index = 0
        var line = 1
        let names = ["Self", "Message", "Wording", "Phrase", "Rule"]
        func isIdentifier(_ scalar: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "."
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\n" { line += 1 }
            if scalar == "/", index + 1 < scalars.count, scalars[index + 1] == "/" {
                while index < scalars.count, scalars[index] != "\n" { index += 1 }
                continue
            }
            if scalar == "\"" {
                let end = skipString(scalars, from: index)
                line += scalars[index..<end].filter { $0 == "\n" }.count
                index = end
                continue
            }
            var matched: String?
            for name in names {
                let count = name.unicodeScalars.count
                guard index + count < scalars.count, scalars[index + count] == "(",
                      String(String.UnicodeScalarView(scalars[index..<(index + count)])) == name,
                      index == 0 || !isIdentifier(scalars[index - 1]) else { continue }
                matched = name
            }
            guard let name = matched else { index += 1; continue }
            let open = index + name.unicodeScalars.count
            let (arguments, end) = splitArguments(scalars, open: open)
            calls.append(Call(name: name, line: line, arguments: arguments))
            // Nested calls are found too: continue inside the arguments.
            index = open + 1
            _ = end
        }
        return calls
    }

    /// The index after the string literal starting at `start` (`"`, or `"""`), interpolations
    /// and escapes included.
    static func skipString(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        let triple = start + 2 < scalars.count && scalars[start + 1] == "\"" && scalars[start + 2] == "\""
        var index = start + (triple ? 3 : 1)
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\\" {
                if index + 1 < scalars.count, scalars[index + 1] == "(" {
                    index = skipParentheses(scalars, open: index + 1)
                    continue
                }
                index += 2
                continue
            }
            if scalar == "\"" {
                if !triple { return index + 1 }
                if index + 2 < scalars.count, scalars[index + 1] == "\"", scalars[index + 2] == "\"" { return index + 3 }
            }
            if scalar == "\n", !triple { return index }
            index += 1
        }
        return index
    }

    /// The index after the `)` that closes the `(` at `open`.
    static func skipParentheses(_ scalars: [Unicode.Scalar], open: Int) -> Int {
        splitArguments(scalars, open: open).end
    }

    static func splitArguments(_ scalars: [Unicode.Scalar], open: Int) -> (arguments: [String], end: Int) {
        var depth = 0
        var index = open
        var current = String.UnicodeScalarView()
        var arguments: [String] = []
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\"" {
                let end = skipString(scalars, from: index)
                if depth >= 1 { current.append(contentsOf: scalars[index..<end]) }
                index = end
                continue
            }
            if scalar == "(" || scalar == "[" || scalar == "{" {
                depth += 1
                if depth > 1 { current.append(scalar) }
            } else if scalar == ")" || scalar == "]" || scalar == "}" {
                depth -= 1
                if depth == 0 {
                    let last = String(current).trimmingCharacters(in: .whitespacesAndNewlines)
                    if !last.isEmpty { arguments.append(last) }
                    return (arguments, index + 1)
                }
                current.append(scalar)
            } else if scalar == ",", depth == 1 {
                arguments.append(String(current).trimmingCharacters(in: .whitespacesAndNewlines))
                current = String.UnicodeScalarView()
            } else if depth >= 1 {
                current.append(scalar)
            }
            index += 1
        }
        return (arguments, index)
    }
}
