import LeadbookText

/// `customers/LX2024001-huadongyun.md` holds LX2024001: people find a customer by its file name.
public enum FileNameMismatch: CustomerRule {
    public static let rule = Rule("file-name-mismatch", .error, Phrase("A customer file's name begins with its id (LX2024001-name.md).", "客户文件名以客户编号开头（LX2024001-名称.md）。"))

    /// The file name begins with the id, then `-`, `.` or `_`.
    public static func matches(fileName: String, id: String) -> Bool {
        let name = fileName.utf8, prefix = id.utf8
        guard name.count > prefix.count, name.starts(with: prefix) else { return false }
        let next = name[name.index(name.startIndex, offsetBy: prefix.count)]
        return next == ASCII.dash || next == ASCII.dot || next == UInt8(ascii: "_")
    }

    public static func check(_ context: CustomerContext, _ findings: inout Findings) {
        guard let id = context.customer.id, !id.isEmpty else { return }
        let fileName = WorkspacePath.fileName(findings.path)
        if !matches(fileName: fileName, id: id) {
            findings.report(Message.doesNotBeginWithId(fileName, id: id), at: context.offset(of: "id"))
        }
    }
}

extension RuleMessage where Of == FileNameMismatch {
    public static func doesNotBeginWithId(_ fileName: String, id: String) -> Self {
        Self("file name `\(fileName)` does not begin with the id `\(id)`", "文件名 `\(fileName)` 不是以客户编号 `\(id)` 开头",
             hint: Phrase("rename the file to `\(id)-<short name>.md` (git mv keeps its history), or fix the id",
                          "把文件改名为 `\(id)-<简称>.md`（用 `git mv` 可保留历史），或改正客户编号"))
    }
}
