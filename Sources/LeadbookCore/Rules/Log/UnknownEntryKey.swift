import LeadbookText

/// A `- key: value` line of an entry whose key is not an entry key is a note; when the key
/// looks like a misspelled one (`staus`), the line was probably meant as that key.
public enum UnknownEntryKey: RuleDefinition {
    public static let rule = Rule("unknown-entry-key", .warning, "A `- key: value` line that looks like a known key is spelled as one.")

    /// A key of `bytes[key]` that is no entry key: a warning when it is one word of letters
    /// near one of `allowed`.
    public static func check(_ bytes: UnsafeBufferPointer<UInt8>, key range: Range<Int>, allowed: [EntryKey], _ findings: inout Findings) {
        guard range.count >= 3, range.count <= 24 else { return }
        for index in range {
            let byte = ASCII.lowercased(bytes[index])
            if !(byte >= 0x61 && byte <= 0x7A) && byte != ASCII.dash && byte != UInt8(ascii: "_") { return }
        }
        let key = UTF8Bytes.string(bytes, range).lowercased()
        if let near = Suggestion.closest(to: key, among: allowed.map(\.rawValue)), near != key {
            findings.report(Message.nearKey(key, near), at: range.lowerBound)
        }
    }
}

extension RuleMessage where Of == UnknownEntryKey {
    public static func nearKey(_ key: String, _ near: String) -> Self {
        Self("`\(key)` is not an entry key, so this line is a note", hint: "did you mean `\(near)`?")
    }
}
