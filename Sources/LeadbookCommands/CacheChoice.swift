import Foundation
import LeadbookCore
import LeadbookText

// Whether a run uses the per-file cache of `.leadbook/cache/` (`CustomerCache`): on, unless
// `--no-cache` is given or `LEADBOOK_NO_CACHE` is set to anything but `0` or nothing (a team's
// CI that wants every run to read every file; a clean clone has no cache anyway).

extension OptionSpec {
    public static let noCache = OptionSpec("no-cache", help: Phrase(
        "read every customer file again, without the cache of .leadbook/cache/ (also LEADBOOK_NO_CACHE=1)",
        "不用 .leadbook/cache/ 里的缓存，重新读取每个客户文件（也可以设 LEADBOOK_NO_CACHE=1）"))
}

extension CommandContext {
    /// The cache setting of this run.
    func cacheSetting(_ arguments: ParsedArguments) -> CustomerCache.Setting {
        let variable = environment["LEADBOOK_NO_CACHE"] ?? ""
        guard !arguments.flag("no-cache"), variable.isEmpty || variable == "0" else { return .off }
        return CustomerCache.Setting(enabled: true, build: CacheChoice.build)
    }
}

enum CacheChoice {
    /// This leadbook: its version, its commit and the identity of its program file, so that a
    /// cache written by another build (a development build rebuilt, an upgrade) is never used.
    static let build: String = {
        var text = BuildStamp.version + " " + BuildStamp.commit
        if let program = Bundle.main.executablePath, let identity = CustomerCache.FileIdentity.of(program) {
            text += " \(identity.size) \(identity.modified).\(identity.modifiedNanoseconds) \(identity.inode)"
        }
        return text
    }()
}
