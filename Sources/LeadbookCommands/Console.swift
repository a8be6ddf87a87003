import LeadbookCore
import LeadbookText

/// Where a command prints. The executable passes the real terminal; tests pass a recorder.
public protocol Console: AnyObject {
    func out(_ text: String)
    func err(_ text: String)
    /// True when standard output is a terminal (colour and tables may be used).
    var isTerminal: Bool { get }
}

/// A console that keeps what was printed (for tests and for `--out FILE`).
public final class RecordingConsole: Console {
    public private(set) var output = ""
    public private(set) var errors = ""
    public var isTerminal: Bool

    public init(isTerminal: Bool = false) {
        self.isTerminal = isTerminal
    }

    public func out(_ text: String) { output += text }
    public func err(_ text: String) { errors += text }
}
