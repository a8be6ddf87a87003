import LeadbookText

/// The log is append-only, like a ledger: an entry that existed at a revision is still there,
/// unchanged, except for the edits meant to be made later (a task box ticked, feedback's
/// `resolved`, `confirmed` and `satisfaction` filled in, each once). A correction is a new entry.
public enum LogRewritten: RuleDefinition {
    public static let rule = Rule("log-rewritten", .error,
        Phrase("A follow-up or feedback entry is never changed or removed once committed (`check --against REV`); ticking `- [ ]` and filling `resolved` / `confirmed` / `satisfaction` (once each) are allowed.",
               "跟进或反馈条目一旦提交就不再修改或删除（`check --against REV`）；勾选 `- [ ]`、填写 `resolved` / `confirmed` / `satisfaction`（各一次）除外。"))

    /// The version of the file compared with: its revision and its path then.
    public struct Version {
        public let revision: String
        public let oldPath: String
        public let path: String
    }

    /// What `new` did to the entries of `old` (the file at `revision`, then named `oldPath`).
    /// An entry gone from it for which `movedElsewhere` is true (its `entryText`) was moved,
    /// line for line, to another customer file of the same change (`leadbook merge`): not removed.
    public static func compare(old: [UInt8], new: [UInt8], path: String, oldPath: String, revision: String,
                               movedElsewhere: ([UInt8]) -> Bool = { _ in false }) -> [Diagnostic] {
        guard let before = LogEntries.read(old), !before.entries.isEmpty else { return [] }
        var findings = Findings(source: SourceText(path: path, bytes: new))
        guard let after = LogEntries.read(new) else {
            // Not readable as a customer file any more: `check` reports why; nothing to compare.
            return []
        }
        let version = Version(revision: revision, oldPath: oldPath, path: path)
        for kind in [LogReader.Section.Kind.followUps, .feedback] {
            let oldEntries = before.entries(kind), newEntries = after.entries(kind)
            let newLines = newEntries.map { LogEntries.lines(new, $0) }
            var used = [Bool](repeating: false, count: newEntries.count)
            for oldEntry in oldEntries {
                let oldLines = LogEntries.lines(old, oldEntry)
                let candidates = newEntries.indices.filter { !used[$0] && newLines[$0].first == oldLines.first }
                let heading = LogEntries.heading(old, oldEntry)
                guard !candidates.isEmpty else {
                    if movedElsewhere(entryText(oldLines, kind)) { continue }
                    let section = kind == .followUps ? after.followUpSection : after.feedbackSection
                    let anchor = nextSurvivor(after: oldEntry, in: oldEntries, old: old, newEntries: newEntries, newLines: newLines)
                        ?? section?.headingStart ?? after.layout.body.lowerBound
                    findings.report(Message.removed(kind, heading, line: oldEntry.line, version), at: anchor)
                    continue
                }
                // Prefer an entry with the same heading that is unchanged or only ticked/filled.
                let match = candidates.first { difference(oldLines, newLines[$0], kind) == nil } ?? candidates[0]
                used[match] = true
                guard let problem = difference(oldLines, newLines[match], kind) else { continue }
                switch problem {
                case .changed(let newLine, let oldLine):
                    findings.report(Message.changed(kind, heading, was: text(oldLine.text), version), at: newLine.offset)
                case .added(let newLine):
                    findings.report(Message.lineAdded(kind, heading, version), at: newLine.offset)
                case .removed(let oldLine):
                    findings.report(Message.lineRemoved(kind, heading, text(oldLine.text), version), at: newEntries[match].start)
                }
            }
        }
        return findings.diagnostics
    }

    /// An entry's lines as one key: its section, then each line (as compared: without line
    /// breaks and trailing spaces).
    public static func entryText(_ lines: [LogEntries.Line], _ kind: LogReader.Section.Kind) -> [UInt8] {
        var text: [UInt8] = [kind == .followUps ? UInt8(ascii: "f") : UInt8(ascii: "b")]
        for line in lines {
            text.append(ASCII.lf)
            text += line.text
        }
        return text
    }

    /// The entries of `new` that `old` (nil: none) does not have line for line, as `entryText`.
    public static func addedEntries(old: [UInt8]?, new: [UInt8]) -> Set<[UInt8]> {
        guard let after = LogEntries.read(new) else { return [] }
        var before: Set<[UInt8]> = []
        if let old, let entries = LogEntries.read(old) {
            for entry in entries.entries { before.insert(entryText(LogEntries.lines(old, entry), entry.kind)) }
        }
        var added: Set<[UInt8]> = []
        for entry in after.entries {
            let text = entryText(LogEntries.lines(new, entry), entry.kind)
            if !before.contains(text) { added.insert(text) }
        }
        return added
    }

    /// A customer file that existed at `revision` was deleted: its entries went with it.
    public static func deleted(old: [UInt8], oldPath: String, revision: String) -> [Diagnostic] {
        guard let before = LogEntries.read(old), !before.entries.isEmpty else { return [] }
        let followUps = before.entries(.followUps).count, feedback = before.entries(.feedback).count
        return [Diagnostic(file: oldPath, Message.fileDeleted(followUps: followUps, feedback: feedback, oldPath: oldPath, revision: revision))]
    }

    public static func text(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// Where a removed entry was: the heading of the next old entry that is still there.
    public static func nextSurvivor(after entry: LogEntries.Entry, in oldEntries: [LogEntries.Entry], old: [UInt8],
                             newEntries: [LogEntries.Entry], newLines: [[LogEntries.Line]]) -> Int? {
        for later in oldEntries where later.start > entry.start {
            let heading = LogEntries.lines(old, later).first
            if let index = newEntries.indices.first(where: { newLines[$0].first == heading }) { return newEntries[index].start }
        }
        return nil
    }

    public enum Difference {
        case changed(LogEntries.Line, was: LogEntries.Line)
        case added(LogEntries.Line)
        case removed(LogEntries.Line)
    }

    /// The first difference between an old entry and the new one that is not an allowed edit.
    public static func difference(_ old: [LogEntries.Line], _ new: [LogEntries.Line], _ kind: LogReader.Section.Kind) -> Difference? {
        func matches(_ i: Int, _ j: Int) -> Bool {
            i < old.count && j < new.count
                && (old[i] == new[j] || LogEntries.isTick(old[i].text, new[j].text) || (kind == .feedback && isFill(old[i], new[j])))
        }
        var i = 1, j = 1
        while j < new.count {
            if matches(i, j) {
                i += 1; j += 1
                continue
            }
            // A filled-later line added where the old entry had none of its key (a second
            // one would replace what was written).
            if kind == .feedback, let (key, _) = LogEntries.itemKey(new[j].text), LogEntries.isFilledLater(key),
               !old.contains(where: { LogEntries.itemKey($0.text)?.key == key }) {
                j += 1
                continue
            }
            guard i < old.count else { return .added(new[j]) }
            // Name the edit as a person sees it: a line taken out, a line put in, or a line changed.
            if matches(i + 1, j) { return .removed(old[i]) }
            if matches(i, j + 1) { return .added(new[j]) }
            return .changed(new[j], was: old[i])
        }
        return i < old.count ? .removed(old[i]) : nil
    }

    /// `- resolved:` (or `confirmed`, `satisfaction`) left empty, now filled in.
    public static func isFill(_ old: LogEntries.Line, _ new: LogEntries.Line) -> Bool {
        guard let (oldKey, oldEmpty) = LogEntries.itemKey(old.text), oldEmpty, LogEntries.isFilledLater(oldKey),
              let (newKey, _) = LogEntries.itemKey(new.text) else { return false }
        return oldKey == newKey
    }
}

extension RuleMessage where Of == LogRewritten {
    /// "follow-up entry `### 2024-03-01 10:30 面谈 张伟`".
    static func entry(_ kind: LogReader.Section.Kind, _ heading: String) -> Phrase {
        kind == .followUps ? Phrase("follow-up entry `\(heading)`", "跟进条目 `\(heading)`") : Phrase("feedback entry `\(heading)`", "反馈条目 `\(heading)`")
    }

    /// "at REV", and the old path when the file was renamed since.
    static func at(_ version: LogRewritten.Version) -> Phrase {
        version.oldPath == version.path ? Phrase("at \(version.revision)", "在 \(version.revision) 时")
            : Phrase("at \(version.revision) in \(version.oldPath)", "在 \(version.revision) 时的 \(version.oldPath) 里")
    }

    static func restore(_ version: LogRewritten.Version) -> Phrase {
        Phrase("the log is append-only: restore the entry as it was (`git show \(version.revision):\(version.oldPath)`) and write the correction as a new entry; only ticking `- [ ]` and filling `resolved` / `confirmed` / `satisfaction` where the entry has none yet (or left it empty) change an old entry",
               "记录只能追加：把条目恢复原样（`git show \(version.revision):\(version.oldPath)`），更正写成一条新条目；旧条目只允许勾选 `- [ ]`，以及在还没写（或留空）时填写 `resolved` / `confirmed` / `satisfaction`")
    }

    public static func removed(_ kind: LogReader.Section.Kind, _ heading: String, line: Int, _ version: LogRewritten.Version) -> Self {
        let (what, when) = (entry(kind, heading), at(version))
        return Self("the \(what.en) (line \(line) \(when.en)) was removed or its heading changed", "\(what.zh)（第 \(line) 行，\(when.zh)）被删掉了，或者标题被改了",
                    hint: restore(version))
    }

    public static func changed(_ kind: LogReader.Section.Kind, _ heading: String, was line: String, _ version: LogRewritten.Version) -> Self {
        let (what, when) = (entry(kind, heading), at(version))
        return Self("the \(what.en) \(when.en) was changed: this line was `\(line)`", "\(what.zh)（\(when.zh)）被改了：这一行原来是 `\(line)`",
                    hint: restore(version))
    }

    public static func lineAdded(_ kind: LogReader.Section.Kind, _ heading: String, _ version: LogRewritten.Version) -> Self {
        let (what, when) = (entry(kind, heading), at(version))
        return Self("a line was added to the \(what.en), written \(when.en)", "\(what.zh)（\(when.zh)写下的）里多了一行", hint: restore(version))
    }

    public static func lineRemoved(_ kind: LogReader.Section.Kind, _ heading: String, _ line: String, _ version: LogRewritten.Version) -> Self {
        let (what, when) = (entry(kind, heading), at(version))
        return Self("the \(what.en) \(when.en) lost its line `\(line)`", "\(what.zh)（\(when.zh)）少了一行 `\(line)`", hint: restore(version))
    }

    public static func fileDeleted(followUps: Int, feedback: Int, oldPath: String, revision: String) -> Self {
        var parts: [String] = []
        var chinese: [String] = []
        if followUps > 0 { parts.append("\(followUps) follow-up\(followUps == 1 ? "" : "s")"); chinese.append("\(followUps) 条跟进") }
        if feedback > 0 { parts.append("\(feedback) feedback entr\(feedback == 1 ? "y" : "ies")"); chinese.append("\(feedback) 条反馈") }
        return Self("the file was deleted with its \(parts.joined(separator: " and ")) (at \(revision))",
                    "文件连同其中的 \(chinese.joined(separator: "和 ")) 被删掉了（在 \(revision) 时还在）",
                    hint: Phrase("customers are never deleted: restore it (`git checkout \(revision) -- \(oldPath)`) and set `status: lost` with a `lost_reason`, or `merged_into` the customer that replaces it",
                                 "客户文件不能删：先恢复它（`git checkout \(revision) -- \(oldPath)`），再写 `status: lost` 和 `lost_reason`，或者用 `merged_into` 指向取代它的客户"))
    }
}
