import LeadbookCore
import LeadbookText

/// `leadbook summary`: the conversion review of the toolkit's section 6 in Markdown, JSON or HTML.
public enum SummaryCommand: Command {
    public static let spec = CommandSpec(
        name: "summary",
        summary: Phrase("the conversion review: pipeline, process and result metrics, the toolkit's checks (md, json, html)",
                        "转化复盘：线索漏斗、过程指标、结果指标和工具包要求的检查（md、json、html）"),
        usage: "leadbook summary [-C DIR] [--format md|json|html] [--out FILE] [--from DATE --to DATE | --period 2024-03 | --period 2024-Q1] [--as-of DATETIME] [--by source|grade|owner|group|region|industry]... [--compare REV] [--no-cache]",
        options: [
            .workspace,
            OptionSpec("format", value: "FORMAT", help: Phrase("md (default: Markdown with Mermaid charts), json or html (one self-contained file)",
                                                               "md（默认：Markdown，带 Mermaid 图表）、json 或 html（一个独立的文件）")),
            OptionSpec("out", value: "FILE", help: Phrase("write to FILE instead of standard output", "写入 FILE，而不是输出到终端")),
            OptionSpec("period", value: "PERIOD", help: Phrase("leads captured in a month (2024-03) or a quarter (2024-Q1)",
                                                               "某个月（2024-03）或某个季度（2024-Q1）获取的线索")),
            OptionSpec("from", value: "DATE", help: Phrase("leads captured on or after DATE", "DATE 当天及以后获取的线索")),
            OptionSpec("to", value: "DATE", help: Phrase("leads captured on or before DATE", "DATE 当天及以前获取的线索")),
            OptionSpec("as-of", value: "DATETIME", help: Phrase("count outcomes up to this moment (default: now in the workspace's time zone)",
                                                                "统计截至这个时刻的结果（默认：工作区时区的当前时间）")),
            OptionSpec("by", value: "CUT", repeatable: true,
                       help: Phrase("cut the result metrics by source, grade, owner, group, region or industry (default: source, grade, owner, group)",
                                    "结果指标按 source（来源渠道）、grade（线索等级）、owner（负责人）、group（团队）、region（区域）或 industry（行业）分组（默认：source、grade、owner、group）")),
            OptionSpec("compare", value: "REV", help: Phrase("also show the pipeline's movement since git revision REV (a commit, branch or tag)",
                                                             "同时列出自 git 版本 REV（提交、分支或标签）以来线索的变化")),
            .noCache,
        ],
        details: Phrase("""
        Without a period it covers every lead captured up to --as-of; a period selects the leads
        captured in it, and their later outcomes count up to --as-of. Every figure is defined in
        docs/metrics.md; the JSON shape is in docs/summary.md. No phone numbers, emails or contact
        names appear in any format. For a GitHub job summary:
          leadbook summary >> "$GITHUB_STEP_SUMMARY"
        On a terminal the report is in the language of the run; written to a file (--out, or
        standard output redirected, as in CI) it is in leadbook.yml's `language`, unless --lang
        is given. Exit 0, or 1 when some customer files have errors (the summary is still written;
        run `leadbook check`), 2 on usage, git or I/O failure.
        """, """
        不指定时间段时，统计截至 --as-of 获取的全部线索；指定时间段时，只统计这段时间内获取的线索，
        它们之后的结果统计到 --as-of 为止。每个数字的定义见 docs/metrics.md，JSON 的结构见
        docs/summary.md。任何格式都不会出现电话、邮箱或联系人姓名。用作 GitHub 任务摘要：
          leadbook summary >> "$GITHUB_STEP_SUMMARY"
        在终端上，复盘报告使用本次运行的语言；写入文件时（--out，或像 CI 那样重定向标准输出）使用
        leadbook.yml 的 `language`，除非加了 --lang。退出码：0 正常；1 有客户文件存在错误（复盘
        照样生成，请运行 `leadbook check`）；2 用法错误、git 或读写失败。
        """))

    public static func run(_ arguments: ParsedArguments, _ context: CommandContext) -> ExitCode {
        guard let format = choice(arguments, "format", ["md", "json", "html"], default: "md", context) else { return .failure }
        guard let cutNames = choices(arguments, "by", PipelineSummary.Cut.allCases.map(\.rawValue),
                                     default: PipelineSummary.Cut.defaults.map(\.rawValue), context) else { return .failure }
        let cuts = cutNames.compactMap(PipelineSummary.Cut.init(rawValue:))
        let period: SummaryPeriod
        switch SummaryPeriod.from(period: arguments.value("period"), from: arguments.value("from"), to: arguments.value("to")) {
        case .failure(let error):
            context.complain(error.phrase, spec.name)
            return .failure
        case .success(let value):
            period = value
        }
        guard var workspace = context.openWorkspace(arguments) else { return .failure }
        workspace.cache = context.cacheSetting(arguments)
        guard let asOf = context.moment(arguments, "as-of", "summary", workspace) else { return .failure }

        var commit: String?
        if let revision = arguments.value("compare") {
            switch GitRevision.commit(revision, root: workspace.root, environment: context.environment) {
            case .failure(let failure):
                context.complain(Message.compare(failure.phrase), spec.name)
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
                context.complain(Message.compare(failure.phrase), spec.name)
                return .failure
            case .success(let snapshots):
                summary.movement = PipelineMovement(revision: revision, commit: commit, before: snapshots, now: input.records, period: period)
            }
        }

        let text = SummaryText(reportLanguage(toFile: arguments.value("out") != nil || !context.console.isTerminal, workspace, context))
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
                context.complain(.of(error), spec.name)
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

    /// The language of the report: `--lang` when given; else, for a report written to a file
    /// (`--out`, or standard output that is not a terminal: `> PIPELINE.md`, the CI job summary),
    /// leadbook.yml's, so the team's file does not change with the rep who made it; else the
    /// language of the run.
    static func reportLanguage(toFile: Bool, _ workspace: Workspace, _ context: CommandContext) -> Language {
        context.languageOption ?? (toFile ? workspace.configuration.language : context.language)
    }
}

extension SummaryCommand {
    /// What `leadbook summary` says besides the summary.
    enum Message {
        static func compare(_ reason: Phrase) -> Phrase { Phrase("--compare: ", "--compare：") + reason }
        static let partlyCounted = Phrase("they are counted as far as they could be read; ", "能读出的部分照常统计；")
    }
}
