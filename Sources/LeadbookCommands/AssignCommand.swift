import LeadbookCore
import LeadbookText

/// `leadbook assign`: an owner for every customer that has none, by the toolkit's assignment policy.
public enum AssignCommand: Command {
    public static let spec = CommandSpec(
        name: "assign",
        summary: Phrase("give every unassigned customer an owner: S to a manager, A to a senior, B/C to a junior",
                        "给每位没有负责人的客户分配负责人：S 级给销售经理，A 级给资深销售，B/C 级给新人销售"),
        usage: "leadbook assign [-C DIR] [--rebalance] [--dry-run] [--at DATETIME]",
        options: [
            .workspace,
            OptionSpec("rebalance", help: Phrase(
                "instead, move every open customer whose owner has another role than its grade asks for (`grade_roles`)",
                "改为调整负责人：负责人角色与线索等级不符（`grade_roles`）的在跟客户，改派给对应角色的销售")),
            OptionSpec("dry-run", help: Phrase("print the decisions and write nothing", "打印分配结果，什么都不写")),
            OptionSpec("at", value: "DATETIME", help: Phrase(
                "the time written as `assigned` (default: now in the workspace's time zone); not with --rebalance, which keeps it",
                "写进 `assigned` 的时间（默认：工作区时区的当前时间）；--rebalance 不改它，不能同用")),
        ],
        details: Phrase("""
        Reps whose regions and industries match the customer come first, then the one with the
        fewest open customers below capacity, then by name. Writes `owner` and `assigned`.
        Exit 1 when a customer is left unassigned (no rep of its role has capacity).
        With --rebalance, the customers whose owner's role is not the one their grade asks for
        (rule `owner-role`) go to a rep of that role by the same ranking; each move prints
        from whom, to whom and why, and the open to-dos the old owner still has in the log.
        A move writes `owner` and the old owner's plan steps, and keeps `assigned` (the SLA
        counts from the first assignment). A customer no rep of its role can take stays (exit 1).
        """, """
        先看地区和行业与客户匹配的销售，再看未满额、手上在跟客户最少的，最后按姓名。
        写入 `owner` 和 `assigned`。有客户没分出去（对应角色的销售都已满额）时退出码为 1。
        加 --rebalance 时，负责人角色与线索等级不符（规则 `owner-role`）的客户按同样的排序改派给
        对应角色的销售，每次改派都打印原负责人、新负责人和理由，并列出原负责人在记录里仍未完成的待办。
        改派只改 `owner` 和原负责人名下的计划步骤，不改 `assigned`（SLA 从第一次分配算起）；
        没有销售能接手的客户保持不变（退出码 1）。
        """))

    public static func run(_ arguments: ParsedArguments, _ context: CommandContext) -> ExitCode {
        if arguments.flag("rebalance"), arguments.value("at") != nil {
            context.complain(Message.atWithRebalance, spec.name, usage: spec.usage)
            return .failure
        }
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
        if arguments.flag("rebalance") { return rebalance(set, write, context) }
        let decisions = Assignment.plan(leads: set.records, configuration: workspace.configuration)
        // An assignment cannot come before the lead was captured: `assigned` would start the SLA
        // before `created`.
        let early = decisions.filter { $0.rep != nil && $0.created != Int.max && at.minuteNumber < $0.created }
        if !early.isEmpty {
            context.complain(Message.beforeCreated(at, early.map(\.customerId)), spec.name)
            return .failure
        }
        var left = 0
        var problems: [Phrase] = []
        var refusals: [CustomerWrite.Refusal] = []
        for decision in decisions {
            let grade = decision.grade.map { Message.grade($0, decision.gradeSourcePhrase) } ?? Phrase(verbatim: "?")
            guard let rep = decision.rep else {
                left += 1
                context.console.out(Message.leftUnassigned(decision.customerId, decision.customerName, grade: grade, decision.reasonPhrase))
                continue
            }
            context.console.out(Message.assigned(decision.customerId, decision.customerName, grade: grade, role: decision.role!, rep.name, decision.reasonPhrase))
            edit(decision.path, write, &problems, &refusals) { edit in
                try edit.set(["owner"], to: rep.name, after: ["tags", "grade", "score", "intent"])
                try edit.set(["assigned"], to: at.description, after: ["created", "owner"])
            }
        }
        if decisions.isEmpty { context.console.out(Message.nothingToAssign) }
        // Every owner is written, or none.
        return finish(set, write, problems, refusals, context) ?? (left > 0 ? .findings : .ok)
    }
}

extension AssignCommand {
    /// `assign --rebalance`: the moves of `Assignment.rebalance`, written all at once or not at all.
    static func rebalance(_ set: CustomerSet.Reduction<Assignment.Lead>, _ write: CustomerWrite, _ context: CommandContext) -> ExitCode {
        let moves = Assignment.rebalance(leads: set.records, configuration: write.workspace.configuration)
        var stayed = 0
        var problems: [Phrase] = []
        var refusals: [CustomerWrite.Refusal] = []
        for move in moves {
            let grade = Message.grade(move.grade, move.gradeSourcePhrase)
            guard let rep = move.rep else {
                stayed += 1
                context.console.out(Message.stays(move.customerId, move.customerName, grade: grade, with: move.from, move.fromRole,
                                                  needs: move.role, move.reasonPhrase))
                continue
            }
            context.console.out(Message.moved(move.customerId, move.customerName, grade: grade, from: move.from, move.fromRole,
                                              to: rep.name, move.role, move.reasonPhrase))
            for todo in move.openTodos { context.console.out(Message.openTodo(todo, of: move.from)) }
            // `assigned` is when the lead was first assigned, the SLA's clock: a move keeps it
            // (the move is the commit's). The plan steps the old owner had go with the customer.
            edit(move.path, write, &problems, &refusals) { edit in
                try edit.set(["owner"], to: rep.name, after: ["tags", "grade", "score", "intent"])
                for step in edit.node(at: ["plan"])?.items ?? [] {
                    guard let owner = step["owner"], owner.scalarText == move.from else { continue }
                    edit.replaceValue(owner, with: rep.name, inFlow: step.isFlow)
                }
            }
        }
        if moves.isEmpty { context.console.out(Message.nothingToRebalance) }
        // Every move is written, or none.
        return finish(set, write, problems, refusals, context) ?? (stayed > 0 ? .findings : .ok)
    }

    /// One customer file read, edited losslessly and staged in `write`; what goes wrong is kept
    /// for `finish`.
    static func edit(_ path: String, _ write: CustomerWrite, _ problems: inout [Phrase], _ refusals: inout [CustomerWrite.Refusal],
                     _ change: (inout RecordEdit) throws -> Void) {
        do {
            let bytes: [UInt8]
            switch write.read(path) {
            case .success(let read): bytes = read
            case .failure(let diagnostic):
                problems.append(DiagnosticReport.phrase(diagnostic))
                return
            }
            var edit = try RecordEdit(bytes: bytes)
            try change(&edit)
            try write.update(path, from: bytes, to: try edit.apply())
        } catch let refusal as CustomerWrite.Refusal {
            refusals.append(refusal)
        } catch {
            problems.append(CommandContext.Message.problem(Message.notWritten(path, Phrase(verbatim: "\(error)")), spec.name))
        }
    }

    /// The files with errors said, then every staged file written or none: the exit code when
    /// something was not written, nil when all was.
    static func finish(_ set: CustomerSet.Reduction<Assignment.Lead>, _ write: CustomerWrite, _ problems: [Phrase],
                       _ refusals: [CustomerWrite.Refusal], _ context: CommandContext) -> ExitCode? {
        set.warnAboutErrors("assign", context)
        for problem in problems { context.console.err(problem) }
        let refused = refusals.map { context.refuse($0, "assign") }
        if !problems.isEmpty || refused.contains(.failure) { return .failure }
        if !refused.isEmpty { return .findings }
        do {
            try write.commit()
        } catch {
            return context.refuse(error, "assign")
        }
        return nil
    }
}

extension AssignCommand {
    /// What `leadbook assign` says.
    enum Message {
        static let noTeam = Phrase("leadbook.yml has no `team` to assign to", "leadbook.yml 里没有可以分配的团队（`team`）")
        /// `A (by score 78)`: the grade and where it comes from.
        static func grade(_ grade: Grade, _ source: Phrase) -> Phrase {
            Phrase("\(grade.rawValue) (\(source.en))", "\(grade.rawValue)（\(source.zh)）")
        }
        static func leftUnassigned(_ id: String, _ name: String, grade: Phrase, _ reason: Phrase) -> Phrase {
            Phrase("\(id) \(name): grade \(grade.en): left unassigned: \(reason.en)\n",
                   "\(id) \(name)：等级 \(grade.zh)：未分配：\(reason.zh)\n")
        }
        static func assigned(_ id: String, _ name: String, grade: Phrase, role: TeamRole, _ rep: String, _ reason: Phrase) -> Phrase {
            Phrase("\(id) \(name): grade \(grade.en) -> \(role.rawValue) \(rep): \(reason.en)\n",
                   "\(id) \(name)：等级 \(grade.zh) → \(role.label) \(rep)：\(reason.zh)\n")
        }
        static func notWritten(_ path: String, _ error: Phrase) -> Phrase { Phrase(verbatim: "\(path): ") + error }
        static let nothingToAssign = Phrase("every open customer has an owner\n", "每位在跟的客户都已有负责人\n")
        static func moved(_ id: String, _ name: String, grade: Phrase, from owner: String, _ ownerRole: TeamRole, to rep: String, _ role: TeamRole,
                          _ reason: Phrase) -> Phrase {
            Phrase("\(id) \(name): grade \(grade.en): \(owner) (\(ownerRole.rawValue)) -> \(role.rawValue) \(rep): \(reason.en)\n",
                   "\(id) \(name)：等级 \(grade.zh)：\(owner)（\(ownerRole.label)）→ \(role.label) \(rep)：\(reason.zh)\n")
        }
        static func stays(_ id: String, _ name: String, grade: Phrase, with owner: String, _ ownerRole: TeamRole, needs role: TeamRole,
                          _ reason: Phrase) -> Phrase {
            Phrase("\(id) \(name): grade \(grade.en) asks for a \(role.rawValue): stays with \(owner) (\(ownerRole.rawValue)): \(reason.en)\n",
                   "\(id) \(name)：等级 \(grade.zh)，应由\(role.label)跟进：仍由 \(owner)（\(ownerRole.label)）负责：\(reason.zh)\n")
        }
        static func beforeCreated(_ at: LocalDateTime, _ ids: [String]) -> Phrase {
            Phrase("--at \(at) is before \(ids.joined(separator: ", ")) was created: a lead is assigned after it is captured; give a later --at, or none for now",
                   "--at \(at) 早于 \(ids.joined(separator: "、")) 的录入时间（`created`）：线索录入后才能分配；请写更晚的 --at，或不写（默认当前时间）")
        }
        static let atWithRebalance = Phrase(
            "--rebalance keeps `assigned`, when the lead was first assigned (the SLA counts from it), so it takes no --at",
            "--rebalance 不改 `assigned`（线索第一次分配的时间，SLA 从这时算起），所以不用 --at")
        /// `  open to-do of 孙八: 2024-03-12 发报价单 @孙八 (hand it over)`.
        static func openTodo(_ todo: Todo, of owner: String) -> Phrase {
            let text = (todo.date.map { "\($0) " } ?? "") + todo.text
            return Phrase("  open to-do still with \(owner): \(text) (line \(todo.line)): hand it over or do it\n",
                          "  \(owner) 名下仍有未完成的待办：\(text)（第 \(todo.line) 行）：请交接或完成\n")
        }
        static let nothingToRebalance = Phrase("every open customer's owner has the role its grade asks for\n",
                                               "每位在跟客户的负责人角色都与线索等级相符\n")
    }
}
