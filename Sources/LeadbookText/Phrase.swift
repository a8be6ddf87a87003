/// A text for people in both of leadbook's languages. Every line leadbook shows is one: the
/// message is written in English and in Chinese where it is declared, and the console (or the
/// report being rendered) picks the user's language. There is no way to make a phrase in one
/// language only, so a message without its translation does not compile; a text that is the
/// same in both (a path, a number, a rule id) is `Phrase(verbatim:)`.
public struct Phrase: Sendable, Equatable, Hashable {
    public let en: String
    public let zh: String

    public init(_ en: String, _ zh: String) {
        self.en = en
        self.zh = zh
    }

    /// A text that reads the same in both languages: a path, a number, a command line, a value
    /// from a file.
    public init(verbatim text: String) {
        self.en = text
        self.zh = text
    }

    public static let empty = Phrase(verbatim: "")

    public var isEmpty: Bool { en.isEmpty && zh.isEmpty }

    public func text(_ language: Language) -> String {
        language == .zhCN ? zh : en
    }

    public static func + (lhs: Phrase, rhs: Phrase) -> Phrase {
        Phrase(lhs.en + rhs.en, lhs.zh + rhs.zh)
    }

    public static func + (lhs: Phrase, rhs: String) -> Phrase {
        Phrase(lhs.en + rhs, lhs.zh + rhs)
    }

    public static func + (lhs: String, rhs: Phrase) -> Phrase {
        Phrase(lhs + rhs.en, lhs + rhs.zh)
    }

    public static func += (lhs: inout Phrase, rhs: Phrase) { lhs = lhs + rhs }
    public static func += (lhs: inout Phrase, rhs: String) { lhs = lhs + rhs }

    /// The phrases joined by `separator` in each language (English `, ` and Chinese `、` for lists
    /// are the caller's choice).
    public static func joined(_ phrases: [Phrase], en: String, zh: String) -> Phrase {
        Phrase(phrases.map(\.en).joined(separator: en), phrases.map(\.zh).joined(separator: zh))
    }

    /// Each language's text changed by `transform` (a prefix, an escape, a colour).
    public func map(_ transform: (String) -> String) -> Phrase {
        Phrase(transform(en), transform(zh))
    }
}
