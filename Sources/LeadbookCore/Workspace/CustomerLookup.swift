import LeadbookText

/// Finds a customer by id: first among files whose name begins with the id (found by a scan of
/// the folders' entries, `Workspace.files(of:)`), then everywhere (the workspace listed). A text
/// that is no customer's id may be a piece of the customer's name, a contact's name or a phone
/// number (`CustomerSearch`): the same read of every file finds the customers it names, and it
/// is used only when it names one.
public enum CustomerLookup {
    public struct Found {
        public var path: String
        public var bytes: [UInt8]
        public var result: CustomerReader.Result
    }

    public struct Problem: Error, SaidError {
        public let phrase: Phrase
        /// The files searched that were not read, and why: the customer may be one of them.
        public var unread: [Diagnostic] = []
        /// The customers a piece of text names when it names more than one (listed, never acted on).
        public var candidates: [CustomerSearch.Candidate] = []
        /// How many of them there were (`candidates` holds the first `shownCandidates`).
        public var candidateCount = 0

        /// The most candidates a problem lists; `leadbook find` lists them all.
        public static let shownCandidates = 20

        public init(_ wording: Wording<Problem>, unread: [Diagnostic] = []) {
            phrase = wording.phrase
            self.unread = unread
        }

        /// The message in English.
        public var message: String { phrase.en }

        /// True when the text names several customers (or a file that cannot be read may be
        /// the one): what the files hold stands against going on (exit 1), not the usage.
        public var isAmbiguous = false

        /// The message, each candidate on its line, then each file that was not read as
        /// `leadbook check` reports it.
        public var report: Phrase {
            var report = phrase
            for candidate in candidates { report += "\n" + Wording<Problem>.candidate(candidate).phrase }
            if candidateCount > candidates.count { report += "\n" + Wording<Problem>.more(candidateCount - candidates.count).phrase }
            for diagnostic in unread { report += "\n" + DiagnosticReport.phrase(diagnostic).map { String($0.dropLast()) } }
            return report
        }
    }

    public static func find(_ id: String, in workspace: Workspace) -> Result<Found, Problem> {
        guard let query = CustomerSearch.Query(id) else {
            return .failure(Problem(.notAnId(id)))
        }
        // The files named after the id, found without listing the workspace when it can be.
        let isFileNamePrefix = WorkspacePath.isSafeRelative(id) && !id.contains("/")
        let byName = isFileNamePrefix ? workspace.files(of: id) : []
        let named = first(id, among: byName, workspace)
        if let found = named.found { return .success(found) }
        // The file named after the id, not readable as a customer (conflict markers, a YAML
        // error): its errors say why, not a "did you mean" with the same id.
        if let broken = named.notCustomers.first, !broken.result.findings.diagnostics.isEmpty {
            return .failure(Problem(.notReadable(id, broken.path),
                                    unread: broken.result.findings.diagnostics.filter { $0.severity == .error }))
        }
        let rest = workspace.customerPaths.filter { !byName.contains($0) }
        let others = search(id, query, among: rest, workspace)
        if let found = others.found { return .success(found) }
        switch CustomerSearch.resolve(others.candidates) {
        case .one(let candidate):
            if case .success(let bytes) = CustomerFiles.read(candidate.path, root: workspace.root) {
                let result = CustomerReader.read(path: candidate.path, bytes: bytes, configuration: workspace.configuration)
                if result.customer != nil { return .success(Found(path: candidate.path, bytes: bytes, result: result)) }
            }
            return .failure(Problem(.changedMeanwhile(candidate.path)))
        case .ambiguous(let candidates) where candidates.count == 1:
            // Only a file that cannot be read as a customer, whose name holds the text.
            var problem = Problem(.onlyUnreadable(query.text, candidates[0].path))
            problem.isAmbiguous = true
            return .failure(problem)
        case .ambiguous(let candidates):
            var problem = Problem(.ambiguous(query.text, count: candidates.count))
            problem.candidates = Array(candidates.prefix(Problem.shownCandidates))
            problem.candidateCount = candidates.count
            problem.isAmbiguous = true
            return .failure(problem)
        case .none:
            break
        }
        // A file named after the id that the folder walk did not list (a link out of the
        // workspace, a link to nothing): its finding names the link, not "no customer".
        let unlisted = workspace.walkDiagnostics.filter {
            $0.severity == .error && FileNameMismatch.matches(fileName: WorkspacePath.fileName($0.file), id: id)
        }
        let unread = named.unread + unlisted + others.unread
        let looksLikeId = CustomerIds.isValid(id, prefix: workspace.configuration.idPrefix)
        if !unread.isEmpty {
            return .failure(Problem(looksLikeId ? .notAmongRead(id, unread: unread.count) : .nothingNamedAmongRead(query.text, unread: unread.count),
                                    unread: unread))
        }
        if looksLikeId {
            let ids = workspace.customerPaths.map { WorkspacePath.fileName($0).prefix(while: { $0 != "-" && $0 != "." && $0 != "_" }) }.map(String.init)
            let near = Suggestion.closest(to: id, among: ids)
            return .failure(Problem(.noCustomer(id, near: near)))
        }
        return .failure(Problem(.nothingNamed(query.text, near: CustomerSearch.nearest(to: query.text, among: others.names))))
    }

    /// One read of `paths`: the first that holds customer `id`, else the customers `query`
    /// names (and the names of all, for "did you mean").
    static func search(_ id: String, _ query: CustomerSearch.Query, among paths: [String], _ workspace: Workspace)
        -> (found: Found?, candidates: [CustomerSearch.Candidate], names: [String], unread: [Diagnostic]) {
        enum Seen {
            case customer(Found)
            case candidate(CustomerSearch.Candidate)
            case names([String])
        }
        // A file whose fields cannot be compared (not read, or not a customer): its file name
        // still tells whose it may be.
        func unreadable(_ path: String) -> Seen? {
            let short = CustomerSearch.shortName(ofPath: path)
            guard !short.isEmpty, CustomerSearch.compare(query, short) != nil else { return nil }
            return .candidate(CustomerSearch.Candidate(path: path, matches: [.init(field: .fileName, value: WorkspacePath.fileName(path), whole: false)],
                                                       unreadable: true))
        }
        let reading = CustomerFiles(root: workspace.root, paths: paths).reduce { index, bytes -> Seen? in
            let path = paths[index]
            // The structure is enough to compare; only the customer that is found is read whole.
            let result = CustomerReader.read(path: path, bytes: bytes, configuration: workspace.configuration, text: false)
            guard let customer = result.customer else { return unreadable(path) }
            if customer.id == id {
                return .customer(Found(path: path, bytes: bytes, result: CustomerReader.read(path: path, bytes: bytes, configuration: workspace.configuration)))
            }
            if customer.isTombstone { return nil }
            let matches = CustomerSearch.naming(query, customer, path: path)
            if !matches.isEmpty {
                return .candidate(CustomerSearch.Candidate(path: path, id: customer.id, name: customer.name, owner: customer.owner,
                                                           status: customer.status, matches: matches))
            }
            return .names((customer.name.map { [$0] } ?? []) + customer.contacts.compactMap(\.name))
        } unread: { index, _ in unreadable(paths[index]) }
        var candidates: [CustomerSearch.Candidate] = []
        var names: [String] = []
        for seen in reading.values {
            switch seen {
            case .customer(let found)?: return (found, [], [], reading.unread)
            case .candidate(let candidate)?: candidates.append(candidate)
            case .names(let more)?: names += more
            case nil: break
            }
        }
        return (nil, candidates, names, reading.unread)
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

extension Wording where Of == CustomerLookup.Problem {
    public static func notAnId(_ id: String) -> Self {
        Self("give a customer id, a piece of the customer's name, a contact's name or a phone number",
             "请给出客户编号，或客户名称、联系人姓名、电话号码中的一段")
    }

    public static func notAmongRead(_ id: String, unread: Int) -> Self {
        Self("no customer with id \(id) in the files leadbook could read; \(unread) file\(unread == 1 ? " was" : "s were") not read:",
             "leadbook 能读取的文件里没有编号为 \(id) 的客户；有 \(unread) 个文件未能读取：")
    }

    /// The same for a text that is no id: no customer it names among the files read.
    public static func nothingNamedAmongRead(_ text: String, unread: Int) -> Self {
        Self("no customer with id `\(text)`, nor one whose name, contacts or phones contain it, in the files leadbook could read; "
                + "\(unread) file\(unread == 1 ? " was" : "s were") not read:",
             "leadbook 能读取的文件里没有编号为 `\(text)` 的客户，也没有名称、联系人或电话包含它的客户；有 \(unread) 个文件未能读取：")
    }

    public static func notReadable(_ id: String, _ path: String) -> Self {
        Self("\(path), the file of customer \(id), cannot be read as a customer until its errors are fixed:",
             "客户 \(id) 的文件 \(path) 有错误，改正之前无法作为客户读取：")
    }

    public static func noCustomer(_ id: String, near: String?) -> Self {
        Self("no customer with id \(id)" + (near.map { "; did you mean \($0)?" } ?? ""),
             "没有编号为 \(id) 的客户" + (near.map { "，是不是 \($0)？" } ?? ""))
    }

    /// A text that is no id and names no customer, with the names most like it.
    public static func nothingNamed(_ text: String, near: [String]) -> Self {
        Self("no customer with id `\(text)`, nor one whose name, contacts or phones contain it"
                + (near.isEmpty ? "" : "; did you mean \(near.joined(separator: ", "))?"),
             "没有编号为 `\(text)` 的客户，也没有名称、联系人或电话包含它的客户"
                + (near.isEmpty ? "" : "，是不是要找 \(near.joined(separator: "、"))？"))
    }

    /// The first line when a piece of text names several customers; the candidates follow.
    public static func ambiguous(_ text: String, count: Int) -> Self {
        Self("`\(text)` names \(count) customers; give the id of the one you mean:",
             "`\(text)` 对应 \(count) 位客户，请改用要找的那位客户的编号：")
    }

    /// The only file whose name holds the text does not read as a customer.
    public static func onlyUnreadable(_ text: String, _ path: String) -> Self {
        Self("`\(text)` names no customer that can be read, but \(path) may be the one: it cannot be read as a customer; run `leadbook check \(path)` and fix it first",
             "没有能读取的客户对应 `\(text)`，但可能是 \(path)：它无法作为客户读取，请先运行 `leadbook check \(path)` 并改正")
    }

    /// One candidate: id, name, owner, status, and where the text was found.
    public static func candidate(_ candidate: CustomerSearch.Candidate) -> Self {
        guard !candidate.unreadable else {
            return Self("  \(candidate.path)  (cannot be read as a customer; run `leadbook check \(candidate.path)`)",
                        "  \(candidate.path)（无法作为客户读取，请运行 `leadbook check \(candidate.path)`）")
        }
        let id = candidate.id ?? "-", name = candidate.name ?? "-", owner = candidate.owner ?? "-"
        let status = candidate.status.map { Phrase($0.label(in: .en), $0.label(in: .zhCN)) } ?? Phrase(verbatim: "-")
        var places = Phrase.empty
        for (index, match) in candidate.matches.prefix(2).enumerated() {
            places += (index == 0 ? Phrase.empty : Phrase(", ", "，")) + match.field.phrase + Phrase(" ", "：") + match.value
        }
        return Self(Phrase(verbatim: "  \(id)  \(name)  \(owner)  ") + status + Phrase("  (", "（") + places + Phrase(")", "）"))
    }

    public static func more(_ count: Int) -> Self {
        Self("  ... and \(count) more (`leadbook find` lists them all)", "  ……还有 \(count) 位（`leadbook find` 可以列出全部）")
    }

    /// The one customer a text named no longer reads as one when it is read for the command.
    public static func changedMeanwhile(_ path: String) -> Self {
        Self("\(path) changed while it was read; run the command again", "\(path) 在读取时被改动了，请重新运行命令")
    }
}
