import LeadbookCore
import LeadbookText

/// What the commands that change customer files share: opening their write (`CustomerWrite`:
/// the workspace lock, the read-back check, atomic writes), finding the file under the lock,
/// refusing files that cannot be changed safely, checking option values, and telling why a
/// change was refused.
struct EditableCustomer {
    var path: String
    var bytes: [UInt8]
    var result: CustomerReader.Result
    var customer: Customer
    var edit: RecordEdit
}

/// A problem found before anything is written: printed on stderr, then the exit code.
struct Refusal: Error {
    var message: Phrase
    var code: ExitCode

    /// Bad option values (exit 2).
    static func usage(_ message: Phrase) -> Refusal { Refusal(message: message, code: .failure) }
    /// Something in the files stands against the change (exit 1; `--force` may override).
    static func finding(_ message: Phrase) -> Refusal { Refusal(message: message, code: .findings) }
}

extension CommandContext {
    /// Prints a refusal as `leadbook COMMAND: message` and returns its exit code.
    func refuse(_ refusal: Refusal, _ command: String) -> ExitCode {
        complain(refusal.message, command)
        return refusal.code
    }

    /// Prints a refused write as `leadbook COMMAND: message` and returns its exit code.
    func refuse(_ refusal: CustomerWrite.Refusal, _ command: String) -> ExitCode {
        refuse(Refusal(refusal), command)
    }

    /// Runs a command's body: a refusal it throws (or any other error, as bad usage) is printed
    /// and becomes the exit code.
    func refusing(_ command: String, _ body: () throws -> ExitCode) -> ExitCode {
        do {
            return try body()
        } catch let refusal as Refusal {
            return refuse(refusal, command)
        } catch let refusal as CustomerWrite.Refusal {
            return refuse(refusal, command)
        } catch {
            return refuse(.usage(Phrase(verbatim: "\(error)")), command)
        }
    }

    /// The write of a command that changes customer files: the workspace lock (not for a dry
    /// run) and the workspace listed again under it, so files another command created while
    /// this one waited are seen (the next free id). Every command that writes customer files
    /// takes the lock here. A write to one customer names it (`customer`), so the workspace is
    /// not listed for it.
    func openWrite(_ workspace: Workspace, dryRun: Bool = false, customer: String? = nil) throws(Refusal) -> CustomerWrite {
        let write: CustomerWrite
        do {
            write = try CustomerWrite(workspace, dryRun: dryRun, customer: customer)
        } catch {
            throw Refusal(error)
        }
        for path in write.removedTemporaries { console.err(EditableCustomer.Message.removedTemporary(path)) }
        try indexUpkeep?.attach(write)
        return write
    }

    /// The same for a command that prints its own errors: nil after printing why.
    func openWrite(_ workspace: Workspace, dryRun: Bool, _ command: String) -> CustomerWrite? {
        do {
            return try openWrite(workspace, dryRun: dryRun)
        } catch {
            _ = refuse(error, command)
            return nil
        }
    }

    /// The customer `id`, read (under the lock) for a change. Tombstones and files that do not
    /// read as customers are refused.
    func editableCustomer(_ id: String, _ workspace: Workspace, allowTombstone: Bool = false) throws -> EditableCustomer {
        let found: CustomerLookup.Found
        switch CustomerLookup.find(id, in: workspace) {
        case .failure(let problem): throw problem.refusal
        case .success(let value): found = value
        }
        indexUpkeep?.customerPath = found.path
        indexUpkeep?.customerId = found.result.customer?.id ?? id
        guard let customer = found.result.customer, var edit = try? RecordEdit(bytes: found.bytes, read: found.result) else {
            throw Refusal.finding(EditableCustomer.Message.unreadable(found.path))
        }
        if let target = customer.mergedInto, !allowTombstone {
            throw Refusal.finding(EditableCustomer.Message.tombstone(id, mergedInto: target, found.path))
        }
        edit.chineseWhenNoSections = workspace.configuration.language == .zhCN
        return EditableCustomer(path: found.path, bytes: found.bytes, result: found.result, customer: customer, edit: edit)
    }
}

extension Refusal {
    /// What a refused write says: exit 1 when the change would add errors, else 2.
    init(_ refusal: CustomerWrite.Refusal) {
        switch refusal {
        case .locked(let reason):
            self = .usage(reason)
        case .newErrors(let path, let added):
            var message = EditableCustomer.Message.newErrors(path, added.count)
            for diagnostic in added {
                message += DiagnosticReport.phrase(diagnostic)
            }
            self = .finding(message.map { String($0.dropLast()) })
        case .exists(let path):
            self = .usage(EditableCustomer.Message.exists(path))
        case .failed(let failure):
            self = .usage(failure.text)
        }
    }
}

extension CustomerWrite.Failure {
    /// `cannot write FILE: reason`, and what became of the files written before it.
    var text: Phrase {
        var text = phrase
        if beforeWriting {
            text += EditableCustomer.Message.nothingWritten
        }
        if !restored.isEmpty {
            text += EditableCustomer.Message.restored(restored.count)
        }
        if !notRestored.isEmpty {
            text += EditableCustomer.Message.notRestored(notRestored)
        }
        return text
    }
}

extension CustomerLookup.Problem {
    /// Why the command cannot go on: several customers named (exit 1), else exit 2.
    var refusal: Refusal {
        isAmbiguous ? .finding(report) : .usage(report)
    }
}

/// Reading option values, with messages that say what is expected.
enum OptionValue {
    static func date(_ text: String, _ option: String) throws -> LocalDate {
        if let date = LocalDate(text) { return date }
        throw Refusal.usage(Message.notADate(text, option))
    }

    static func vocabulary<V: Vocabulary>(_ text: String, _ option: String, _ type: V.Type) throws -> V {
        if let value = V(text: text) { return value }
        throw Refusal.usage(Message.unknownWord(V.UnknownRule.message(text), option))
    }

    static func oneLine(_ text: String, _ option: String) throws -> String {
        if let problem = LogText.valueProblem(text) { throw Refusal.usage(Message.notOneLine(problem, option)) }
        return text.trimmingSpaces
    }

    /// A non-negative amount in CNY, digits only (`200000`, `150000.5`).
    static func amount(_ text: String, _ option: String) throws -> Double {
        if FieldDecoder.isNumeral(text), let value = FieldDecoder.parseNumber(text), value >= 0 { return value }
        throw Refusal.usage(Message.notAnAmount(text, option))
    }

    /// The same amount as the digits to write (`Money.plain(digits:)`, exact at 15 digits).
    static func amountDigits(_ text: String, _ option: String) throws -> String {
        _ = try amount(text, option)
        guard let digits = Money.plain(digits: text) else { throw Refusal.usage(Message.notAnAmount(text, option)) }
        return digits
    }

    static func count(_ text: String, _ option: String) throws -> Int {
        if let value = FieldDecoder.parseInteger(text), value >= 0 { return value }
        throw Refusal.usage(Message.notACount(text, option))
    }

    /// A name that must be in the team when leadbook.yml has one.
    static func member(_ name: String, _ option: String, _ configuration: Configuration) throws -> String {
        let name = try oneLine(name, option)
        guard !configuration.team.isEmpty, configuration.member(named: name) == nil else { return name }
        let near = Suggestion.closest(to: name, among: configuration.team.map(\.name))
        throw Refusal.usage(Message.notInTheTeam(name, near: near, option))
    }

    /// A name that must be a member of the team or a responder when leadbook.yml names either
    /// (the owner of feedback or of a to-do, who asked for a to-do).
    static func responder(_ name: String, _ option: String, _ configuration: Configuration) throws -> String {
        let name = try oneLine(name, option)
        guard configuration.namesOwners, configuration.responder(named: name) == nil else { return name }
        let near = Suggestion.closest(to: name, among: configuration.ownerNames)
        if configuration.responders.isEmpty { throw Refusal.usage(Message.notInTheTeam(name, near: near, option)) }
        throw Refusal.usage(Message.notAnOwner(name, near: near, option))
    }

    /// `DATE TEXT [@owner] [^requester]` (a to-do).
    static func todo(_ text: String, _ option: String, _ configuration: Configuration) throws -> Todo {
        let trimmed = try oneLine(text, option)
        let parts = trimmed.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, let date = LocalDate(String(parts[0])) else {
            throw Refusal.usage(Message.notATodo(text, option))
        }
        var words = parts[1].split(separator: " ")
        var owner: String?
        var requester: String?
        // `@owner` and `^requester` at the end, in either order, as the reader takes them.
        for _ in 0..<2 {
            guard let last = words.last else { break }
            if owner == nil, last.hasPrefix("@") || last.hasPrefix("＠") {
                owner = try responder(String(last.dropFirst()), option, configuration)
            } else if requester == nil, last.hasPrefix("^") || last.hasPrefix("＾") {
                requester = try responder(String(last.dropFirst()), option, configuration)
            } else { break }
            words.removeLast()
        }
        // A second `@` or `^` would be read back as text, and nobody's agenda would have it.
        func isName(_ word: Substring) -> Bool { word.count > 1 && (word.hasPrefix("@") || word.hasPrefix("＠") || word.hasPrefix("^") || word.hasPrefix("＾")) }
        if owner != nil || requester != nil, let last = words.last, isName(last) {
            let extra = words.reversed().prefix(while: isName).reversed().joined(separator: " ")
            throw Refusal.usage(Message.extraTodoName(extra, option))
        }
        let body = words.joined(separator: " ")
        guard !body.isEmpty else { throw Refusal.usage(Message.todoWithoutText(option)) }
        return Todo(date: date, text: body, owner: owner, done: false, line: 0, requester: requester)
    }

    /// `key=value`.
    static func pair(_ text: String, _ option: String) throws -> (String, String) {
        guard let equals = text.firstIndex(of: "=") else {
            throw Refusal.usage(Message.notAPair(text, option))
        }
        return (String(text[..<equals]).trimmingSpaces, String(text[text.index(after: equals)...]))
    }
}

extension EditableCustomer {
    /// Why a customer file cannot be changed, and what became of a write that failed.
    enum Message {
        static func unreadable(_ path: String) -> Phrase {
            Phrase("\(path) cannot be read as a customer; run `leadbook check \(path)` and fix it first",
                   "\(path) 读不出客户资料；先运行 `leadbook check \(path)` 把问题改好")
        }
        static func tombstone(_ id: String, mergedInto target: String, _ path: String) -> Phrase {
            Phrase("\(id) was merged into \(target) (\(path) is its tombstone); write to \(target) instead",
                   "\(id) 已合并到 \(target)（\(path) 是合并后留下的旧文件），请写到 \(target)")
        }
        /// The first line; the new errors follow, one a line.
        static func newErrors(_ path: String, _ count: Int) -> Phrase {
            Phrase("the change would leave \(path) with \(count) new error\(count == 1 ? "" : "s"); nothing was written:\n",
                   "这样改会让 \(path) 多出 \(count) 个错误，什么都没有写：\n")
        }
        static func exists(_ path: String) -> Phrase {
            Phrase("\(path) is already there; nothing was written", "\(path) 已经存在，什么都没有写")
        }
        static let nothingWritten = Phrase("; nothing was written", "；什么都没有写")
        /// Said on stderr when a write opens.
        static func removedTemporary(_ path: String) -> Phrase {
            Phrase("leadbook: removed \(path), a temporary file left by a write that was interrupted\n",
                   "leadbook：已删除 \(path)，这是上次写入被中断时留下的临时文件\n")
        }
        static func restored(_ count: Int) -> Phrase {
            Phrase("; \(DiagnosticReport.plural(count, "file")) written before it \(count == 1 ? "was" : "were") put back",
                   "；之前已写的 \(count) 个文件已恢复原样")
        }
        static func notRestored(_ paths: [String]) -> Phrase {
            Phrase("; \(paths.joined(separator: ", ")) could not be put back (see `git status`)",
                   "；\(paths.joined(separator: "、")) 没能恢复原样（请看 `git status`）")
        }
    }
}

extension OptionValue {
    /// What an option value that cannot be read is refused with.
    enum Message {
        static func notADate(_ text: String, _ option: String) -> Phrase {
            Phrase("--\(option) must be a date like 2024-03-05, not `\(text)`",
                   "--\(option) 要写日期，比如 2024-03-05，不能写 `\(text)`")
        }
        /// A value outside a vocabulary, in the words of the rule that reports it in a file.
        static func unknownWord<Of>(_ message: Wording<Of>, _ option: String) -> Phrase {
            let hint = message.hintPhrase
            return Phrase("--\(option): \(message.phrase.en)" + (hint.en.isEmpty ? "" : "; \(hint.en)"),
                          "--\(option)：\(message.phrase.zh)" + (hint.zh.isEmpty ? "" : "；\(hint.zh)"))
        }
        static func notOneLine(_ problem: Phrase, _ option: String) -> Phrase {
            Phrase("--\(option) \(problem.en)", "--\(option) \(problem.zh)")
        }
        static func notAnAmount(_ text: String, _ option: String) -> Phrase {
            Phrase("--\(option) must be an amount in digits like 200000, not `\(text)`",
                   "--\(option) 要写纯数字的金额，比如 200000，不能写 `\(text)`")
        }
        static func notACount(_ text: String, _ option: String) -> Phrase {
            Phrase("--\(option) must be a whole number like 500, not `\(text)`",
                   "--\(option) 要写整数，比如 500，不能写 `\(text)`")
        }
        static func notInTheTeam(_ name: String, near: String?, _ option: String) -> Phrase {
            Phrase("--\(option): `\(name)` is not in the team of leadbook.yml" + (near.map { "; did you mean \($0)?" } ?? ""),
                   "--\(option)：leadbook.yml 的团队（`team`）里没有 `\(name)`" + (near.map { "，是不是要写 \($0)？" } ?? ""))
        }
        static func notAnOwner(_ name: String, near: String?, _ option: String) -> Phrase {
            Phrase("--\(option): `\(name)` is neither in the team nor among the responders of leadbook.yml" + (near.map { "; did you mean \($0)?" } ?? ""),
                   "--\(option)：leadbook.yml 的团队（`team`）和响应方（`responders`）里都没有 `\(name)`" + (near.map { "，是不是要写 \($0)？" } ?? ""))
        }
        static func notATodo(_ text: String, _ option: String) -> Phrase {
            Phrase("--\(option) is `DATE TEXT [@owner] [^requester]`, like \"2024-03-07 发送案例 @王五\", not `\(text)`",
                   "--\(option) 的写法是 `日期 内容 [@负责人] [^需求方]`，比如 \"2024-03-07 发送案例 @王五\"，不能写 `\(text)`")
        }
        static func extraTodoName(_ written: String, _ option: String) -> Phrase {
            Phrase("--\(option): a to-do has one `@owner` and one `^requester`, and `\(written)` would be read as text; write one to-do per person",
                   "--\(option)：一条待办只有一个 `@负责人` 和一个 `^需求方`，`\(written)` 会当成待办内容；要交给几个人，就分成几条待办")
        }
        static func todoWithoutText(_ option: String) -> Phrase {
            Phrase("--\(option) has a date but no text: say what is to be done", "--\(option) 只有日期没有内容：写上要做什么")
        }
        static func notAPair(_ text: String, _ option: String) -> Phrase {
            Phrase("--\(option) is `key=value`, like pain=数据靠人工抄录, not `\(text)`",
                   "--\(option) 的写法是 `键=值`，比如 pain=数据靠人工抄录，不能写 `\(text)`")
        }
    }
}


/// Where a new dated entry goes among the entries of its section.
enum EntryOrder {
    /// True when an entry at `new` would come before `last` (the rule `entry-order` checks):
    /// an earlier date, or an earlier time on the same date when both have times.
    static func isBefore(_ new: LocalDateTime, _ last: (date: LocalDate, time: Int?)) -> Bool {
        if new.date != last.date { return new.date < last.date }
        guard new.hasTime, let time = last.time else { return false }
        return new.minutes < time
    }

    /// The start of the first entry that must come after `new` (nil: at the end).
    static func insertionPoint(_ new: LocalDateTime, _ entries: [(start: Int, date: LocalDate?, time: Int?)]) -> Int? {
        for entry in entries {
            guard let date = entry.date else { continue }
            if date > new.date { return entry.start }
            if date == new.date, new.hasTime, let time = entry.time, time > new.minutes { return entry.start }
        }
        return nil
    }
}
