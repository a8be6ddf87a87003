import LeadbookCore
import LeadbookText

/// `leadbook assign`: an owner for every customer that has none, by the toolkit's rules.
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
        guard var opened = context.openWorkspace(arguments) else { return .failure }
        guard let at = context.moment(arguments, "at", "assign", opened) else { return .failure }
        if opened.configuration.team.isEmpty {
            context.console.err("leadbook assign: leadbook.yml has no `team` to assign to\n")
            return .failure
        }
        let dryRun = arguments.flag("dry-run")
        var lock: WorkspaceLock?
        if !dryRun {
            guard let taken = context.lockReporting(&opened, "assign") else { return .failure }
            lock = taken
        }
        defer { lock?.release() }
        let workspace = opened
        let set = CustomerSet.load(workspace)
        let decisions = Assignment.plan(set.entries, configuration: workspace.configuration)
        var left = 0
        var failed = false
        for decision in decisions {
            let grade = decision.grade.map { "\($0.rawValue) (\(decision.gradeSource))" } ?? "?"
            guard let rep = decision.rep else {
                left += 1
                context.console.out("\(decision.customerId) \(decision.customerName): grade \(grade): left unassigned: \(decision.reason)\n")
                continue
            }
            context.console.out("\(decision.customerId) \(decision.customerName): grade \(grade) -> \(decision.role!.rawValue) \(rep.name): \(decision.reason)\n")
            if dryRun { continue }
            do {
                guard case .success(let bytes) = FileAccess.read(workspace.absolute(decision.path)) else {
                    throw AtomicFile.WriteError(path: decision.path, reason: "cannot read it")
                }
                var edit = try RecordEdit(bytes: bytes)
                try edit.set(["owner"], to: rep.name, after: ["tags", "grade", "score", "intent"])
                try edit.set(["assigned"], to: at.description, after: ["created", "owner"])
                try AtomicFile.write(try edit.apply(), to: workspace.absolute(decision.path))
            } catch {
                context.console.err("leadbook assign: \(decision.path): \(error)\n")
                failed = true
            }
        }
        if decisions.isEmpty { context.console.out("every open customer has an owner\n") }
        set.warnAboutErrors("assign", context)
        if failed { return .failure }
        return left > 0 ? .findings : .ok
    }
}
