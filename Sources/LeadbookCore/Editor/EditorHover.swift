import LeadbookText

/// What an editor shows when the pointer rests on a word of a customer file, as Markdown in
/// the user's language: on `score` and `grade` (and the score's keys and values) the grade as
/// `leadbook explain` gives it (points per dimension, total, threshold, grade); on `status`,
/// `intent`, `grade` and `source` and their values what they mean; on an entry key what the line
/// holds; on the id of `merged_into` the name of that customer; on any other key its Chinese
/// label. Nothing (nil) elsewhere.
public enum EditorHover {
    typealias Words = Wording<EditorHover>

    public static func hover(_ document: EditorDocument, at position: EditorPosition, language: Language,
                             customerName: (String) -> String?) -> (markdown: String, range: EditorRange)? {
        guard let place = EditorPlace.at(position, in: document), !place.token.isEmpty else { return nil }
        let word = EditorPlace.text(document, place.token)
        let configuration = document.configuration
        var markdown: Phrase?
        switch place.kind {
        case .key(let parents, _, _):
            if parents.isEmpty, word == "score" || word == "grade" {
                markdown = gradeExplanation(document)
            } else if parents == ["score"] {
                markdown = gradeExplanation(document)
            } else if parents.isEmpty, let field = CustomerField(key: word) {
                markdown = fieldHeading(field)
                if field == .source { markdown? += Phrase(verbatim: "\n\n") + Words.values.phrase + sourceList(configuration) }
            }
        case .value(let path):
            markdown = value(unquoted(word), at: path, document, customerName: customerName)
        case .entryKey:
            if let key = EntryKey.matching(Array(word.utf8)) {
                markdown = heading(key.rawValue, key.label) + Phrase(verbatim: "\n\n") + ValueMeaning.entryKey(key, configuration)
            }
        case .entryValue(_, let key):
            markdown = key == .status ? Status(text: word.trimmingSpaces).map { choice($0, ValueMeaning.status($0)) } : nil
        case .headingDate, .headingChannel, .todoDate, .mention:
            markdown = nil
        }
        guard let markdown else { return nil }
        return (markdown.text(language), document.range(of: place.token))
    }

    static func unquoted(_ word: String) -> String {
        var word = word
        if let first = word.first, first == "\"" || first == "'" { word.removeFirst() }
        if let last = word.last, last == "\"" || last == "'" { word.removeLast() }
        return word
    }

    /// `**status** (客户状态)` / `**客户状态**（status）`.
    static func heading(_ key: String, _ label: String) -> Phrase {
        Phrase("**\(key)** (\(label))", "**\(label)**（\(key)）")
    }

    /// `**qualified** (需求明确): the customer has confirmed the core need`.
    static func choice<V: Vocabulary>(_ value: V, _ meaning: Phrase) -> Phrase {
        Phrase("**\(value.rawValue)** (\(value.label)): ", "**\(value.label)**（\(value.rawValue)）：") + meaning
    }

    static func fieldHeading(_ field: CustomerField) -> Phrase {
        var text = Phrase("**\(field.key)** (\(field.label))", "**\(field.label)**（\(field.key)）")
        switch field {
        case .status: text += Phrase(verbatim: "\n\n") + Words.values.phrase + Status.choiceList
        case .intent: text += Phrase(verbatim: "\n\n") + Words.values.phrase + Intent.choiceList
        case .kind: text += Phrase(verbatim: "\n\n") + Words.values.phrase + CustomerKind.choiceList
        default: break
        }
        return text
    }

    /// leadbook.yml `sources` with the Chinese names of the default ones.
    static func sourceList(_ configuration: Configuration) -> Phrase {
        let sources = configuration.sources
        return Phrase(sources.map { source in Configuration.sourceLabels[source].map { "\(source) (\($0))" } ?? source }.joined(separator: ", "),
                      sources.map { source in Configuration.sourceLabels[source].map { "\($0)（\(source)）" } ?? source }.joined(separator: "、"))
    }

    static func value(_ word: String, at path: [String], _ document: EditorDocument, customerName: (String) -> String?) -> Phrase? {
        let configuration = document.configuration
        switch path {
        case ["status"]:
            return Status(text: word).map { choice($0, ValueMeaning.status($0)) }
        case ["intent"]:
            return Intent(text: word).map { choice($0, ValueMeaning.intent($0, configuration)) }
        case ["grade"]:
            return gradeExplanation(document).map { explanation in
                Grade(text: word).map { explanation + Phrase(verbatim: "\n\n") + choice($0, ValueMeaning.grade($0, configuration)) } ?? explanation
            }
        case _ where path.first == "score":
            return gradeExplanation(document)
        case ["source"], ["sources", "source"]:
            guard let source = configuration.source(named: word) else { return nil }
            let label = Configuration.sourceLabels[source] ?? source
            let head = Phrase("**\(source)** (\(label))", "**\(label)**（\(source)）")
            return ValueMeaning.source(source).map { head + Phrase(": ", "：") + $0 } ?? head
        case ["merged_into"]:
            guard !word.isEmpty else { return nil }
            if let name = customerName(word) { return Words.mergedInto(word, escaped(name)).phrase }
            return Words.noCustomer(word).phrase
        default:
            return nil
        }
    }

    /// The grade as `leadbook explain` gives it, from the file as it reads now; nil when the
    /// file does not read as a customer (a YAML error): then nothing is certain.
    static func gradeExplanation(_ document: EditorDocument) -> Phrase? {
        guard let customer = document.read().customer else { return nil }
        let lines = Explanation.gradeLines(customer, configuration: document.configuration)
        return Phrase(verbatim: "**") + Wording<Explanation>.gradeHeading.phrase + Phrase(verbatim: "**\n\n```text\n")
            + Phrase.joined(lines, en: "\n", zh: "\n") + Phrase(verbatim: "\n```")
    }

    /// A text of a file shown as itself in Markdown (its `*`, `_`, `` ` `` and brackets escaped).
    static func escaped(_ text: String) -> String {
        var output = ""
        for character in text {
            if "\\`*_[]<>#|".contains(character) { output.append("\\") }
            output.append(character)
        }
        return output
    }
}

extension Wording where Of == EditorHover {
    public static let values = Self("values: ", "可选值：")

    public static func mergedInto(_ id: String, _ name: String) -> Self {
        Self("merged into **\(id)** \(name)", "已合并到 **\(id)** \(name)")
    }

    public static func noCustomer(_ id: String) -> Self {
        Self("no customer with id `\(id)` in the workspace", "工作区里没有编号为 `\(id)` 的客户")
    }
}
