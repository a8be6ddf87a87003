import Foundation
import LeadbookText

/// A file that differs between two versions (`git diff --raw`).
public struct GitChange: Sendable, Equatable {
    public enum Status: Character, Sendable {
        case added = "A", copied = "C", deleted = "D", modified = "M", renamed = "R", typeChanged = "T", unmerged = "U", unknown = "X"
    }

    public var status: Status
    /// The path before (nil for an added file) and after (nil for a deleted file).
    public var oldPath: String?
    public var newPath: String?
    /// The blobs before and after; nil where git has none (an added file before, a working-tree file after).
    public var oldObject: String?
    public var newObject: String?
    public var newMode: String
}

/// One entry of git's staging area (`git ls-files --stage`).
public struct StagedEntry: Sendable, Equatable {
    public var mode: String
    public var object: String
    public var path: String

    public var isSymlink: Bool { mode == "120000" }
    public var isSubmodule: Bool { mode == "160000" }
}

extension Git {
    /// The files that differ, with renames paired: the staging area (`cached`) or the working tree
    /// against `revision` (the staging area's own base, HEAD, when nil). Paths are relative to
    /// `directory`, and only files under it are listed.
    public func changes(cached: Bool, revision: String?, paths: [String] = ["."]) throws -> [GitChange] {
        var arguments = ["diff", "--raw", "-z", "-M", "--no-abbrev", "--relative", "--no-ext-diff", "--ignore-submodules"]
        if cached { arguments.append("--cached") }
        if let revision { arguments.append(revision) }
        arguments.append("--")
        arguments += paths
        return Self.parseRaw(try succeed(arguments).stdout)
    }

    public static func parseRaw(_ bytes: [UInt8]) -> [GitChange] {
        let fields = Git.fields(bytes)
        var changes: [GitChange] = []
        var index = 0
        while index < fields.count {
            let header = String(decoding: fields[index], as: UTF8.self)
            index += 1
            guard header.hasPrefix(":") else { continue }
            let parts = header.dropFirst().split(separator: " ")
            guard parts.count >= 5, let letter = parts[4].first else { continue }
            let status = GitChange.Status(rawValue: letter) ?? .unknown
            func object(_ text: Substring) -> String? { text.allSatisfy({ $0 == "0" }) ? nil : String(text) }
            let twoPaths = status == .renamed || status == .copied
            guard index + (twoPaths ? 1 : 0) < fields.count else { break }
            let first = String(decoding: fields[index], as: UTF8.self)
            let second = twoPaths ? String(decoding: fields[index + 1], as: UTF8.self) : first
            index += twoPaths ? 2 : 1
            changes.append(GitChange(
                status: status,
                oldPath: status == .added ? nil : first,
                newPath: status == .deleted ? nil : second,
                oldObject: object(parts[2]), newObject: object(parts[3]), newMode: String(parts[1])))
        }
        return changes
    }

    /// The staging area's entries under `paths` (merged entries only), relative to `directory`.
    public func stagedEntries(_ paths: [String] = ["."]) throws -> [StagedEntry] {
        let output = try succeed(["ls-files", "-z", "--stage", "--"] + paths).stdout
        var entries: [StagedEntry] = []
        for field in Git.fields(output) {
            guard let tab = field.firstIndex(of: UInt8(ascii: "\t")) else { continue }
            let parts = field[field.startIndex..<tab].split(separator: UInt8(ascii: " "))
            guard parts.count == 3, parts[2].elementsEqual("0".utf8) else { continue }
            entries.append(StagedEntry(mode: String(decoding: parts[0], as: UTF8.self), object: String(decoding: parts[1], as: UTF8.self),
                                      path: String(decoding: field[(tab + 1)...], as: UTF8.self)))
        }
        return entries
    }

    /// Files in the staging area under `paths` that contain any of `words` (`git grep --cached -F`).
    public func stagedFiles(containing words: [String], in paths: [String], ignoringCase: Bool = false) throws -> [String] {
        guard !words.isEmpty else { return [] }
        var arguments = ["grep", "--cached", "-z", "-l", "-F"]
        if ignoringCase { arguments.append("-i") }
        for word in words { arguments += ["-e", word] }
        arguments.append("--")
        arguments += paths
        let output = try run(arguments)
        // 1: nothing found.
        guard output.status == 0 || output.status == 1 else {
            throw Failure(.grepFailed(output.stderr.trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        return Git.fields(output.stdout).map { String(decoding: $0, as: UTF8.self) }
    }
}
