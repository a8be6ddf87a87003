import Foundation
import XCTest

/// Both READMEs are true: every command of their ```console blocks runs, in order, in one
/// shell, as a reader following them would run it (a fresh home folder, `leadbook` on the
/// PATH, no LEADBOOK_LANG), and prints what the README shows under it.
///
/// A `$ ` line is a command (a line ending in `\` goes on with the next); the lines after it,
/// up to the next command, are its output (standard output and standard error as a terminal
/// shows them), where a line `...` stands for any number of lines. A command shown without
/// output must succeed (exit 0). `swift run leadbook` runs the built leadbook; `swift test`
/// and `swift build` are what this suite is, and are not run again.
final class ReadmeTests: XCTestCase {
    struct Step {
        var command: String
        var expected: [String]
        /// The line of the README where the command is.
        var line: Int
    }

    /// The commands and outputs of every ```console block, in order.
    static func steps(_ markdown: String) -> [Step] {
        var steps: [Step] = []
        var inConsole = false
        var continuing = false
        for (offset, line) in markdown.components(separatedBy: "\n").enumerated() {
            if line.hasPrefix("```") {
                inConsole = !inConsole && line == "```console"
                continuing = false
                continue
            }
            guard inConsole else { continue }
            if continuing, var last = steps.popLast() {
                last.command += "\n" + line
                steps.append(last)
                continuing = line.hasSuffix("\\")
            } else if line.hasPrefix("$ ") {
                steps.append(Step(command: String(line.dropFirst(2)), expected: [], line: offset + 1))
                continuing = line.hasSuffix("\\")
            } else if var last = steps.popLast() {
                last.expected.append(line)
                steps.append(last)
            }
        }
        return steps
    }

    /// True when `actual` is `expected`, a `...` line standing for any number of lines.
    static func matches(_ actual: ArraySlice<String>, _ expected: ArraySlice<String>) -> Bool {
        guard let first = expected.first else { return actual.isEmpty }
        if first.trimmingCharacters(in: .whitespaces) == "..." {
            let rest = expected.dropFirst()
            var start = actual.startIndex
            while true {
                if matches(actual[start...], rest) { return true }
                if start == actual.endIndex { return false }
                start += 1
            }
        }
        guard let line = actual.first, line == first else { return false }
        return matches(actual.dropFirst(), expected.dropFirst())
    }

    func tour(_ readme: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let text = try String(contentsOf: Transcript.packageRoot.appendingPathComponent(readme), encoding: .utf8)
        let steps = Self.steps(text).filter { step in
            !step.command.hasPrefix("swift test") && !step.command.hasPrefix("swift build")
        }
        XCTAssertGreaterThan(steps.count, 10, "\(readme) has a tour", file: file, line: line)

        let fileManager = FileManager.default
        let root = fileManager.temporaryDirectory.appendingPathComponent("leadbook-readme-" + UUID().uuidString)
        defer { try? fileManager.removeItem(at: root) }
        let home = root.appendingPathComponent("home"), bin = root.appendingPathComponent("bin"), package = root.appendingPathComponent("package")
        for folder in [home, bin, package] { try fileManager.createDirectory(at: folder, withIntermediateDirectories: true) }
        try fileManager.createSymbolicLink(at: bin.appendingPathComponent("leadbook"), withDestinationURL: Transcript.executable)
        // The sample workspace as the package has it, so nothing a README runs can change the package.
        try fileManager.copyItem(at: Transcript.packageRoot.appendingPathComponent("template-workspace"),
                                 to: package.appendingPathComponent("template-workspace"))

        var script = "exec 2>&1\ncd \"\(package.path)\"\n"
        for (index, step) in steps.enumerated() {
            let command = step.command.replacingOccurrences(of: "swift run leadbook", with: "leadbook")
            script += command + "\nprintf '\\n@@@ \(index) %d @@@\\n' $?\n"
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        var environment = ProcessInfo.processInfo.environment
        for key in ["LEADBOOK_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "COLUMNS"] { environment[key] = nil }
        environment["HOME"] = home.path
        environment["PATH"] = bin.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["NO_COLOR"] = "1"
        environment["GIT_CONFIG_GLOBAL"] = root.appendingPathComponent("gitconfig").path
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        for key in ["GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME"] { environment[key] = "赵六" }
        for key in ["GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL"] { environment[key] = "zhaoliu@example.com" }
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var transcript = String(decoding: data, as: UTF8.self)

        for (index, step) in steps.enumerated() {
            guard let marker = transcript.range(of: #"\n@@@ \#(index) (\d+) @@@\n"#, options: .regularExpression) else {
                return XCTFail("\(readme):\(step.line): `\(step.command)` did not finish; the shell printed:\n\(transcript)", file: file, line: line)
            }
            let printed = String(transcript[..<marker.lowerBound])
            let status = transcript[marker].split(separator: " ")[2]
            transcript = String(transcript[marker.upperBound...])
            var lines = printed.components(separatedBy: "\n")
            if lines.last == "" { lines.removeLast() }
            var expected = step.expected
            while expected.last == "" { expected.removeLast() }
            if expected.isEmpty {
                XCTAssertEqual(status, "0", "\(readme):\(step.line): `\(step.command)` failed:\n\(printed)", file: file, line: line)
            } else {
                XCTAssertTrue(Self.matches(lines[...], expected[...]),
                              "\(readme):\(step.line): `\(step.command)` printed\n\(printed)\nbut the README shows\n\(expected.joined(separator: "\n"))",
                              file: file, line: line)
            }
        }
    }

    func testTheEnglishReadmeRunsAsPrinted() throws {
        try tour("README.md")
    }

    func testTheChineseReadmeRunsAsPrinted() throws {
        try tour("README.zh-CN.md")
    }

    /// The matching itself: `...` stands for any lines, nothing else does.
    func testAnElisionStandsForAnyLines() {
        XCTAssertTrue(Self.matches(["a", "b", "c"], ["a", "...", "c"]))
        XCTAssertTrue(Self.matches(["a", "c"], ["a", "  ...", "c"]))
        XCTAssertFalse(Self.matches(["a", "b"], ["a", "c"]))
        XCTAssertFalse(Self.matches(["a", "b", "c"], ["a", "b"]))
        XCTAssertTrue(Self.matches(["a", "b", "c"], ["...", "c"]))
        let steps = Self.steps("text\n```console\n$ leadbook log X \\\n    --at 1\nlogged\n$ leadbook check\n```\n```sh\n$ not run\n```\n")
        XCTAssertEqual(steps.map(\.command), ["leadbook log X \\\n    --at 1", "leadbook check"])
        XCTAssertEqual(steps.map(\.expected), [["logged"], []])
    }
}
