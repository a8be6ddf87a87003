import Foundation

/// The customer the one-customer commands (show, explain, log, feedback, new) work on, and
/// the states of the workspace each writing run starts from, so every run does the same work.
struct OneCustomer {
    let id: String
    /// Absolute path of its file.
    let path: String
    /// How many entries its Feedback section has.
    let feedbackEntries: Int

    static let openStatuses: Set<String> = ["contacted", "qualified", "proposal", "negotiation", "初步接洽", "需求明确", "方案提交", "商务谈判"]

    /// The first customer from the middle of the sorted paths with an open status and a file of
    /// 4-8 KB (the generator's files are about 4.9 KB), so each size gets a customer of the same kind.
    static func pick(_ files: [String]) -> OneCustomer? {
        guard !files.isEmpty else { return nil }
        for step in 0..<files.count {
            let path = files[(files.count / 2 + step) % files.count]
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                  let size = attributes[.size] as? Int, (4_000...8_000).contains(size),
                  let data = FileManager.default.contents(atPath: path) else { continue }
            let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            var id: String?
            var status: String?
            var inFeedback = false
            var entries = 0
            for line in lines {
                if id == nil, line.hasPrefix("id: ") { id = String(line.dropFirst(4)) }
                if status == nil, line.hasPrefix("status: ") { status = String(line.dropFirst(8)) }
                if line.hasPrefix("## ") { inFeedback = line == "## Feedback" || line == "## 客户反馈" }
                if inFeedback, line.hasPrefix("### ") { entries += 1 }
            }
            if let id, let status, openStatuses.contains(status) {
                return OneCustomer(id: id, path: path, feedbackEntries: entries)
            }
        }
        return nil
    }
}

/// Saved states of the files a writing command changes (the customer's file and the index
/// file), kept on disk and copied with `cp`: the benchmark never holds a large file in memory,
/// since a child's peak memory counts the memory of the process that started it.
struct WorkspaceStates {
    let workspace: String
    let folder: String
    let files: [String]

    init(workspace: String, folder: String, files: [String]) throws {
        self.workspace = workspace
        self.folder = folder
        self.files = files
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    func stateFolder(_ name: String) -> String { folder + "/" + name }

    /// Copies the files as they are now into the state `name`.
    func save(_ name: String) throws {
        let target = stateFolder(name)
        try? FileManager.default.removeItem(atPath: target)
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        for (number, file) in files.enumerated() where FileManager.default.fileExists(atPath: file) {
            try copy(file, target + "/\(number)")
        }
    }

    /// Puts the files back as the state `name` has them, and removes customer files that
    /// `new` created at the top of the customers folder.
    func restore(_ name: String, customersFolder: String, topLevel: Set<String>) throws {
        let source = stateFolder(name)
        for (number, file) in files.enumerated() {
            let saved = source + "/\(number)"
            if FileManager.default.fileExists(atPath: saved) {
                try copy(saved, file)
            } else {
                try? FileManager.default.removeItem(atPath: file)
            }
        }
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: customersFolder)) ?? [] where !topLevel.contains(entry) {
            try FileManager.default.removeItem(atPath: customersFolder + "/" + entry)
        }
    }

    func copy(_ from: String, _ to: String) throws {
        let result = try Spawn.run("cp", [from, to])
        guard result.status == 0 else { throw BenchError("cp \(from) \(to) failed") }
    }
}
