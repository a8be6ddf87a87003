import Foundation
import LeadbookText

/// Finds a program the way a shell does: the first executable file of that name in the
/// folders of PATH (`:`-separated; on Windows `;`-separated, with `.exe` tried first).
public enum ProgramPath {
    #if os(Windows)
    public static let separator: Character = ";"
    public static let suffixes = [".exe", ""]
    #else
    public static let separator: Character = ":"
    public static let suffixes = [""]
    #endif

    public static func first(_ name: String, path: String) -> String? {
        for folder in path.split(separator: separator) where !folder.isEmpty {
            for suffix in suffixes {
                let candidate = String(folder) + "/" + name + suffix
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }
}
