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
        if let slash = path.lastIndex(of: "/") { return String(path[path.index(after: slash)...]) }
        return path
    }
}
