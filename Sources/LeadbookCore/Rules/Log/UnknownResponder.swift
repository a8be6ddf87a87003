import LeadbookText

/// When leadbook.yml has a team or responders, a to-do's `@owner` and `^requester`, a
/// feedback entry's `owner` and a plan step's `owner` name one of them: the agenda puts a name it does not know on the
/// customer owner's list, where the one meant never sees it.
public enum UnknownResponder: CustomerRule {
    public static let rule = Rule("unknown-responder", .warning, Phrase(
        "A to-do's `@owner` and `^requester`, a feedback `owner` and a plan step's `owner` are team members or responders in leadbook.yml.",
        "待办的 `@负责人`、`^需求方`、反馈的 `owner` 和跟进计划的 `owner` 是 leadbook.yml 里的团队成员或响应方（`responders`）。"))

    public static func check(_ context: CustomerContext, _ findings: inout Findings) {
        let configuration = context.configuration
        guard configuration.namesOwners else { return }
        func unknown(_ name: String?) -> String? {
            guard let name, !name.isEmpty, configuration.responder(named: name) == nil else { return nil }
            return name
        }
        // (name, the byte offset of the name itself: after `@` / `^`, or after `owner:`)
        var found: [(String, Int?, requester: Bool)] = []
        for entry in context.log.followUps {
            for todo in entry.todos where !todo.done {
                if let name = unknown(todo.owner) { found.append((name, todo.ownerAt, false)) }
                if let name = unknown(todo.requester) { found.append((name, todo.requesterAt, true)) }
            }
        }
        // Answered feedback, like a done to-do, is history: its owner is no one's agenda any more.
        for entry in context.log.feedback where entry.resolved == nil {
            if let name = unknown(entry.owner) { found.append((name, entry.ownerAt ?? entry.start, false)) }
        }
        let planOwners = context.customer.plan.compactMap { unknown($0.owner) }
        guard !found.isEmpty || !planOwners.isEmpty else { return }
        let bytes = findings.source.bytes
        let names = configuration.ownerNames
        for (name, at, requester) in found {
            guard let offset = at else { continue }
            let near = Suggestion.closest(to: name, among: names)
            findings.report(Message.unknown(name, names: names, requester: requester), at: offset,
                            suggestion: findings.suggestion(replacing: name, at: offset, with: near))
        }
        // A plan step's `owner`, in plan order: each at the next `owner:` that names it.
        var from = context.position("plan")?.key ?? context.layout.frontMatter.lowerBound
        let end = context.layout.frontMatter.upperBound
        for name in planOwners {
            let offset = ownerValue(name, in: bytes, from: from, to: end) ?? context.offset(of: "plan")
            from = offset + 1
            let near = Suggestion.closest(to: name, among: names)
            findings.report(Message.unknown(name, names: names), at: offset,
                            suggestion: findings.suggestion(replacing: name, at: offset, with: near))
        }
    }

    /// The first `name` at or after `from` that follows `owner:` (blanks and a quote between).
    static func ownerValue(_ name: String, in bytes: [UInt8], from: Int, to end: Int) -> Int? {
        let needle = Array(name.utf8)
        let key = Array("owner:".utf8)
        guard !needle.isEmpty, from >= 0 else { return nil }
        var start = from
        while start + needle.count <= min(end, bytes.count) {
            if bytes[start..<start + needle.count].elementsEqual(needle) {
                var before = start - 1
                while before >= from, bytes[before] == ASCII.space || bytes[before] == ASCII.doubleQuote || bytes[before] == ASCII.singleQuote { before -= 1 }
                if before + 1 >= key.count, bytes[(before + 1 - key.count)...before].elementsEqual(key) { return start }
            }
            start += 1
        }
        return nil
    }
}

extension RuleMessage where Of == UnknownResponder {
    /// A name that is neither; what the agenda does until it is mended: an unknown owner's item
    /// goes to the customer's owner, an unknown requester gets no "waiting for" line (the item
    /// stays with its owner, without "asked by").
    public static func unknown(_ name: String, names: [String], requester: Bool = false) -> Self {
        let near = Suggestion.closest(to: name, among: names)
        let meanwhile = requester
            ? Phrase("until then nobody gets the \"waiting for\" line of this to-do", "改好之前，谁的待办日程里都没有这一项的“等待”行")
            : Phrase("until then it is on the customer owner's agenda", "改好之前，这一项列在客户负责人的待办日程里")
        return Self("`\(name)` is neither a member of the team nor a responder", "`\(name)` 既不是团队成员，也不在响应方（`responders`）里",
                    hint: near.map { Phrase("did you mean `\($0)`? (", "是不是想写 `\($0)`？（") + meanwhile + Phrase(")", "）") }
                        ?? Phrase("use one of: \(names.joined(separator: ", ")), or add it to `responders` in leadbook.yml",
                                  "可选：\(names.joined(separator: "、"))，或者把它加到 leadbook.yml 的 `responders` 里"))
    }
}
