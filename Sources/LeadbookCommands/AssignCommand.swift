import LeadbookCore
import LeadbookText

/// `leadbook assign`: an owner for every customer that has none, by the toolkit's assignment policy.
public enum AssignCommand: Command {
    public static let spec = CommandSpec(
        name: "assign",
        summary: "give every unassigned customer an owner: S to a manager, A to a senior, B/C to a junior",
        usage: "leadbook assign [-C DIR] [--dry-run] [--at DATETIME]",
        options: [
            .workspace,
            OptionSpec("dry-run", help: "print the decisions and write nothing"),
            OptionSpec("at", value: "DATETIME", help: "the time written as `assigned` (default: now in the workspace's time zone)"),
        ],
        details: """
        Reps whose regions and industries match the customer come first, then the one with the
        fewest open customers below capacity, then by name. Writes `owner` and `assigned`.
        Exit 1 when a customer is left unassigned (no rep of its role has capacity).
        """)

    public static func run(_ arguments: ParsedArguments, _ context: CommandContext) -> ExitCode {
        guard let opened = context.openWorkspace(arguments) else { return .failure }
        guard let at = context.moment(arguments, "at", "assign", opened) else { return .failure }
        if opened.configuration.team.isEmpty {
            context.complain(Message.noTeam, spec.name)
            return .failure
        }
        let dryRun = arguments.flag("dry-run")
        guard let write = context.openWrite(opened, dryRun: dryRun, "assign") else { return .failure }
        defer { write.release() }
        let workspace = write.workspace
        let set = CustomerSet.reduce(workspace) { Assignment.lead($0, configuration: workspace.configuration) }
        let decisions = Assignment.plan(leads: set.records, configuration: workspace.configuration)
        var left = 0
        var problems: [String] = []
        var refusals: [CustomerWrite.Refusal] = []
        for decision in decisions {
            let grade = decision.grade.map { "\($0.rawValue) (\(decision.gradeSource))" } ?? "?"
            guard let rep = decision.rep else {
                left += 1
                context.console.out(Message.leftUnassigned(decision.customerId, decision.customerName, grade: grade, decision.reason))
                continue
            }
            context.console.out(Message.assigned(decision.customerId, decision.customerName, grade: grade, role: decision.role!.rawValue, rep.name, decision.reason))
            do {
                let bytes: [UInt8]
                switch write.read(decision.path) {
                case .success(let read): bytes = read
                case .failure(let diagnostic):
                    problems.append(DiagnosticReport.text(diagnostic, style: .init(color: false, language: context.language)))
                    continue
                }
                var edit = try RecordEdit(bytes: bytes)
                try edit.set(["owner"], to: rep.name, after: ["tags", "grade", "score", "intent"])
                try edit.set(["assigned"], to: at.description, after: ["created", "owner"])
                try write.update(decision.path, from: bytes, to: try edit.apply())
            } catch let refusal as CustomerWrite.Refusal {
                refusals.append(refusal)
            } catch {
                problems.append(CommandContext.Message.problem(Message.notWritten(decision.path, "\(error)"), spec.name))
            }
        }
        if decisions.isEmpty { context.console.out(Message.nothingToAssign) }
        set.warnAboutErrors("assign", context)
        // Every owner is written, or none.
        for problem in problems { context.console.err(problem) }
        let refused = refusals.map { context.refuse($0, "assign") }
        if !problems.isEmpty || refused.contains(.failure) { return .failure }
        if !refused.isEmpty { return .findings }
        do {
            try write.commit()
        } catch {
            return context.refuse(error, "assign")
        }
        return left > 0 ? .findings : .ok
    }
}

extension AssignCommand {
    /// What `leadbook assign` says.
    enum Message {
        static let noTeam = "leadbook.yml has no `team` to assign to"
        static func leftUnassigned(_ id: String, _ name: String, grade: String, _ reason: String) -> String {
            "\(id) \(name): grade \(grade): left unassigned: \(reason)\n"
        }
        static func assigned(_ id: String, _ name: String, grade: String, role: String, _ rep: String, _ reason: String) -> String {
            "\(id) \(name): grade \(grade) -> \(role) \(rep): \(reason)\n"
        }
        static func notWritten(_ path: String, _ error: String) -> String { "\(path): \(error)" }
        static let nothingToAssign = "every open customer has an owner\n"
    }
}
