import LeadbookCore
import LeadbookText

/// `leadbook summary`: the conversion review of the toolkit's section 6 in Markdown, JSON or HTML.
public enum SummaryCommand: Command {
    public static let spec = CommandSpec(
        name: "summary",
        summary: "the conversion review: pipeline, process and result metrics, the toolkit's checks (md, json, html)",
        usage: "leadbook summary [-C DIR] [--format md|json|html] [--out FILE] [--from DATE --to DATE | --period 2024-03 | --period 2024-Q1] [--as-of DATETIME] [--by source|grade|owner|group|region|industry]... [--compare REV]",
        options: [
            .workspace,
            OptionSpec("format", value: "FORMAT", help: "md (default: Markdown with Mermaid charts), json or html (one self-contained file)"),
            OptionSpec("out", value: "FILE", help: "write to FILE instead of standard output"),
            OptionSpec("period", value: "PERIOD", help: "leads captured in a month (2024-03) or a quarter (2024-Q1)"),
            OptionSpec("from", value: "DATE", help: "leads captured on or after DATE"),
            OptionSpec("to", value: "DATE", help: "leads captured on or before DATE"),
            OptionSpec("as-of", value: "DATETIME", help: "count outcomes up to this moment (default: now in the workspace's time zone)"),
            OptionSpec("by", value: "CUT", repeatable: true,
                       help: "cut the result metrics by source, grade, owner, group, region or industry (default: source, grade, owner, group)"),
            OptionSpec("compare", value: "REV", help: "also show the pipeline's movement since git revision REV (a commit, branch or tag)"),
        ],
        details: """
        Without a period it covers every lead captured up to --as-of; a period selects the leads
        captured in it, and their later outcomes count up to --as-of. Every figure is defined in
        docs/metrics.md; the JSON shape is in docs/summary.md. No phone numbers, emails or contact
        names appear in any format. For a GitHub job summary:
          leadbook summary >> "$GITHUB_STEP_SUMMARY"
        Exit 0, or 1 when some customer files have errors (the summary is still written; run
        `leadbook check`), 2 on usage, git or I/O failure.
        """)

    public static func run(_ arguments: ParsedArguments, _ context: CommandContext) -> ExitCode {
        guard let format = choice(arguments, "format", ["md", "json", "html"], default: "md", context) else { return .failure }
        guard let cutNames = choices(arguments, "by", PipelineSummary.Cut.allCases.map(\.rawValue),
                                     default: PipelineSummary.Cut.defaults.map(\.rawValue), context) else { return .failure }
        let cuts = cutNames.compactMap(PipelineSummary.Cut.init(rawValue:))
        let period: SummaryPeriod
        switch SummaryPeriod.from(period: arguments.value("period"), from: arguments.value("from"), to: arguments.value("to")) {
        case .failure(let error):
            context.complain(error.message, spec.name)
            return .failure
        case .success(let value):
            period = value
        }
        guard let workspace = context.openWorkspace(arguments) else { return .failure }
        guard let asOf = context.moment(arguments, "as-of", "summary", workspace) else { return .failure }

        var commit: String?
        if let revision = arguments.value("compare") {
            switch GitRevision.commit(revision, root: workspace.root, environment: context.environment) {
            case .failure(let failure):
                context.complain(Message.compare(failure.message), spec.name)
                return .failure
            case .success(let hash):
                commit = hash
            }
        }

        let input = SummaryInput.load(workspace, asOf: asOf)
        var summary = PipelineSummary(records: input.records, configuration: workspace.configuration, period: period, asOf: asOf, cuts: cuts)
        summary.notes.filesWithErrors = input.filesWithErrors
        summary.notes.notCounted = (input.unreadable + input.undated).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        summary.notes.tombstones = input.tombstones
        summary.notes.capturedLater = input.later
        if let revision = arguments.value("compare"), let commit {
            switch SummaryInput.snapshots(at: commit, workspace, asOf: asOf, environment: context.environment) {
            case .failure(let failure):
                context.complain(Message.compare(failure.message), spec.name)
                return .failure
            case .success(let snapshots):
                summary.movement = PipelineMovement(revision: revision, commit: commit, before: snapshots, now: input.records, period: period)
            }
        }

        let text = SummaryText(workspace.configuration.language)
        let output: String
        switch format {
        case "json": output = SummaryJSON.render(summary).rendered() + "\n"
        case "html": output = SummaryHTML.render(SummaryDocument(summary, text: text))
        default: output = SummaryMarkdown.render(SummaryDocument(summary, text: text))
        }

        if let out = arguments.value("out") {
            let path = context.absolute(out)
            do {
                let lock = try WorkspaceLock(root: workspace.root)
                defer { lock.release() }
                try AtomicFile.write(Array(output.utf8), to: path)
            } catch {
                context.complain("\(error)", spec.name)
                return .failure
            }
        } else {
            context.console.out(output)
        }

        if !input.filesWithErrors.isEmpty {
            context.tellUnread(input.unread)
            CustomerSet.warnAboutErrors(input.filesWithErrors, "summary", context, consequence: Message.partlyCounted)
            return .findings
        }
        return .ok
    }
}

extension SummaryCommand {
    /// What `leadbook summary` says besides the summary.
    enum Message {
        static func compare(_ reason: String) -> String { "--compare: \(reason)" }
        static let partlyCounted = "they are counted as far as they could be read; "
    }
}
