import LeadbookText

/// A `- key: value` line of an entry whose key is not an entry key is a note; when the key
/// looks like a misspelled one (`staus`), the line was probably meant as that key.
public enum UnknownEntryKey: RuleDefinition {
    public static let rule = Rule("unknown-entry-key", .warning, Phrase("A `- key: value` line that looks like a known key is spelled as one.",
                                                                  "看起来像已知键的 `- 键: 值` 行，要把键写对。"))

    /// A key of `bytes[key]` that is no entry key: a warning when it is one word of letters
    /// near one of `allowed`, or a word reps write for one of them (`决策` for 决策进展).
    public static func check(_ bytes: UnsafeBufferPointer<UInt8>, key range: Range<Int>, allowed: [EntryKey], _ findings: inout Findings) {
        guard range.count >= 3, range.count <= 24 else { return }
        for index in range {
            let byte = ASCII.lowercased(bytes[index])
            if !(byte >= 0x61 && byte <= 0x7A) && byte != ASCII.dash && byte != UInt8(ascii: "_") {
                if bytes[range.lowerBound] >= 0x80, let meant = EntryKey.synonym(bytes, range), allowed.contains(meant) {
                    let key = UTF8Bytes.string(bytes, range)
                    findings.report(Message.synonym(key, meant), at: range.lowerBound,
                                    suggestion: findings.suggestion(replacing: key, at: range.lowerBound, with: meant.label))
                }
                return
            }
        }
        let key = UTF8Bytes.string(bytes, range).lowercased()
        if let near = Suggestion.closest(to: key, among: allowed.map(\.rawValue)), near != key {
            findings.report(Message.nearKey(key, near), at: range.lowerBound,
                            suggestion: findings.suggestion(replacing: UTF8Bytes.string(bytes, range), at: range.lowerBound, with: near))
        }
    }
}

extension RuleMessage where Of == UnknownEntryKey {
    public static func nearKey(_ key: String, _ near: String) -> Self {
        Self("`\(key)` is not an entry key, so this line is a note", "`\(key)` 不是条目的键，这一行会被当成备注",
             hint: Phrase("did you mean `\(near)`?", "是不是想写 `\(near)`？"))
    }

    /// A word reps write for `meant` (`决策` for `决策进展`).
    public static func synonym(_ key: String, _ meant: EntryKey) -> Self {
        Self("`\(key)` is not an entry key, so this line is a note", "`\(key)` 不是条目的键，这一行会被当成备注",
             hint: Phrase("did you mean `\(meant.label)` (\(meant.rawValue))?", "是不是想写 `\(meant.label)`（\(meant.rawValue)）？"))
    }
}
