import LeadbookCore
import LeadbookText

/// Where a command prints. The executable passes the real terminal; tests pass a recorder.
///
/// A console is the one place where text meets the terminal (`TerminalText`): what goes to
/// standard output is shown with its control characters escaped when standard output is a
/// terminal (and kept byte for byte when it is a file or a pipe: `export > leads.csv`,
/// `summary > PIPELINE.md`); what goes to standard error, messages for people, always. The
/// colours leadbook paints (`TerminalText.paint`) are the only escape sequences it writes.
public protocol Console: AnyObject {
    func out(_ text: String)
    func err(_ text: String)
    /// True when standard output is a terminal (colour and tables may be used).
    var isTerminal: Bool { get }
    /// The language of what is said: set once per run by the command line (`--lang`,
    /// `LEADBOOK_LANG`, the workspace's `language`, the system's locale).
    var language: Language { get set }
}

extension Console {
    /// Prints a message for people on standard output, in the console's language.
    public func out(_ phrase: Phrase) { out(phrase.text(language)) }
    /// Prints a message for people on standard error, in the console's language.
    public func err(_ phrase: Phrase) { err(phrase.text(language)) }
}

/// A console that keeps what was printed, as the terminal or the file would get it (for tests).
public final class RecordingConsole: Console {
    public private(set) var output = ""
    public private(set) var errors = ""
    public var isTerminal: Bool
    public var language: Language

    public init(isTerminal: Bool = false, language: Language = .en) {
        self.isTerminal = isTerminal
        self.language = language
    }

    public func out(_ text: String) { output += TerminalText.render(text, escaping: isTerminal) }
    public func err(_ text: String) { errors += TerminalText.render(text, escaping: true) }
}
