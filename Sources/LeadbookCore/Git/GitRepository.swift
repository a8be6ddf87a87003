import LeadbookText

/// Facts about the git repository around a workspace, found from the file system alone.
public enum GitRepository {
    /// The workspace's path inside its repository, with a trailing `/` ("" at the top or outside git).
    public static func prefix(of root: String) -> String {
        var directory = root
        var parts: [String] = []
        while true {
            if FileAccess.exists(directory + "/.git") {
                return parts.isEmpty ? "" : parts.reversed().joined(separator: "/") + "/"
            }
            guard let slash = directory.lastIndex(of: "/"), directory != "/" else { return "" }
            parts.append(String(directory[directory.index(after: slash)...]))
            directory = slash == directory.startIndex ? "/" : String(directory[..<slash])
        }
    }
}
