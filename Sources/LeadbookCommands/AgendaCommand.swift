import LeadbookCore
import LeadbookText

/// `leadbook agenda`: per rep, what is due or overdue.
public enum AgendaCommand: Command {
    public static let spec = CommandSpec(
        name: "agenda",
        summary: "per rep, what is due or overdue: SLAs, follow-ups, stages, to-dos, feedback, grade reviews",
        usage: "leadbook agenda [-C DIR] [--owner NAME] [--as-of DATETIME] [--days N] [--format text|json|md]",
        options: [
            .workspace,
            OptionSpec("owner", value: "NAME", help: "only this rep's items"),
            OptionSpec("as-of", value: "DATETIME", help: "the moment to look from (default: now in the workspace's time zone)"),
            OptionSpec("days", value: "N", help: "also what falls due in the next N days (default 0: up to the end of the --as-of day)"),
            OptionSpec("format", value: "FORMAT", help: "text (default), json or md"),
        ],
        details: "Most urgent first: overdue items, then by due time; grade S and A before others at the same time.")

    public static func run(_ arguments: ParsedArguments, _ context: CommandContext) -> ExitCode {
        guard let format = choice(arguments, "format", ["text", "json", "md"], default: "text", context) else { return .failure }
        var days = 0
        if let text = arguments.value("days") {
            guard let value = FieldDecoder.parseInteger(text), Agenda.lookAheadDays.contains(value) else {
                context.complain(Message.daysNotACount(Agenda.lookAheadDays), spec.name)
                return .failure
            }
            days = value
        }
        guard let workspace = context.openWorkspace(arguments) else { return .failure }
        guard let asOf = context.moment(arguments, "as-of", "agenda", workspace) else { return .failure }
        let team = workspace.configuration.team
        if let owner = arguments.value("owner"), !team.isEmpty, !team.contains(where: { $0.name == owner }) {
            let near = Suggestion.closest(to: owner, among: team.map(\.name))
            context.complain(Message.notInTheTeam(owner, near: near), spec.name)
            return .failure
        }
        // Each customer is reduced to its items (only this rep's with --owner) as it is read.
        let scope = Agenda.Scope(configuration: workspace.configuration, asOf: asOf, days: days)
        let owner = arguments.value("owner")
        var set = CustomerSet.reduce(workspace) { entry -> [Agenda.Item]? in
            var items = scope.items(entry.customer)
            if let owner { items.removeAll { $0.owner != owner } }
            return items.isEmpty ? nil : items
        }
        var records = set.records
        set.records = []
        var items: [Agenda.Item] = []
        items.reserveCapacity(records.reduce(0) { $0 + $1.count })
        for index in records.indices {
            items.append(contentsOf: records[index])
            records[index] = []
        }
        let agenda = Agenda(items: consume items, asOf: asOf)
        // Printed a rep at a time.
        switch format {
        case "json": agenda.json(team: team) { context.console.out($0) }
        case "md": agenda.markdown(team: team) { context.console.out($0) }
        default: agenda.text(team: team) { context.console.out($0) }
        }
        set.warnAboutErrors("agenda", context)
        return set.filesWithErrors.isEmpty ? .ok : .findings
    }
}

extension AgendaCommand {
    /// What `leadbook agenda` says.
    enum Message {
        static func daysNotACount(_ range: ClosedRange<Int>) -> String {
            "--days must be a whole number of days from \(range.lowerBound) to \(range.upperBound)"
        }
        static func notInTheTeam(_ owner: String, near: String?) -> String {
            "`\(owner)` is not in the team" + (near.map { "; did you mean \($0)?" } ?? "")
        }
    }
}
