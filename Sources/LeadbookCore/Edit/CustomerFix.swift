import LeadbookText

/// `leadbook fix` for one customer file: every mechanical fix the reader attaches to its
/// findings (`Diagnostic.fix`: a full-width colon after a key, a value written plain that other
/// YAML tools read as something else...), round after round until none is left, then the
/// derived values `writes` allows (the grade of the score, a missing status or next the log
/// gives, a proposed score) once nothing else stands in their way. A status or next the file
/// holds is never overwritten: it may be what the rep typed, and its finding says how to keep
/// it. Only the bytes of the fixes and of the derived values change, and the result never has
/// an error the file did not have: a fix that would give it one is left out.
public enum CustomerFix {
    /// What one fix of the reader did, as a person names it.
    public enum Repair: Sendable, Hashable {
        case fullWidthColon
        case fullWidthSpace
        case chineseQuotes
        case chineseComma
        case indentation
        case taskBox
        /// An ambiguous value written in double quotes (its text).
        case quoted(String)
        /// A key renamed to the field it names (`负责人` to `owner`).
        case key(from: String, to: String)
        /// Any other fix: the rule, the text replaced and its replacement.
        case replaced(rule: String, from: String, to: String)
    }

    /// A derived value `sync` set.
    public enum Derived: Sendable, Equatable {
        case scoreProposed(String)
        case grade(from: Grade?, to: Grade)
        case status(from: Status?, to: Status)
        case next(from: LocalDate?, to: LocalDate)
    }

    /// A file's new content and what changed in it.
    public struct Change: Sendable {
        public var path: String
        public var before: [UInt8]
        public var after: [UInt8]
        public var repairs: [Repair]
        public var derived: [Derived]
        /// The diagnostics of `before` and of `after` (for the write's read-back check).
        public var had: [Diagnostic]
        public var has: [Diagnostic]
    }

    /// Rounds of fixes at most: a fix may uncover another (a key read only once the colon
    /// before it is right), never more than a few.
    public static let rounds = 4

    /// Findings that are not the file's own (rules across files, history): they do not keep
    /// `sync` from a file.
    static let otherFilesRules: Set<Rule> = Set(WorkspaceRules.all.map { $0.rule } + [LogRewritten.rule])

    /// Whether `leadbook fix` writes a derived value a finding is about: the grade, which
    /// follows from the score alone, and a status or next the file does not hold. A status or
    /// next the file holds stays as it is (the rep may have typed it; its finding says how to
    /// keep it or how to let `leadbook sync` write the log's). `fix` writes by this rule and
    /// `check` marks by it (`fixable`), so the two always agree.
    public static func writes(_ finding: DerivedFinding) -> Bool {
        switch finding.value {
        case .grade: return true
        case .status, .next: return !finding.written
        }
    }

    /// Whether `leadbook fix` removes each of `diagnostics` (in their order): those that carry
    /// a fix, and the findings about a derived value it writes (`writes`) in a file whose other
    /// errors it all removes (the derived values are set once those are fixed).
    public static func fixable(_ diagnostics: [Diagnostic]) -> [Bool] {
        var blocked: Set<String> = []
        for diagnostic in diagnostics where diagnostic.severity == .error && diagnostic.fix == nil
            && !CustomerSync.fixableRules.contains(diagnostic.rule) && !otherFilesRules.contains(diagnostic.rule)
            && !(diagnostic.derived.map(writes) ?? false) {
            blocked.insert(diagnostic.file)
        }
        return diagnostics.map { diagnostic in
            diagnostic.fix != nil || ((diagnostic.derived.map(writes) ?? false) && !blocked.contains(diagnostic.file))
        }
    }

    public enum Outcome: Sendable {
        /// Nothing to change; whether the file has errors (`check` tells them).
        case unchanged(errors: Bool)
        case changed(Change)
    }

    /// The file at `path` fixed. `reader` reads a content of it (tests stand in for the reader).
    public static func fix(path: String, bytes: [UInt8], configuration: Configuration,
                           reader: (([UInt8]) -> CustomerReader.Result)? = nil) -> Outcome {
        let read = reader ?? { (content: [UInt8]) in CustomerReader.read(path: path, bytes: content, configuration: configuration) }
        let original = read(bytes)
        // The reading of the last content tried, which is usually the one kept.
        var last: (bytes: [UInt8], result: CustomerReader.Result)?
        let fixed = applyFixes(bytes, original.findings.diagnostics) { content in
            let result = read(content)
            last = (content, result)
            return result.findings.diagnostics
        }
        let result = fixed.bytes == bytes ? original : last.flatMap { $0.bytes == fixed.bytes ? $0.result : nil } ?? read(fixed.bytes)
        var after = fixed.bytes
        var derived: [Derived] = []
        var has = result.findings.diagnostics
        if case .changed(let synced) = CustomerSync.sync(result, path: path, bytes: after, configuration: configuration, writes: writes) {
            let syncedRead = read(synced.after)
            // A derived value that would give the file an error is left for `sync` to tell.
            if EditCheck.newErrors(before: original.findings.diagnostics, after: syncedRead.findings.diagnostics).isEmpty {
                derived = changes(from: result.customer, to: syncedRead.customer, configuration)
                after = synced.after
                has = syncedRead.findings.diagnostics
            }
        }
        guard after != bytes else { return .unchanged(errors: original.findings.errorCount > 0) }
        return .changed(Change(path: path, before: bytes, after: after, repairs: fixed.repairs, derived: derived,
                      had: original.findings.diagnostics, has: has))
    }

    /// `bytes` with the fixes of their findings applied, round after round: each round applies
    /// every fix of the last reading (`diagnose`) that overlaps no other, and the result is
    /// read again, until no fix is left, a round changes nothing, or `rounds` are done. A round
    /// whose result would have an error `original` (the findings of `bytes`) did not have
    /// (`newErrors`) is tried one fix at a time, keeping those that give none. Returns the new bytes, what was
    /// repaired and their findings.
    public static func applyFixes(_ bytes: [UInt8], _ original: [Diagnostic], rounds: Int = CustomerFix.rounds,
                                  diagnose: ([UInt8]) -> [Diagnostic]) -> (bytes: [UInt8], repairs: [Repair], diagnostics: [Diagnostic]) {
        var current = bytes
        var diagnostics = original
        var repairs: [Repair] = []
        for _ in 0..<rounds {
            let fixes = disjoint(diagnostics, within: current.count)
            guard !fixes.isEmpty else { break }
            let next = Fix.apply(fixes.map(\.fix), to: current).bytes
            guard next != current else { break }
            let read = diagnose(next)
            if newErrors(original, read).isEmpty {
                repairs += fixes.map { repair($0.diagnostic, $0.fix, in: current) }
                current = next
                diagnostics = read
                continue
            }
            // One at a time, in file order: each later fix moved by what the kept ones changed.
            var kept = false
            var shift = 0
            var trial = current
            var trialDiagnostics = diagnostics
            for (diagnostic, fix) in fixes {
                let range = (fix.range.lowerBound + shift)..<(fix.range.upperBound + shift)
                let moved = Fix(replacing: range, with: fix.replacement)
                let candidate = Fix.apply([moved], to: trial).bytes
                guard candidate != trial else { continue }
                let candidateDiagnostics = diagnose(candidate)
                guard newErrors(original, candidateDiagnostics).isEmpty else { continue }
                repairs.append(repair(diagnostic, moved, in: trial))
                shift += fix.replacement.count - fix.range.count
                trial = candidate
                trialDiagnostics = candidateDiagnostics
                kept = true
            }
            guard kept else { break }
            current = trial
            diagnostics = trialDiagnostics
        }
        return (current, repairs, diagnostics)
    }

    /// The errors of `after` that `before` did not have, but for stale derived values: a fix
    /// may let the reader see a value it could not read before, and `sync` then sets what
    /// follows from it (the write's own check refuses a file still stale after that).
    static func newErrors(_ before: [Diagnostic], _ after: [Diagnostic]) -> [Diagnostic] {
        EditCheck.newErrors(before: before, after: after).filter { !CustomerSync.fixableRules.contains($0.rule) }
    }

    /// The fixes of `diagnostics` in file order, each once, without those that overlap one
    /// before them or reach past the end (the next round finds them anew).
    static func disjoint(_ diagnostics: [Diagnostic], within count: Int) -> [(diagnostic: Diagnostic, fix: Fix)] {
        let carried = diagnostics.enumerated().compactMap { item in item.element.fix.map { (item.offset, item.element, $0) } }
        let ordered = carried.sorted { lhs, rhs in
            lhs.2.range.lowerBound != rhs.2.range.lowerBound ? lhs.2.range.lowerBound < rhs.2.range.lowerBound : lhs.0 < rhs.0
        }
        var chosen: [(diagnostic: Diagnostic, fix: Fix)] = []
        var position = 0
        for (_, diagnostic, fix) in ordered {
            guard fix.range.upperBound <= count else { continue }
            if let last = chosen.last?.fix, last == fix { continue }
            guard fix.range.lowerBound >= position else { continue }
            chosen.append((diagnostic, fix))
            position = fix.range.upperBound
        }
        return chosen
    }

    static let fieldKeys = Set(CustomerField.keys)

    /// What a fix repairs, told from its rule and the characters it replaces.
    public static func repair(_ diagnostic: Diagnostic, _ fix: Fix, in bytes: [UInt8]) -> Repair {
        let old = String(decoding: bytes[fix.range.clamped(to: 0..<bytes.count)], as: UTF8.self)
        let new = String(decoding: fix.replacement, as: UTF8.self)
        if diagnostic.rule == AmbiguousScalar.rule { return .quoted(old) }
        let scalars = Set(old.unicodeScalars)
        func has(_ characters: String) -> Bool { characters.unicodeScalars.contains { scalars.contains($0) } }
        if new.contains("[") || new == "x" || new == "X" || new == " ", has("ｘＸ√✓✔✗×［］") { return .taskBox }
        if has("：") { return .fullWidthColon }
        if has("“”‘’「」『』") { return .chineseQuotes }
        if has("，、") { return .chineseComma }
        if has("\u{3000}") { return .fullWidthSpace }
        if !old.isEmpty || !new.isEmpty, old.allSatisfy({ $0 == " " }), new.allSatisfy({ $0 == " " }) { return .indentation }
        if fieldKeys.contains(new), !old.isEmpty, !fieldKeys.contains(old) { return .key(from: old, to: new) }
        return .replaced(rule: diagnostic.rule.id, from: old, to: new)
    }

    /// The derived values that differ between the customer before and after `sync`.
    static func changes(from before: Customer?, to after: Customer?, _ configuration: Configuration) -> [Derived] {
        guard let before, let after else { return [] }
        var derived: [Derived] = []
        if before.score == nil, after.score != nil, let proposal = ScoreProposal.propose(before, configuration) {
            derived.append(.scoreProposed(proposal.summary))
        }
        if let grade = after.grade, before.grade != grade { derived.append(.grade(from: before.grade, to: grade)) }
        if let status = after.status, before.status != status { derived.append(.status(from: before.status, to: status)) }
        if let next = after.next, before.next != next { derived.append(.next(from: before.next, to: next)) }
        return derived
    }

    /// A text of a file cut to 30 characters for a line of output.
    static func shorten(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count > 30 else { return text }
        return String(String.UnicodeScalarView(scalars.prefix(29))) + "…"
    }

    /// What was fixed in a file, for people: `2 full-width colons, quoted `007`, grade A -> S`.
    public static func summary(_ repairs: [Repair], _ derived: [Derived]) -> Phrase {
        var parts: [Phrase] = []
        var counts: [Repair: Int] = [:]
        var order: [Repair] = []
        var quoted: [String] = []
        for repair in repairs {
            if case .quoted(let text) = repair {
                quoted.append(text)
                continue
            }
            if counts[repair] == nil { order.append(repair) }
            counts[repair, default: 0] += 1
        }
        for repair in order {
            let count = counts[repair] ?? 1
            typealias Words = Wording<CustomerFix>
            switch repair {
            case .fullWidthColon: parts.append(Words.fullWidthColons(count).phrase)
            case .fullWidthSpace: parts.append(Words.fullWidthSpaces(count).phrase)
            case .chineseQuotes: parts.append(Words.chineseQuotes(count).phrase)
            case .chineseComma: parts.append(Words.chineseCommas(count).phrase)
            case .indentation: parts.append(Words.indentations(count).phrase)
            case .taskBox: parts.append(Words.taskBoxes(count).phrase)
            case .key(let from, let to): parts.append(Words.key(shorten(from), shorten(to), times: count).phrase)
            case .replaced(let rule, let from, let to): parts.append(Words.replaced(rule, shorten(from), shorten(to), times: count).phrase)
            case .quoted: break
            }
        }
        if !quoted.isEmpty { parts.append(Wording<CustomerFix>.quoted(quoted.map(shorten)).phrase) }
        for value in derived {
            switch value {
            case .scoreProposed(let summary): parts.append(Wording<CustomerFix>.scoreProposed(summary).phrase)
            case .grade(let from, let to): parts.append(Wording<CustomerFix>.grade(from, to).phrase)
            case .status(let from, let to): parts.append(Wording<CustomerFix>.status(from, to).phrase)
            case .next(let from, let to): parts.append(Wording<CustomerFix>.next(from, to).phrase)
            }
        }
        return Phrase.joined(parts, en: ", ", zh: "，")
    }
}

extension Wording where Of == CustomerFix {
    static func counted(_ count: Int, _ en: String, _ enPlural: String, _ zh: String) -> Self {
        Self(count == 1 ? "1 \(en)" : "\(count) \(enPlural)", "\(count) \(zh)")
    }

    public static func fullWidthColons(_ count: Int) -> Self { counted(count, "full-width colon", "full-width colons", "个全角冒号") }
    public static func fullWidthSpaces(_ count: Int) -> Self { counted(count, "full-width space", "full-width spaces", "个全角空格") }
    public static func chineseQuotes(_ count: Int) -> Self {
        counted(count, "value in Chinese quotes", "values in Chinese quotes", "处中文引号")
    }
    public static func chineseCommas(_ count: Int) -> Self { counted(count, "Chinese comma", "Chinese commas", "个中文逗号") }
    public static func indentations(_ count: Int) -> Self { counted(count, "indentation", "indentations", "处缩进") }
    public static func taskBoxes(_ count: Int) -> Self { counted(count, "to-do tick", "to-do ticks", "个待办勾选") }

    public static func replaced(_ rule: String, _ from: String, _ to: String, times: Int) -> Self {
        let more = times > 1 ? " (\(times)×)" : ""
        let moreZh = times > 1 ? "（\(times) 处）" : ""
        return Self("\(rule): `\(from)` -> `\(to)`\(more)", "\(rule)：`\(from)` 改为 `\(to)`\(moreZh)")
    }

    public static func key(_ from: String, _ to: String, times: Int) -> Self {
        let more = times > 1 ? " (\(times)×)" : ""
        let moreZh = times > 1 ? "（\(times) 处）" : ""
        return Self("key `\(from)` -> `\(to)`\(more)", "键名 `\(from)` 改为 `\(to)`\(moreZh)")
    }

    public static func quoted(_ values: [String]) -> Self {
        Self("quoted " + values.map { "`\($0)`" }.joined(separator: ", "), "给 " + values.map { "`\($0)`" }.joined(separator: "、") + " 加上引号")
    }

    public static func scoreProposed(_ summary: String) -> Self {
        Self("score proposed \(summary) (not reviewed)", "按规则估算评分 \(summary)（未经复核）")
    }

    public static func grade(_ from: Grade?, _ to: Grade) -> Self {
        Self("grade \(from?.rawValue ?? "-") -> \(to.rawValue)", "线索等级 \(from?.rawValue ?? "-") -> \(to.rawValue)")
    }

    public static func status(_ from: Status?, _ to: Status) -> Self {
        Self("status \(from?.rawValue ?? "-") -> \(to.rawValue)", "客户状态 \(from?.label ?? "-") -> \(to.label)")
    }

    public static func next(_ from: LocalDate?, _ to: LocalDate) -> Self {
        Self("next \(from?.description ?? "-") -> \(to)", "下次跟进 \(from?.description ?? "-") -> \(to)")
    }
}
