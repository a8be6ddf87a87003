/// The two languages leadbook speaks: Simplified Chinese (the toolkit's, and the default) and
/// English. leadbook.yml's `language`, `--lang` and `LEADBOOK_LANG` name one.
public enum Language: String, Sendable, CaseIterable {
    case zhCN = "zh-CN"
    case en

    /// The language a user's code names: `zh-CN`, `zh`, `zh_CN`, `zh-Hans`, `中文` for Chinese;
    /// `en`, `en-US`, `en_GB`, `English` for English (case does not matter); nil for any other.
    public init?(code: String) {
        let lowered = code.lowercased()
        if lowered == "中文" || lowered == "简体中文" || lowered == "zh" || lowered.hasPrefix("zh-") || lowered.hasPrefix("zh_") {
            self = .zhCN
        } else if lowered == "en" || lowered == "english" || lowered.hasPrefix("en-") || lowered.hasPrefix("en_") {
            self = .en
        } else {
            return nil
        }
    }

    /// The language of a POSIX locale (`LC_ALL`, `LC_MESSAGES`, `LANG`: `zh_CN.UTF-8`, `en_US.UTF-8`);
    /// nil for `C`, `POSIX`, an empty or another locale.
    public static func ofLocale(_ environment: [String: String]) -> Language? {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            let code = value.split(separator: ".").first.map(String.init) ?? value
            return Language(code: code)
        }
        return nil
    }
}
