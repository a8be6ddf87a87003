import Foundation
import XCTest
@testable import LeadbookCore

/// What the tests of the project's own files (Package.swift, .ci/, the workflows, the CI
/// templates, .pre-commit-hooks.yaml) share: the files, the programs they run, a scratch folder,
/// and fake release archives.
enum ProjectTools {
    static var root: URL { Transcript.packageRoot }

    static func text(_ relative: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
    }

    /// The workflows of the project and of the workspace template.
    static let githubWorkflows = [".github/workflows/ci.yml", ".github/workflows/release.yml", "template-workspace/.github/workflows/leadbook.yml"]
    static let gitlabTemplate = "template-workspace/.gitlab-ci.yml"

    /// A program on PATH, or a skip that says what to install.
    static func program(_ name: String, install: String) throws -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        guard let found = ProgramPath.first(name, path: path) else {
            throw XCTSkip("\(name) is not installed (\(install))")
        }
        return URL(fileURLWithPath: found)
    }

    static func run(_ program: URL, _ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws -> Transcript.Run {
        try GitSandbox.run(program, arguments, in: folder, environment: environment)
    }

    /// A folder holding `leadbook`, a link to the built one, for a PATH.
    static func leadbookFolder(in box: GitSandbox) throws -> String {
        let folder = box.url("bin").path
        if !FileManager.default.fileExists(atPath: folder + "/leadbook") {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: folder + "/leadbook", withDestinationPath: Transcript.executable.path)
        }
        return folder
    }

    /// `environment` with `folder` first on PATH.
    static func withPath(_ folder: String, _ environment: [String: String]) -> [String: String] {
        var environment = environment
        environment["PATH"] = folder + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        return environment
    }

    /// A copy of template-workspace at `relative` in the box (without its CI templates).
    static func copySample(to relative: String, in box: GitSandbox) throws {
        try FileManager.default.copyItem(at: root.appendingPathComponent("template-workspace"), to: box.url(relative))
    }

    static func sha256(_ file: URL) throws -> String {
        let tool = try program("sha256sum", install: "coreutils")
        let run = try run(tool, [file.path], in: file.deletingLastPathComponent())
        return String(run.stdout.prefix(64))
    }

    /// A release folder as the release workflow makes it: `leadbook-TARGET.tar.gz` holding a
    /// small script named leadbook that prints `leadbook VERSION (commit fake)`, and SHA256SUMS.
    @discardableResult
    static func fakeRelease(at folder: URL, target: String, version: String = "0.2.0") throws -> URL {
        let tar = try program("tar", install: "tar")
        let content = folder.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        let script = content.appendingPathComponent("leadbook")
        try Data("#!/bin/sh\necho \"leadbook \(version) (commit fake)\"\n".utf8).write(to: script)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        let archive = folder.appendingPathComponent("leadbook-\(target).tar.gz")
        let packed = try run(tar, ["-czf", archive.path, "-C", content.path, "leadbook"], in: folder)
        XCTAssertEqual(packed.status, 0, packed.stderr)
        try FileManager.default.removeItem(at: content)
        let sums = "\(try sha256(archive))  \(archive.lastPathComponent)\n"
        try Data(sums.utf8).write(to: folder.appendingPathComponent("SHA256SUMS"))
        return archive
    }

    /// The release target install.sh picks on this machine.
    static func hostTarget() throws -> String {
        #if os(macOS)
        return "macos-universal"
        #else
        let uname = try program("uname", install: "coreutils")
        let machine = try run(uname, ["-m"], in: root).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        return "linux-" + (machine == "arm64" || machine == "aarch64" ? "aarch64" : "x86_64")
        #endif
    }

    /// The `run: |` script of the step named `name` in a GitHub workflow, dedented.
    static func githubStep(_ name: String, in workflow: String) -> (script: String, keys: [String])? {
        let lines = workflow.components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "- name: " + name }) else { return nil }
        let stepIndent = lines[start].prefix { $0 == " " }.count
        var keys: [String] = []
        var index = start + 1
        var script: [String] = []
        while index < lines.count {
            let line = lines[index]
            let indent = line.prefix { $0 == " " }.count
            if !line.trimmingCharacters(in: .whitespaces).isEmpty && indent <= stepIndent { break }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if indent == stepIndent + 2, let colon = trimmed.firstIndex(of: ":") { keys.append(String(trimmed[..<colon])) }
            if indent == stepIndent + 2 && trimmed == "run: |" {
                index += 1
                script = block(lines, from: &index, deeperThan: indent)
                continue
            }
            index += 1
        }
        return (script.joined(separator: "\n") + "\n", keys)
    }

    /// The literal block (`- |`) under `key:` in GitLab's job, dedented.
    static func gitlabScript(_ key: String, in text: String) -> String? {
        let lines = text.components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0 == "  \(key):" }), start + 1 < lines.count,
              lines[start + 1].trimmingCharacters(in: .whitespaces) == "- |" else { return nil }
        var index = start + 2
        let indent = lines[start + 1].prefix { $0 == " " }.count
        return block(lines, from: &index, deeperThan: indent).joined(separator: "\n") + "\n"
    }

    static func block(_ lines: [String], from index: inout Int, deeperThan indent: Int) -> [String] {
        var result: [String] = []
        var margin: Int?
        while index < lines.count {
            let line = lines[index]
            let own = line.prefix { $0 == " " }.count
            if line.trimmingCharacters(in: .whitespaces).isEmpty { result.append(""); index += 1; continue }
            if own <= indent { break }
            margin = margin ?? own
            result.append(String(line.dropFirst(min(margin ?? own, own))))
            index += 1
        }
        while result.last == "" { result.removeLast() }
        return result
    }
}
