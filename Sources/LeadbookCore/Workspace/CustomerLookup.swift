import LeadbookText

/// Finds a customer by id: first among files whose name begins with the id (found by a scan of
/// the folders' entries, `Workspace.files(of:)`), then everywhere (the workspace listed).
public enum CustomerLookup {
    public struct Found {
        public var path: String
        public var bytes: [UInt8]
        public var result: CustomerReader.Result
    }

    public struct Problem: Error {
        /// What is wrong, in both languages.
        public let phrase: Phrase
        /// The problem in English.
        public var message: String { phrase.en }
        /// The files searched that were not read, and why: the customer may be one of them.
        public var unread: [Diagnostic] = []
    }

    public static func find(_ id: String, in workspace: Workspace) -> Result<Found, Problem> {
        guard WorkspacePath.isSafeRelative(id), !id.contains("/") else {
            return .failure(Problem(phrase: Wording<Problem>.notAnId(id).phrase))
        }
        // The files named after the id, found without listing the workspace when it can be.
        let byName = workspace.files(of: id)
        let named = first(id, among: byName, workspace)
        if let found = named.found { return .success(found) }
        // The file named after the id, not readable as a customer (conflict markers, a YAML
        // error): its errors say why, not a "did you mean" with the same id.
        if let broken = named.notCustomers.first, !broken.result.findings.diagnostics.isEmpty {
            return .failure(Problem(phrase: Wording<Problem>.notReadable(id, broken.path).phrase,
                                    unread: broken.result.findings.diagnostics.filter { $0.severity == .error }))
        }
        let rest = workspace.customerPaths.filter { !byName.contains($0) }
        let others = first(id, among: rest, workspace)
        if let found = others.found { return .success(found) }
        // A file named after the id that the folder walk did not list (a link out of the
        // workspace, a link to nothing): its finding names the link, not "no customer".
        let unlisted = workspace.walkDiagnostics.filter {
            $0.severity == .error && FileNameMismatch.matches(fileName: WorkspacePath.fileName($0.file), id: id)
        }
        let unread = named.unread + unlisted + others.unread
        if !unread.isEmpty {
            return .failure(Problem(phrase: Wording<Problem>.notAmongRead(id, unread: unread.count).phrase, unread: unread))
        }
        let ids = workspace.customerPaths.map { WorkspacePath.fileName($0).prefix(while: { $0 != "-" && $0 != "." && $0 != "_" }) }.map(String.init)
        let near = Suggestion.closest(to: id, among: ids)
        return .failure(Problem(phrase: Wording<Problem>.noCustomer(id, near: near).phrase))
    }

    /// The first of `paths` that holds customer `id`, and why the files that were not read
    /// were not (and the files read that are not customers at all, with their findings).
    public static func first(_ id: String, among paths: [String], _ workspace: Workspace) -> (found: Found?, unread: [Diagnostic], notCustomers: [Found]) {
        let reading = CustomerFiles(root: workspace.root, paths: paths).reduce { index, bytes -> Found? in
            let result = CustomerReader.read(path: paths[index], bytes: bytes, configuration: workspace.configuration)
            guard result.customer == nil || result.customer?.id == id else { return nil }
            return Found(path: paths[index], bytes: bytes, result: result)
        } unread: { _, _ in nil }
        let read = reading.values.compactMap { $0 }
        return (read.first { $0.result.customer != nil }, reading.unread, read.filter { $0.result.customer == nil })
    }
}

extension CustomerLookup.Problem {
    /// A problem not yet translated: the same text in both languages.
    @available(*, deprecated, message: "write the Chinese text: Problem(phrase: Wording(en, zh).phrase)")
    public init(message: String, unread: [Diagnostic] = []) {
        self.init(phrase: Phrase(verbatim: message), unread: unread)
    }
}

extension Wording where Of == CustomerLookup.Problem {
    public static func notAnId(_ id: String) -> Self { Self("`\(id)` is not a customer id", "`\(id)` 不是客户编号") }

    public static func notAmongRead(_ id: String, unread: Int) -> Self {
        Self("no customer with id \(id) in the files leadbook could read; \(unread) file\(unread == 1 ? " was" : "s were") not read:",
             "在 leadbook 能读取的文件里没有编号为 \(id) 的客户；有 \(unread) 个文件没能读取：")
    }

    public static func notReadable(_ id: String, _ path: String) -> Self {
        Self("\(path), the file of customer \(id), cannot be read as a customer until its errors are fixed:",
             "\(path) 是客户 \(id) 的文件，要先改正其中的错误才能读取：")
    }

    public static func noCustomer(_ id: String, near: String?) -> Self {
        Self("no customer with id \(id)" + (near.map { "; did you mean \($0)?" } ?? ""),
             "没有编号为 \(id) 的客户" + (near.map { "；是不是想找 \($0)？" } ?? ""))
    }
}
