import LeadbookText

/// A customer's `source` (and each `sources` item's) is one of leadbook.yml `sources`, by its
/// English value or Chinese label: the summary counts leads by source. `new --source`,
/// `import --source` and an imported row's source are refused in the same words.
public enum UnknownSource: RuleDefinition {
    public static let rule = Rule("unknown-source", .error, Phrase("A source is one of leadbook.yml `sources`.", "来源渠道是 leadbook.yml `sources` 里列出的之一。"))

    /// The source `text` names; nil, and a diagnostic at `offset`, when it is none of them.
    public static func check(_ text: String, _ configuration: Configuration, at offset: Int, _ findings: inout Findings) -> String? {
        if let known = configuration.source(named: text) { return known }
        findings.report(Message.unknown(text, configuration), at: offset,
                        suggestion: findings.suggestion(replacing: text, at: offset, with: nearest(to: text, configuration)))
        return nil
    }

    /// The source (or its Chinese name) nearest to `text`, the hint's "did you mean".
    public static func nearest(to text: String, _ configuration: Configuration) -> String? {
        let sources = configuration.sources
        return Suggestion.closest(to: text, among: sources + sources.compactMap { Configuration.sourceLabels[$0] })
    }
}

extension RuleMessage where Of == UnknownSource {
    public static func unknown(_ text: String, _ configuration: Configuration) -> Self {
        let sources = configuration.sources
        let near = UnknownSource.nearest(to: text, configuration)
        let named = sources.map { source in Configuration.sourceLabels[source].map { "\(source) (\($0))" } ?? source }
        let namedInChinese = sources.map { source in Configuration.sourceLabels[source].map { "\($0)（\(source)）" } ?? source }
        return Self("unknown source `\(text)`", "没有 `\(text)` 这个来源渠道",
                    hint: (near.map { Phrase("did you mean `\($0)`? ", "是不是想写 `\($0)`？") } ?? .empty)
                        + Phrase("sources are: \(named.joined(separator: ", ")) (leadbook.yml `sources`)",
                                 "可选的来源渠道：\(namedInChinese.joined(separator: "、"))（leadbook.yml 的 `sources`）"))
    }
}
