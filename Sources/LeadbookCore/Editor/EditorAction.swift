import LeadbookText

/// The changes an editor offers for a customer file (its code actions):
///
/// - a quick fix for each finding `leadbook fix` removes: the finding's own fix (a full-width
///   colon, a value to quote...) when it gives the file no error it did not have, which is how
///   `leadbook fix` applies fixes (`CustomerFix`), and a derived value `leadbook fix` writes
///   (`CustomerFix.writes`: the grade of the score, a status or next the file lacks);
/// - a quick fix for each "did you mean" (`Diagnostic.suggestion`: an unknown status, source,
///   key... replaced by the one the hint names), which `leadbook fix` leaves to a person;
/// - "fix the file" (`.source`), everything `leadbook fix` would change in it at once;
/// - "sync the file" (`.source`), when `leadbook sync` would change a derived value.
///
/// A quick fix belongs to the diagnostics on the lines of the range asked for (an editor asks
/// for the cursor's line or the selection's); the file-wide actions are offered anywhere.
public enum EditorAction {
    public struct Action: Sendable, Equatable {
        public var title: String
        public var kind: Kind
        public var edits: [EditorTextEdit]
        /// The rule of the diagnostic a quick fix removes; nil for the file-wide actions.
        public var rule: String?
        /// The diagnostic a quick fix removes, as it was passed in.
        public var diagnostic: Diagnostic?

        public init(title: String, kind: Kind, edits: [EditorTextEdit], rule: String?, diagnostic: Diagnostic? = nil) {
            self.title = title
            self.kind = kind
            self.edits = edits
            self.rule = rule
            self.diagnostic = diagnostic
        }
    }

    public enum Kind: Sendable {
        case quickFix
        case source
    }

    typealias Words = Wording<EditorAction>

    /// The actions for the diagnostics that touch `range` (the server passes the file's
    /// diagnostics, as check gives them).
    public static func actions(_ document: EditorDocument, diagnostics: [Diagnostic], in range: EditorRange, language: Language) -> [Action] {
        let bytes = document.bytes
        let path = document.path
        let configuration = document.configuration
        // leadbook.yml: its "did you mean"s; `fix` and `sync` are for customer files.
        if document.isConfiguration {
            let own = ConfigurationReader.read(SourceText(path: path, bytes: bytes)).1
            return diagnostics.compactMap { diagnostic -> Action? in
                guard touches(diagnostic, range, document), let finding = own.first(where: { same($0, diagnostic) }),
                      let suggestion = finding.suggestion else { return nil }
                return replacement(suggestion, for: diagnostic, document, language)
            }
        }
        let result = document.read()
        let own = result.findings.diagnostics
        var actions: [Action] = []
        for diagnostic in diagnostics where touches(diagnostic, range, document) {
            // The fix and suggestion of the finding as this reading of the buffer gives it, so
            // an action never carries offsets of an older version of the text.
            let finding = own.first { same($0, diagnostic) } ?? (diagnostic.fix == nil && diagnostic.suggestion == nil ? diagnostic : nil)
            guard let finding else { continue }
            if let fix = finding.fix, fix.range.upperBound <= bytes.count {
                let after = Fix.apply([fix], to: bytes).bytes
                let read = CustomerReader.read(path: path, bytes: after, configuration: configuration)
                if after != bytes, CustomerFix.newErrors(own, read.findings.diagnostics).isEmpty {
                    let repair = CustomerFix.repair(finding, fix, in: bytes)
                    actions.append(Action(title: (Words.fix.phrase + CustomerFix.summary([repair], [])).text(language), kind: .quickFix,
                                          edits: [EditorTextEdit(range: document.range(of: fix.range), newText: String(decoding: fix.replacement, as: UTF8.self))],
                                          rule: diagnostic.rule.id, diagnostic: diagnostic))
                }
            }
            if let suggestion = finding.suggestion, let action = replacement(suggestion, for: diagnostic, document, language) {
                actions.append(action)
            }
            if let derived = finding.derived, CustomerFix.writes(derived) {
                let only: (DerivedFinding) -> Bool = { $0.value == derived.value && CustomerFix.writes($0) }
                if case .changed(let change) = CustomerSync.sync(result, path: path, bytes: bytes, configuration: configuration, writes: only) {
                    actions.append(Action(title: (Words.fix.phrase + Phrase.joined(change.phrases, en: ", ", zh: "，")).text(language),
                                          kind: .quickFix, edits: EditorTextEdit.edits(from: document, to: change.after),
                                          rule: diagnostic.rule.id, diagnostic: diagnostic))
                } else if let action = derivedAfterRepairs(only, for: diagnostic, document, own, language) {
                    actions.append(action)
                }
            }
        }
        // The buffer as read above is the fix's first reading.
        let reader = { (content: [UInt8]) in content == bytes ? result : CustomerReader.read(path: path, bytes: content, configuration: configuration) }
        if case .changed(let change) = CustomerFix.fix(path: path, bytes: bytes, configuration: configuration, reader: reader) {
            actions.append(Action(title: (Words.fixFile.phrase + CustomerFix.summary(change.repairs, change.derived)).text(language), kind: .source,
                                  edits: EditorTextEdit.edits(from: document, to: change.after), rule: nil))
        }
        if case .changed(let change) = CustomerSync.sync(result, path: path, bytes: bytes, configuration: configuration) {
            actions.append(Action(title: (Words.syncFile.phrase + Phrase.joined(change.phrases, en: ", ", zh: "，")).text(language), kind: .source,
                                  edits: EditorTextEdit.edits(from: document, to: change.after), rule: nil))
        }
        return actions
    }

    /// A derived value that another error keeps `sync` from writing, when every such error has a
    /// certain fix (a full-width colon): the action makes those fixes and writes the value, as
    /// `leadbook fix` would, and its title names both. Nil when the fixes would add an error or
    /// the value still cannot be written.
    static func derivedAfterRepairs(_ only: @escaping (DerivedFinding) -> Bool, for diagnostic: Diagnostic, _ document: EditorDocument,
                                    _ own: [Diagnostic], _ language: Language) -> Action? {
        let bytes = document.bytes
        let fixes = own.compactMap { finding in finding.fix.map { (finding, $0) } }.filter { $0.1.range.upperBound <= bytes.count }
        guard !fixes.isEmpty else { return nil }
        let applied = Fix.apply(fixes.map(\.1), to: bytes)
        let repaired = CustomerReader.read(path: document.path, bytes: applied.bytes, configuration: document.configuration)
        guard CustomerFix.newErrors(own, repaired.findings.diagnostics).isEmpty,
              case .changed(let change) = CustomerSync.sync(repaired, path: document.path, bytes: applied.bytes,
                                                           configuration: document.configuration, writes: only) else { return nil }
        let after = CustomerReader.read(path: document.path, bytes: change.after, configuration: document.configuration)
        guard CustomerFix.newErrors(own, after.findings.diagnostics).isEmpty else { return nil }
        let repairs = fixes.filter { pair in applied.applied.contains(pair.1) }.map { CustomerFix.repair($0.0, $0.1, in: bytes) }
        let title = Words.fix.phrase + Phrase.joined(change.phrases, en: ", ", zh: "，") + Words.alsoFixes(CustomerFix.summary(repairs, [])).phrase
        return Action(title: title.text(language), kind: .quickFix, edits: EditorTextEdit.edits(from: document, to: change.after),
                      rule: diagnostic.rule.id, diagnostic: diagnostic)
    }

    /// The same finding: rule, place and words.
    static func same(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        lhs.rule == rhs.rule && lhs.line == rhs.line && lhs.column == rhs.column && lhs.message == rhs.message
    }

    /// "Change `qualifed` to `qualified`": the suggestion of a diagnostic as a quick fix.
    static func replacement(_ suggestion: Fix, for diagnostic: Diagnostic, _ document: EditorDocument, _ language: Language) -> Action? {
        guard suggestion.range.upperBound <= document.bytes.count else { return nil }
        let written = String(decoding: document.bytes[suggestion.range], as: UTF8.self)
        let replacement = String(decoding: suggestion.replacement, as: UTF8.self)
        return Action(title: Words.replace(written, replacement).phrase.text(language), kind: .quickFix,
                      edits: [EditorTextEdit(range: document.range(of: suggestion.range), newText: replacement)],
                      rule: diagnostic.rule.id, diagnostic: diagnostic)
    }

    /// Whether a diagnostic is on one of the lines of `range`.
    static func touches(_ diagnostic: Diagnostic, _ range: EditorRange, _ document: EditorDocument) -> Bool {
        let line = document.position(of: diagnostic).line
        return line >= range.start.line && line <= range.end.line
    }
}

extension Wording where Of == EditorAction {
    public static let fix = Self("Fix: ", "修复：")
    public static let fixFile = Self("Fix the file (`leadbook fix`): ", "修复本文件（`leadbook fix`）：")
    /// What a derived value's quick fix repairs first so that the value can be written.
    public static func alsoFixes(_ repairs: Phrase) -> Self { Self(Phrase(" (fixing ", "（先修复 ") + repairs + Phrase(" first)", "）")) }
    public static let syncFile = Self("Sync the file (`leadbook sync`): ", "同步本文件（`leadbook sync`）：")

    public static func replace(_ written: String, _ replacement: String) -> Self {
        Self("Change `\(written)` to `\(replacement)`", "把 `\(written)` 改为 `\(replacement)`")
    }
}
