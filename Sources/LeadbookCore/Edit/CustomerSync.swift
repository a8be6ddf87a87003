import LeadbookText

/// Brings one file's derived values up to date: grade from the score, status and next from
/// the log. Only those values' bytes change.
public enum CustomerSync {
    public struct Change: Sendable {
        public var path: String
        public var before: [UInt8]
        public var after: [UInt8]
        /// What changed, for people: "grade A -> S", in both languages.
        public var phrases: [Phrase]
        /// The notes in English.
        public var notes: [String] { phrases.map(\.en) }
    }

    public enum Outcome: Sendable {
        case unchanged
        case changed(Change)
        /// The file has errors that sync does not fix; it is left alone.
        case skipped(path: String, errors: Int)
    }

    public static let fixableRules: Set<Rule> = [StaleGrade.rule, StaleStatus.rule, StaleNext.rule]

    public static func sync(path: String, bytes: [UInt8], configuration: Configuration) -> Outcome {
        sync(CustomerReader.read(path: path, bytes: bytes, configuration: configuration), path: path, bytes: bytes,
             configuration: configuration)
    }

    /// The same, for a file already read (`result` is `bytes` read). With `writes` (the rule of
    /// `leadbook fix`, `CustomerFix.writes`), only the derived values it allows are written,
    /// and a finding it allows (a missing status the log gives) does not keep the file from
    /// being synced; without it, as `leadbook sync`: every derived value.
    public static func sync(_ result: CustomerReader.Result, path: String, bytes: [UInt8], configuration: Configuration,
                            writes: ((DerivedFinding) -> Bool)? = nil) -> Outcome {
        let blocking = result.findings.diagnostics.filter { diagnostic in
            diagnostic.severity == .error && !fixableRules.contains(diagnostic.rule)
                && !(writes.flatMap { allows in diagnostic.derived.map(allows) } ?? false)
        }
        guard blocking.isEmpty, let customer = result.customer else {
            return .skipped(path: path, errors: max(1, blocking.count))
        }
        if customer.isTombstone { return .unchanged }
        guard var edit = try? RecordEdit(bytes: bytes, read: result) else { return .skipped(path: path, errors: 1) }
        var notes: [Phrase] = []
        do {
            var score = customer.score
            if score == nil, let proposed = ScoreProposal.propose(customer, configuration) {
                try edit.set(["score"], toFlowMap: proposed.fields, after: CustomerField.score.anchors)
                notes.append(Wording<CustomerSync>.scoreProposed(proposed.summary).phrase)
                score = proposed.score
            }
            if let total = score?.total {
                let expected = configuration.scoring.grade(forTotal: total)
                if customer.grade != expected, writes?(DerivedFinding(.grade, written: customer.grade != nil)) ?? true {
                    let existing = edit.node(at: ["grade"])?.scalarText
                    try edit.set(["grade"], to: DerivedValues.gradeText(expected, likeExisting: existing), after: CustomerField.grade.anchors)
                    notes.append(Wording<CustomerSync>.grade(customer.grade, expected).phrase)
                }
            }
            try setStatusAndNext(customer, &edit, &notes, writes: writes)
            guard edit.hasChanges else { return .unchanged }
            return .changed(Change(path: path, before: bytes, after: try edit.apply(), phrases: notes))
        } catch {
            return .skipped(path: path, errors: 1)
        }
    }

    /// Sets the front-matter `status` and `next` to what the customer's log says, where they
    /// differ, noting each change ("status contacted -> proposal"); with `writes`, only where
    /// it allows.
    public static func setStatusAndNext(_ customer: Customer, _ edit: inout RecordEdit, _ notes: inout [Phrase],
                                        writes: ((DerivedFinding) -> Bool)? = nil) throws {
        if let (expected, _) = DerivedValues.status(customer), customer.status != expected,
           writes?(DerivedFinding(.status, written: customer.status != nil)) ?? true {
            let existing = edit.node(at: ["status"])?.scalarText
            try edit.set(["status"], to: DerivedValues.statusText(expected, likeExisting: existing), after: CustomerField.status.anchors)
            notes.append(Wording<CustomerSync>.status(customer.status, expected).phrase)
        }
        if let (expected, _) = DerivedValues.next(customer), customer.next != expected,
           writes?(DerivedFinding(.next, written: customer.next != nil)) ?? true {
            try edit.set(["next"], to: expected.description, after: CustomerField.next.anchors)
            notes.append(Wording<CustomerSync>.next(customer.next, expected).phrase)
        }
    }
}


extension Wording where Of == CustomerSync {
    public static func scoreProposed(_ summary: String) -> Self { Self("score proposed \(summary) (not reviewed)", "已建议评分 \(summary)（未经复核）") }
    public static func grade(_ old: Grade?, _ new: Grade) -> Self {
        Self("grade \(old?.rawValue ?? "-") -> \(new.rawValue)", "等级 \(old?.rawValue ?? "-") → \(new.rawValue)")
    }
    public static func status(_ old: Status?, _ new: Status) -> Self {
        Self("status \(old?.rawValue ?? "-") -> \(new.rawValue)", "状态 \(old?.label ?? "-") → \(new.label)")
    }
    public static func next(_ old: LocalDate?, _ new: LocalDate) -> Self {
        Self("next \(old?.description ?? "-") -> \(new)", "下次跟进 \(old?.description ?? "-") → \(new)")
    }
}
