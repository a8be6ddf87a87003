import LeadbookText

/// Brings one file's derived values up to date: grade from the score, status and next from
/// the log. Only those values' bytes change.
public enum CustomerSync {
    public struct Change: Sendable {
        public var path: String
        public var before: [UInt8]
        public var after: [UInt8]
        /// What changed, for people: "grade A -> S" / "等级 A → S".
        public var phrases: [Phrase]
        /// The same in English.
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

    /// The same, for a file already read (`result` is `bytes` read).
    public static func sync(_ result: CustomerReader.Result, path: String, bytes: [UInt8], configuration: Configuration) -> Outcome {
        let blocking = result.findings.diagnostics.filter { $0.severity == .error && !fixableRules.contains($0.rule) }
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
                if customer.grade != expected {
                    let existing = edit.node(at: ["grade"])?.scalarText
                    try edit.set(["grade"], to: DerivedValues.gradeText(expected, likeExisting: existing), after: CustomerField.grade.anchors)
                    notes.append(Phrase("grade \(customer.grade?.rawValue ?? "-") -> \(expected.rawValue)",
                                        "等级 \(customer.grade?.rawValue ?? "-") → \(expected.rawValue)"))
                }
            }
            try setStatusAndNext(customer, &edit, phrases: &notes)
            guard edit.hasChanges else { return .unchanged }
            return .changed(Change(path: path, before: bytes, after: try edit.apply(), phrases: notes))
        } catch {
            return .skipped(path: path, errors: 1)
        }
    }

    /// Sets the front-matter `status` and `next` to what the customer's log says, where they
    /// differ, noting each change ("status contacted -> proposal").
    public static func setStatusAndNext(_ customer: Customer, _ edit: inout RecordEdit, _ notes: inout [String]) throws {
        var phrases: [Phrase] = []
        try setStatusAndNext(customer, &edit, phrases: &phrases)
        notes += phrases.map(\.en)
    }

    /// The same, each change noted in both languages (the status by its label in Chinese).
    public static func setStatusAndNext(_ customer: Customer, _ edit: inout RecordEdit, phrases notes: inout [Phrase]) throws {
        if let (expected, _) = DerivedValues.status(customer), customer.status != expected {
            let existing = edit.node(at: ["status"])?.scalarText
            try edit.set(["status"], to: DerivedValues.statusText(expected, likeExisting: existing), after: CustomerField.status.anchors)
            notes.append(Phrase("status \(customer.status?.rawValue ?? "-") -> \(expected.rawValue)",
                                "状态 \(customer.status?.label ?? "-") → \(expected.label)"))
        }
        if let (expected, _) = DerivedValues.next(customer), customer.next != expected {
            try edit.set(["next"], to: expected.description, after: CustomerField.next.anchors)
            notes.append(Phrase("next \(customer.next?.description ?? "-") -> \(expected)",
                                "下次跟进 \(customer.next?.description ?? "-") → \(expected)"))
        }
    }
}

extension Wording where Of == CustomerSync {
    public static func scoreProposed(_ summary: String) -> Self {
        Self("score proposed \(summary) (not reviewed)", "建议评分 \(summary)（规模/预算/紧急度/决策链，待复核）")
    }
}
