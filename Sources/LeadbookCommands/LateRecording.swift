import Foundation
import LeadbookCore
import LeadbookText

/// The toolkit's 24-hour rule at the moment of writing: `log` and `feedback` say on standard
/// error when the contact (`--at`) is longer ago than `record_within_hours`; the entry is
/// written all the same (exit 0). Now is the context's clock.
extension CommandContext {
    func warnLateRecording(_ arguments: ParsedArguments, _ workspace: Workspace) {
        guard let text = arguments.value("at"), let contact = LocalDateTime(text) else { return }
        let configuration = workspace.configuration
        guard TimePolicy(configuration).lateRecording(of: contact, recordedAt: now(configuration)) != nil else { return }
        console.err(LateRecording.warning(contact, within: configuration.recordWithinHours))
    }
}

enum LateRecording {
    /// The same words whenever the command runs (no count of days that grows with the clock).
    static func warning(_ contact: LocalDateTime, within hours: Int) -> Phrase {
        Phrase("warning: this contact (\(contact)) is recorded more than \(hours) h after it happened; the toolkit asks for every contact within \(hours) h (`record_within_hours` in leadbook.yml)\n",
               "警告：这次联系（\(contact)）超过 \(hours) 小时才录入；工具包要求每次联系 \(hours) 小时内录入（leadbook.yml 的 `record_within_hours`）\n")
    }
}
