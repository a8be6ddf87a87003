import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookText

/// Every line a command prints is a named message declared beside its command (`enum Message`),
/// so its words can be found, and later translated, in one place: no command file passes an
/// inline string literal with words in it to the console, a refusal or a usage error. Every
/// message is a `Phrase`, in English and in Chinese: no `Message` declares a `String` message.
final class MessageTests: XCTestCase {
    /// The folder with Package.swift, found upwards from this file.
    static func packageRoot() throws -> URL {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
            folder.deleteLastPathComponent()
            guard folder.path != "/" else { throw XCTSkip("no Package.swift above \(#filePath)") }
        }
        return folder
    }

    /// Every command file with its text.
    static func commandFiles() throws -> [(name: String, text: String)] {
        let sources = try packageRoot().appendingPathComponent("Sources/LeadbookCommands")
        return try FileManager.default.contentsOfDirectory(atPath: sources.path).filter { $0.hasSuffix(".swift") }.sorted().map {
            ($0, try String(contentsOf: sources.appendingPathComponent($0), encoding: .utf8))
        }
    }

    func testEveryMessageIsAPhrase() throws {
        let files = try Self.commandFiles()
        XCTAssertTrue(files.contains { $0.name == "LogCommand.swift" })
        for file in files {
            for (number, line) in Self.stringMessages(file.text) {
                XCTFail("\(file.name):\(number): `\(line.trimmingCharacters(in: .whitespaces))` is a message in one language; make it a Phrase(en, zh)")
            }
        }
    }

    /// The lines of `enum Message` declarations (and of extensions of a `Message`) that declare
    /// a `String` message: a function returning `String`, or a constant that is a string literal.
    /// A declaration marked deprecated (a shim kept for the files not yet translated) is not one.
    static func stringMessages(_ text: String) -> [(Int, String)] {
        var found: [(Int, String)] = []
        var depth = 0, messageDepth: Int?
        var deprecated = false
        for (index, line) in text.components(separatedBy: "\n").enumerated() {
            let opensMessage = line.contains("enum Message") || (line.contains("extension ") && line.contains(".Message {"))
            if messageDepth == nil, opensMessage { messageDepth = depth }
            if messageDepth != nil, !opensMessage {
                let declaresString = line.range(of: #"static (func|var) [^{]*-> String\b"#, options: .regularExpression) != nil
                    || line.range(of: #"static (let|var) \w+(: String)? = ""#, options: .regularExpression) != nil
                    || line.range(of: #"static var \w+: String\b"#, options: .regularExpression) != nil
                if declaresString && !deprecated { found.append((index + 1, line)) }
                deprecated = line.contains("@available(*, deprecated")
            }
            for character in line {
                if character == "{" { depth += 1 }
                if character == "}" { depth -= 1 }
            }
            if let start = messageDepth, depth <= start, !opensMessage || line.contains("}") { messageDepth = nil; deprecated = false }
        }
        return found
    }

    func testTheScanSeesStringMessages() {
        let english = """
            enum LogCommand {}
            extension LogCommand {
                enum Message {
                    static func oneId(usage: String) -> String { "give one customer id" }
                    static let dealWithoutWon = "--deal goes with --status won"
                    static func fine(_ id: String) -> Phrase { Phrase("\\(id)", "\\(id)") }
                }
            }
            extension CommandContext.Message {
                static func notAMoment(_ text: String) -> String { text }
                @available(*, deprecated, message: "a shim")
                static func shim(_ text: String) -> String { text }
            }
            static func outside() -> String { "" }
            """
        XCTAssertEqual(Self.stringMessages(english).map(\.0), [4, 5, 10])
        XCTAssertEqual(Self.stringMessages("enum Message {\n    static let x = Phrase(\"a\", \"甲\")\n}").count, 0)
    }

    /// Every `Phrase("...", "...")` of a translated command file has Chinese words (or Chinese
    /// punctuation) in its second text, different from the first; one that only puts the Chinese
    /// of other phrases in (`\\(problem.zh)`) is left to them.
    func testEveryPhraseOfATranslatedFileHasItsChinese() throws {
        for file in try Self.commandFiles() {
            for (line, english, chinese) in Self.phrasePairs(file.text) where !chinese.raw.contains(".zh)") {
                XCTAssertNotEqual(english.raw, chinese.raw, "\(file.name):\(line): the Chinese is the English")
                XCTAssertTrue(chinese.text.unicodeScalars.contains(where: Self.isChinese), "\(file.name):\(line): `\(chinese.raw)` has no Chinese")
            }
        }
    }

    /// `Phrase(verbatim:)` is for what reads the same in both languages (a path, a number, an
    /// error's own text); in a translated command file it holds no words but the program's name.
    func testNoWordsHideInAVerbatimPhrase() throws {
        for file in try Self.commandFiles() {
            for (number, line) in file.text.components(separatedBy: "\n").enumerated() {
                var rest = Substring(line)
                while let found = rest.range(of: "Phrase(verbatim: \"") {
                    let words = Self.literal(rest[rest.index(before: found.upperBound)...]).replacingOccurrences(of: "leadbook", with: "")
                    XCTAssertFalse(words.contains { $0.isLetter }, "\(file.name):\(number + 1): words in a Phrase(verbatim:); write them in both languages")
                    rest = rest[found.upperBound...]
                }
            }
        }
    }

    static func isChinese(_ scalar: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(scalar.value) || (0x3000...0x303F).contains(scalar.value) || (0xFF00...0xFFEF).contains(scalar.value)
    }

    /// The two texts of each `Phrase(` whose arguments are two string literals (one line each,
    /// or two `\"\"\"` blocks), with the line it starts on.
    static func phrasePairs(_ text: String) -> [(Int, (text: String, raw: String), (text: String, raw: String))] {
        var pairs: [(Int, (text: String, raw: String), (text: String, raw: String))] = []
        var rest = Substring(text)
        while let found = rest.range(of: "Phrase(") {
            let line = text[..<found.lowerBound].filter { $0 == "\n" }.count + 1
            rest = rest[found.upperBound...]
            guard let (first, afterFirst) = literal(at: rest.drop { $0 == " " || $0 == "\n" }) else { continue }
            let comma = afterFirst.drop { $0 == " " || $0 == "\n" }
            guard comma.first == "," else { continue }
            guard let (second, afterSecond) = literal(at: comma.dropFirst().drop { $0 == " " || $0 == "\n" }),
                  afterSecond.drop(while: { $0 == " " || $0 == "\n" }).first == ")" else { continue }
            pairs.append((line, first, second))
        }
        return pairs
    }

    /// The literal `source` starts with (its text without escapes and interpolations, its text
    /// as written, then what follows it).
    static func literal(at source: Substring) -> ((text: String, raw: String), Substring)? {
        if source.hasPrefix("\"\"\"") {
            let body = source.dropFirst(3)
            guard let end = body.range(of: "\"\"\"") else { return nil }
            return ((String(body[..<end.lowerBound]), String(body[..<end.lowerBound])), body[end.upperBound...])
        }
        guard source.first == "\"" else { return nil }
        let (text, close) = Self.scanLiteral(source)
        guard let index = close else { return nil }
        return ((text, String(source[source.index(after: source.startIndex)..<index])), source[source.index(after: index)...])
    }

    func testThePhraseScanReadsBothTexts() {
        let source = """
            static let open = Phrase("open", "未解决")
            static func kept(_ id: String) -> Phrase { Phrase("\\(id): kept (\\(when.en))\\n", "\\(id)：保留\\n") }
            static let untranslated = Phrase("no free id", "no free id")
            details: Phrase(\"\"\"
                Only the derived values change.
                \"\"\", \"\"\"
                只改推算出的值。
                \"\"\")
            static func joined() -> Phrase { Phrase("a" + b, "甲") }
            """
        let pairs = Self.phrasePairs(source)
        XCTAssertEqual(pairs.map(\.0), [1, 2, 3, 4])
        XCTAssertEqual(pairs.map(\.2.text).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }, ["未解决", "：保留", "no free id", "只改推算出的值。"])
        XCTAssertEqual(pairs[1].2.raw, "\\(id)：保留\\n")
        XCTAssertFalse(pairs[2].2.text.unicodeScalars.contains(where: Self.isChinese), "the scan would catch an untranslated phrase")
    }

    /// Each translated command's summary, details and option help exist in Chinese.
    func testEveryTranslatedCommandsHelpHasItsChinese() throws {
        func file(of command: String) -> String {
            command.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined() + "Command.swift"
        }
        var checked = 0
        for entry in LeadbookCommandLine.commands {
            let spec = entry.spec
            var phrases = [("summary", spec.summary)] + spec.options.map { ("--" + $0.long, $0.help) }
            if !spec.details.isEmpty { phrases.append(("details", spec.details)) }
            for (what, phrase) in phrases {
                XCTAssertNotEqual(phrase.en, phrase.zh, "leadbook \(spec.name): \(what) is not translated")
                XCTAssertTrue(phrase.zh.unicodeScalars.contains(where: Self.isChinese), "leadbook \(spec.name): \(what) has no Chinese")
            }
            checked += 1
        }
        XCTAssertGreaterThanOrEqual(checked, 8, "check, new, log, feedback, sync, merge, assign, renumber at least")
    }

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
    static func literal(_ source: Substring) -> String { scanLiteral(source).text }

    /// The same text, and where the literal's closing quote is (nil when the line ends first).
    static func scanLiteral(_ source: Substring) -> (text: String, close: Substring.Index?) {
        var text = ""
        var index = source.index(after: source.startIndex)
        while index < source.endIndex, source[index] != "\"" {
            if source[index] == "\\" {
                let next = source.index(after: index)
                guard next < source.endIndex else { return (text, nil) }
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
        return (text, index < source.endIndex ? index : nil)
    }

    func testTheScanSeesInlineWords() {
        XCTAssertTrue(Self.literal("\"leadbook \\(command): \\(text)\\n\")").contains { $0.isLetter })
        XCTAssertFalse(Self.literal("\"\\(error)\"").contains { $0.isLetter })
        XCTAssertFalse(Self.literal("\"\\(Message.unexpected(\"x\"))\\n\"").contains { $0.isLetter })
        XCTAssertEqual(Self.linesOutsideMessages("a\nenum Message {\n  \"b\"\n}\nc").map(\.1), ["a", "c"])
    }
}
