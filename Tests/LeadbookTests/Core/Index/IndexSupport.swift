import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// Builders shared by the index tests: assemblies from the fixture workspace or from customer
/// files written in the test, and temporary folders.
enum IndexFixture {
    static let root = Transcript.packageRoot.appendingPathComponent("Tests/Fixtures/index")
    static var workspacePath: String { root.appendingPathComponent("workspace").path }

    /// Every customer of a workspace folder reduced to its rows, with the configuration changed
    /// by `adjust` (language, PII) before reading.
    static func rows(_ root: String, keepText: Bool = true, ownerFolder: String? = nil,
                     adjust: (inout Configuration) -> Void = { _ in }) -> (Workspace, Configuration, [IndexRows]) {
        let workspace = Workspace.open(root: root)
        var configuration = workspace.configuration
        adjust(&configuration)
        let extraction = IndexExtraction(configuration: configuration, folder: WorkspaceIndex.folder(of: configuration.indexFile),
                                         ownerFolder: ownerFolder, keepText: keepText)
        var rows: [IndexRows] = []
        for path in workspace.customerPaths {
            guard case .success(let bytes) = FileAccess.read(workspace.absolute(path)),
                  let customer = CustomerReader.read(path: path, bytes: bytes, configuration: configuration).customer,
                  let customerRows = extraction.rows(customer, path: path) else { continue }
            rows.append(customerRows)
        }
        return (workspace, configuration, rows)
    }

    static func assembly(_ root: String = workspacePath, keepText: Bool = true, ownerFolder: String? = nil,
                         adjust: (inout Configuration) -> Void = { _ in }) -> IndexAssembly {
        let (_, configuration, rows) = rows(root, keepText: keepText, ownerFolder: ownerFolder, adjust: adjust)
        return IndexAssembly(rows, configuration: configuration, keepText: keepText)
    }

    /// A table's lines as text, between its markers.
    static func text(_ assembly: IndexAssembly, _ table: IndexTable, owner: String? = nil) -> String {
        String(decoding: assembly.bytes(assembly.block(table, owner: owner), eol: [0x0A]), as: UTF8.self)
    }

    /// A new temporary workspace folder with `files` (relative path -> text).
    static func workspace(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leadbook-index-" + UUID().uuidString)
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A minimal valid customer file.
    static func customer(_ id: String, name: String = "客户", owner: String? = "王五", created: String = "2024-03-01 09:00",
                         extra: String = "", body: String = "") -> String {
        """
        ---
        id: \(id)
        name: \(name)
        source: website
        intent: A
        \(owner.map { "owner: \($0)" } ?? "")
        created: \(created)
        status: untouched
        \(extra)
        ---
        \(body)
        """
    }

    /// A follow-up entry heading with one line.
    static func followUp(_ date: String, _ note: String = "背景: 无") -> String {
        "\n### \(date) 电话 张三\n- \(note)\n"
    }
}
