import LeadbookCore
import LeadbookText

/// The exit codes of every command.
public enum ExitCode: Int32, Sendable {
    /// Done, nothing to report.
    case ok = 0
    /// Findings: errors (or warnings under `--strict`), or changes a `--dry-run` / `--check` would make.
    case findings = 1
    /// Wrong usage, or a file or folder that could not be read or written.
    case failure = 2
}
