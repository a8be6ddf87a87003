import LeadbookText

extension Rule {
    public static let fileNameMismatch = Rule("file-name-mismatch", .error, "A customer file's name begins with its id (LX2024001-name.md).")
}

/// `customers/LX2024001-huadongyun.md` holds LX2024001: people find a customer by its file name.
public enum FileNameMatchesId: CustomerRule {
    public static let rule = Rule.fileNameMismatch

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
            findings.report(rule, at: context.offset(of: "id"), "file name `\(fileName)` does not begin with the id `\(id)`",
                            hint: "rename the file to `\(id)-<short name>.md` (git mv keeps its history), or fix the id")
        }
    }
}
