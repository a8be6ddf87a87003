import Foundation
import XCTest
@testable import LeadbookCore
@testable import LeadbookText

/// The hand-editing mistakes of Chinese reps, one case per folder of Tests/Fixtures/typing:
/// `customer.md` (a clean customer with one mistake, or a few), `expected.txt` (every finding
/// at its line and column, its rule, and its message and hint in both languages, then the
/// findings of the file once its fixes are applied) and, when a finding carries a fix,
/// `fixed.md` (the file after `Fix.apply`, round after round as `leadbook fix` applies them).
/// `LEADBOOK_RECORD=1` rewrites `expected.txt` and `fixed.md`; review them with `git diff`.
final class TypingCorpusTests: XCTestCase {
    static let path = "customers/LX2024031-tianfu.md"
    static var corpus: URL { Transcript.packageRoot.appendingPathComponent("Tests/Fixtures/typing") }

    static func cases() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: corpus, includingPropertiesForKeys: nil)
            .filter { $0.hasDirectoryPath || FileManager.default.fileExists(atPath: $0.appendingPathComponent("customer.md").path) }
            .filter { !$0.lastPathComponent.hasPrefix(".") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    static func read(_ bytes: [UInt8]) -> [Diagnostic] {
        CustomerReader.read(path: path, bytes: bytes, configuration: Configuration()).findings.diagnostics.sorted(by: Diagnostic.ordered)
    }

    /// Every finding of `diagnostics`, in both languages.
    static func render(_ diagnostics: [Diagnostic]) -> String {
        if diagnostics.isEmpty { return "(no findings)\n" }
        var text = ""
        for diagnostic in diagnostics {
            text += "\(diagnostic.line):\(diagnostic.column) \(diagnostic.severity.rawValue)[\(diagnostic.rule.id)]"
            text += diagnostic.fix == nil ? "\n" : " fixable\n"
            text += "  en: \(diagnostic.phrase.en)\n"
            if !diagnostic.hintPhrase.isEmpty { text += "      hint: \(diagnostic.hintPhrase.en)\n" }
            text += "  zh: \(diagnostic.phrase.zh)\n"
            if !diagnostic.hintPhrase.isEmpty { text += "      提示: \(diagnostic.hintPhrase.zh)\n" }
        }
        return text
    }

    /// The file after its fixes, applied as `leadbook fix` applies them: round after round until
    /// no finding has one (at most four rounds).
    static func fixed(_ bytes: [UInt8]) -> (bytes: [UInt8], rounds: Int) {
        var bytes = bytes
        var rounds = 0
        while rounds < 4 {
            let fixes = read(bytes).compactMap(\.fix)
            if fixes.isEmpty { break }
            bytes = Fix.apply(fixes, to: bytes).bytes
            rounds += 1
        }
        return (bytes, rounds)
    }

    func testTheCorpusHoldsAtLeastFortyMistakes() throws {
        let cases = try Self.cases()
        XCTAssertGreaterThanOrEqual(cases.count, 40)
        // Each case shows a finding, but those that show what is not a mistake.
        let clean = try cases.filter { Self.read([UInt8](try Data(contentsOf: $0.appendingPathComponent("customer.md")))).isEmpty }
        XCTAssertEqual(clean.map(\.lastPathComponent).map { String($0.dropFirst(3)) }.sorted(), [
            "chinese-comma-in-a-block-list", "chinese-quotes-inside-ascii-quotes", "full-width-colon-in-the-log",
            "full-width-colon-inside-quotes", "url-with-colons",
        ])
    }

    func testEveryCaseGivesItsExpectedFindingsAndFixedFile() throws {
        let recording = ProcessInfo.processInfo.environment["LEADBOOK_RECORD"] == "1"
        for folder in try Self.cases() {
            let name = folder.lastPathComponent
            let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent("customer.md")))
            let diagnostics = Self.read(bytes)
            let (fixedBytes, rounds) = Self.fixed(bytes)
            var text = Self.render(diagnostics)
            if rounds > 0 {
                text += "\nafter `leadbook fix` (\(rounds) \(rounds == 1 ? "round" : "rounds")):\n" + Self.render(Self.read(fixedBytes))
            }
            let expectedURL = folder.appendingPathComponent("expected.txt")
            let fixedURL = folder.appendingPathComponent("fixed.md")
            if recording {
                try Data(text.utf8).write(to: expectedURL)
                if rounds > 0 {
                    try Data(fixedBytes).write(to: fixedURL)
                } else if FileManager.default.fileExists(atPath: fixedURL.path) {
                    try FileManager.default.removeItem(at: fixedURL)
                }
                continue
            }
            let expected = (try? String(contentsOf: expectedURL, encoding: .utf8)) ?? "(missing expected.txt)"
            XCTAssertEqual(text, expected, "\(name): the findings differ (LEADBOOK_RECORD=1 re-records)")
            if rounds > 0 {
                let recorded = (try? Data(contentsOf: fixedURL)).map { [UInt8]($0) }
                XCTAssertEqual(recorded.map { String(decoding: $0, as: UTF8.self) }, String(decoding: fixedBytes, as: UTF8.self),
                               "\(name): the fixed file differs")
                XCTAssertEqual(recorded, fixedBytes, "\(name): the fixed file's bytes differ")
            } else {
                XCTAssertFalse(FileManager.default.fileExists(atPath: fixedURL.path), "\(name): no finding has a fix, but fixed.md exists")
            }
        }
    }

    /// A fix replaces the offending characters and nothing else: its bytes lie on the line of
    /// its finding and hold the character the finding points at, every other byte of the file
    /// stays as it was (BOM, CRLF, comments, the other lines), and once applied the finding is
    /// gone.
    func testFixesChangeOnlyTheOffendingBytes() throws {
        var checked = 0
        for folder in try Self.cases() {
            let name = folder.lastPathComponent
            let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent("customer.md")))
            var source = SourceText(path: Self.path, bytes: bytes)
            let starts = source.lineStarts()
            for diagnostic in Self.read(bytes) {
                guard let fix = diagnostic.fix else { continue }
                checked += 1
                let lineStart = starts[diagnostic.line - 1]
                let lineEnd = diagnostic.line < starts.count ? starts[diagnostic.line] - 1 : bytes.count
                XCTAssertTrue(fix.range.lowerBound >= lineStart && fix.range.upperBound <= lineEnd,
                              "\(name): the fix of \(diagnostic.rule) at line \(diagnostic.line) reaches past its line")
                let first = source.location(of: fix.range.lowerBound).column
                let last = source.location(of: max(fix.range.lowerBound, fix.range.upperBound - 1)).column
                if diagnostic.rule.id == "yaml-syntax" {
                    // Spaces only: an indentation at the start of the line, before the text pointed
                    // at, or the space missing after the colon pointed at.
                    XCTAssertTrue(bytes[fix.range].allSatisfy { $0 == ASCII.space } && fix.replacement.allSatisfy { $0 == ASCII.space }
                                  && (fix.range.lowerBound == lineStart && first <= diagnostic.column || first == diagnostic.column + 1),
                                  "\(name): \(diagnostic.rule) at column \(diagnostic.column), its fix at \(first)")
                } else {
                    XCTAssertTrue((first...last).contains(diagnostic.column),
                                  "\(name): \(diagnostic.rule) points at column \(diagnostic.column), its fix at \(first)...\(last)")
                }
                // Applied alone: the bytes before and after the range are the file's.
                let alone = Fix.apply([fix], to: bytes).bytes
                XCTAssertEqual(Array(alone.prefix(fix.range.lowerBound)), Array(bytes.prefix(fix.range.lowerBound)), name)
                XCTAssertEqual(Array(alone.suffix(bytes.count - fix.range.upperBound)), Array(bytes.suffix(bytes.count - fix.range.upperBound)), name)
                XCTAssertEqual(Array(alone[fix.range.lowerBound..<fix.range.lowerBound + fix.replacement.count]), fix.replacement, name)
                XCTAssertFalse(fix.replacement.contains(ASCII.lf) || fix.replacement.contains(ASCII.cr), "\(name): a fix adds a line break")
                // The finding it fixes is gone.
                let after = Self.read(alone)
                XCTAssertFalse(after.contains { $0.rule == diagnostic.rule && $0.line == diagnostic.line && $0.phrase == diagnostic.phrase },
                               "\(name): \(diagnostic.rule) at line \(diagnostic.line) is still there after its fix")
            }
        }
        XCTAssertGreaterThanOrEqual(checked, 40)
    }
}
