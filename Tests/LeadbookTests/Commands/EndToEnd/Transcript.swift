import Foundation
import XCTest

/// Runs the built `leadbook` executable on a copy of a fixture workspace and compares what it
/// prints with the case's `expected.txt` transcript.
///
/// A case is a folder under Tests/Fixtures/e2e with `workspace/` (copied to a temporary
/// folder first, so commands may write) and `commands` (one command line per line, arguments
/// split on spaces, except inside double quotes: `--note "客户 希望"` is one argument;
/// `#` starts a comment). Set LEADBOOK_RECORD=1 to write the transcripts
/// anew instead of comparing; review the diff before committing it.
enum Transcript {
    /// The folder with Package.swift, found upwards from this file.
    static let packageRoot: URL = {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while folder.path != "/" {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) { return folder }
            folder = folder.deletingLastPathComponent()
        }
        fatalError("no Package.swift above \(#filePath)")
    }()

    static var fixtures: URL { packageRoot.appendingPathComponent("Tests/Fixtures/e2e") }

    static var recording: Bool { ProcessInfo.processInfo.environment["LEADBOOK_RECORD"] == "1" }

    /// The `leadbook` executable next to the test bundle.
    static var executable: URL {
        #if os(macOS)
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("leadbook")
        }
        #endif
        return Bundle.main.bundleURL.appendingPathComponent("leadbook")
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs leadbook with an argument array (never through a shell).
    static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        // Views fit 100 columns when the output is not a terminal, whatever the caller's COLUMNS.
        env.removeValue(forKey: "COLUMNS")
        // The transcripts are in English unless a case asks for another language.
        env["LEADBOOK_LANG"] = "en"
        // A fixture read where it is in the source tree (not a copy) is left as it is: no cache.
        if ([directory.path] + arguments).contains(where: { $0.hasPrefix(packageRoot.path + "/") }) { env["LEADBOOK_NO_CACHE"] = "1" }
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Copies `source` to a new temporary folder and returns it.
    static func copy(_ source: URL) throws -> URL {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("leadbook-e2e-" + UUID().uuidString)
        try FileManager.default.copyItem(at: source, to: target)
        return target
    }

    /// Every file under `root` (relative path -> bytes), without `.leadbook/`.
    static func tree(_ root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root.path)!
        while let path = enumerator.nextObject() as? String {
            if path == ".leadbook" || path.hasPrefix(".leadbook/") { continue }
            var isDirectory: ObjCBool = false
            let full = root.appendingPathComponent(path)
            _ = FileManager.default.fileExists(atPath: full.path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files[path] = try Data(contentsOf: full) }
        }
        return files
    }

    /// When the case has `expected-tree/`, the workspace after the commands must equal it
    /// byte for byte.
    static func compareTree(_ workspace: URL, _ directory: URL, file: StaticString, line: UInt) throws {
        let expectedTree = directory.appendingPathComponent("expected-tree")
        if recording {
            guard FileManager.default.fileExists(atPath: expectedTree.path) else { return }
            try FileManager.default.removeItem(at: expectedTree)
            try FileManager.default.copyItem(at: workspace, to: expectedTree)
            try? FileManager.default.removeItem(at: expectedTree.appendingPathComponent(".leadbook"))
            return
        }
        guard FileManager.default.fileExists(atPath: expectedTree.path) else { return }
        let actual = try tree(workspace), expected = try tree(expectedTree)
        XCTAssertEqual(actual.keys.sorted(), expected.keys.sorted(), "files after the commands", file: file, line: line)
        for (path, data) in expected where actual[path] != data {
            XCTFail("\(path) differs from expected-tree/\(path)", file: file, line: line)
        }
    }

    /// Runs every command of a case and returns the transcript.
    static func transcript(of caseName: String, file: StaticString = #filePath, line: UInt = #line) throws -> (actual: String, expectedURL: URL) {
        let directory = fixtures.appendingPathComponent(caseName)
        let workspace = try copy(directory.appendingPathComponent("workspace"))
        defer { try? FileManager.default.removeItem(at: workspace) }
        let commands = try String(contentsOf: directory.appendingPathComponent("commands"), encoding: .utf8)
        var transcript = ""
        for line in commands.split(separator: "\n") {
            let command = line.trimmingCharacters(in: .whitespaces)
            if command.isEmpty || command.hasPrefix("#") { continue }
            let arguments = words(command)
            let run = try self.run(arguments, in: workspace)
            transcript += "$ leadbook \(command)\n"
            transcript += run.stdout
            if !run.stderr.isEmpty { transcript += "[stderr]\n" + run.stderr }
            transcript += "[exit \(run.status)]\n\n"
        }
        try compareTree(workspace, directory, file: file, line: line)
        return (transcript, directory.appendingPathComponent("expected.txt"))
    }

    /// A command line split on spaces; text between double quotes is one word (quotes removed).
    static func words(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        var inWord = false
        for character in line {
            if character == "\"" {
                quoted.toggle()
                inWord = true
            } else if character == " " && !quoted {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }

    static func check(_ caseName: String, file: StaticString = #filePath, line: UInt = #line) throws {
        guard FileManager.default.fileExists(atPath: executable.path) else {
            XCTFail("the leadbook executable was not built at \(executable.path); run `swift build` first", file: file, line: line)
            return
        }
        let (actual, expectedURL) = try transcript(of: caseName, file: file, line: line)
        if recording {
            try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
            return
        }
        let expected = (try? String(contentsOf: expectedURL, encoding: .utf8)) ?? ""
        if actual != expected {
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(actualLines.count, expectedLines.count)
            XCTFail("""
                transcript of \(caseName) differs from expected.txt at line \(first + 1):
                expected: \(first < expectedLines.count ? String(expectedLines[first]) : "<end>")
                actual:   \(first < actualLines.count ? String(actualLines[first]) : "<end>")
                (LEADBOOK_RECORD=1 swift test re-records)
                """, file: file, line: line)
        }
    }
}
