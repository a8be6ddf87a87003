import LeadbookText

/// Paths inside a workspace: relative, `/`-separated, never leaving it.
public enum WorkspacePath {
    /// A relative path without `..`, absolute roots or drive letters.
    public static func isSafeRelative(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.hasPrefix("\\"), !path.contains(":") else { return false }
        let parts = path.split(whereSeparator: { $0 == "/" || $0 == "\\" })
        return !parts.isEmpty && !parts.contains("..")
    }

    /// The file name part of a `/`-separated path.
    public static func fileName(_ path: String) -> String {
        let utf8 = path.utf8
        guard let slash = utf8.lastIndex(of: ASCII.slash) else { return path }
        return String(Substring(utf8[utf8.index(after: slash)...]))
    }
}
