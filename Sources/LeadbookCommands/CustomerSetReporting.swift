import Foundation
import LeadbookCore
import LeadbookText

/// What the commands over the whole pipeline tell about files they could not read fully.
extension CustomerSet {
    /// Tells on stderr why files were not read, and which files were not (fully) read.
    public func warnAboutErrors(_ command: String, _ context: CommandContext) {
        context.tellUnread(unread)
        Self.warnAboutErrors(filesWithErrors, command, context)
    }

    /// Tells on stderr that `files` have errors, naming the first five: `leadbook COMMAND: 7
    /// files have errors (a.md, ... and 2 more); ` then `consequence` (what that meant for the
    /// command, ending in `; `) and `run `leadbook check``.
    public static func warnAboutErrors(_ files: [String], _ command: String, _ context: CommandContext, consequence: Phrase = .empty) {
        guard !files.isEmpty else { return }
        context.complain(Message.filesWithErrors(files.count, shown: Array(files.prefix(5)), consequence: consequence), command)
    }

}

extension CustomerSet.Reduction {
    /// Tells on stderr why files were not read, and which files were not (fully) read.
    public func warnAboutErrors(_ command: String, _ context: CommandContext) {
        context.tellUnread(unread)
        CustomerSet.warnAboutErrors(filesWithErrors, command, context)
    }
}

extension CommandContext {
    /// Tells on stderr why customer files were not read, each as `leadbook check` reports it
    /// (file-too-large, unreadable-file).
    public func tellUnread(_ unread: [Diagnostic]) {
        let style = self.style
        for diagnostic in unread { console.err(DiagnosticReport.text(diagnostic, style: style)) }
    }

    /// Tells on stderr which files a whole-workspace writer left alone because its change would
    /// have given them new errors: `skipped(path, count)` heads each, the new errors follow.
    public func tellRefused(_ refused: [(String, CustomerWrite.Refusal)], _ command: String,
                            skipped: (String, Int) -> Phrase) {
        let style = self.style
        for (path, refusal) in refused {
            guard case .newErrors(_, let added) = refusal else { continue }
            console.err(CommandContext.Message.problem(skipped(path, added.count), command).text(language)
                        + added.map { DiagnosticReport.text($0, style: style) }.joined())
        }
    }

    /// `--NAME DATETIME` (YYYY-MM-DD HH:MM, YYYY-MM-DDTHH:MM or a date), or now in the
    /// workspace's time zone. nil (after printing why) when the value is not a datetime.
    public func moment(_ arguments: ParsedArguments, _ name: String, _ command: String, _ workspace: Workspace) -> LocalDateTime? {
        do {
            return try moment(arguments, name, workspace)
        } catch {
            _ = refuse(error, command)
            return nil
        }
    }

    /// The same, throwing a usage refusal when the value is not a datetime.
    func moment(_ arguments: ParsedArguments, _ name: String, _ workspace: Workspace) throws(Refusal) -> LocalDateTime {
        guard let text = arguments.value(name) else { return now(workspace.configuration) }
        guard let value = LocalDateTime(text) else {
            throw Refusal.usage(Message.notAMoment(text, name))
        }
        return value
    }
}

extension CustomerSet {
    /// What is said of files a command over the whole pipeline could not read fully.
    enum Message {
        /// `7 files have errors (a.md, ... and 2 more); ` then the consequence and `run `leadbook check``.
        static func filesWithErrors(_ count: Int, shown: [String], consequence: Phrase) -> Phrase {
            let more = count - shown.count
            return Phrase("\(count) file\(count == 1 ? " has" : "s have") errors (\(shown.joined(separator: ", "))\(more > 0 ? " and \(more) more" : "")); ",
                          "\(count) 个文件有错误（\(shown.joined(separator: "、"))\(more > 0 ? " 等，另有 \(more) 个" : "")）；")
                + consequence + Phrase("run `leadbook check`", "请运行 `leadbook check`")
        }
    }
}

extension CommandContext.Message {
    static func notAMoment(_ text: String, _ option: String) -> Phrase {
        Phrase("--\(option) must be a date and time like 2024-03-05T09:00 or \"2024-03-05 09:00\", not `\(text)`",
               "--\(option) 要写日期和时间，比如 2024-03-05T09:00 或 \"2024-03-05 09:00\"，不能写 `\(text)`")
    }
}
