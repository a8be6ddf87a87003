import LeadbookText

/// What a writing command verifies before it writes: the file it made reads back without an
/// error the file did not have before.
public enum EditCheck {
    /// The errors of `after` beyond those of `before`, counted per rule (lines move when
    /// entries are added, so positions are not compared).
    public static func newErrors(before: [Diagnostic], after: [Diagnostic]) -> [Diagnostic] {
        var budget: [Rule: Int] = [:]
        for diagnostic in before where diagnostic.severity == .error { budget[diagnostic.rule, default: 0] += 1 }
        var added: [Diagnostic] = []
        for diagnostic in after where diagnostic.severity == .error {
            if let left = budget[diagnostic.rule], left > 0 {
                budget[diagnostic.rule] = left - 1
            } else {
                added.append(diagnostic)
            }
        }
        return added
    }

    /// Reads `bytes` as the file at `path` and returns the errors it has beyond `before`.
    public static func newErrors(path: String, bytes: [UInt8], before: [Diagnostic], configuration: Configuration) -> [Diagnostic] {
        let result = CustomerReader.read(path: path, bytes: bytes, configuration: configuration)
        return newErrors(before: before, after: result.findings.diagnostics)
    }
}
