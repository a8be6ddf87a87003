import LeadbookText

/// Rules reported while a file is read: its bytes, its YAML, its fields' types and its log's
/// shape. Rules that look at the read values have a file of their own in Rules/.
extension Rule {
    // Files.
    public static let invalidUTF8 = Rule("invalid-utf8", .error, "A file is UTF-8 text.")
    public static let nulByte = Rule("nul-byte", .error, "A file contains no NUL bytes.")
    public static let emptyFile = Rule("empty-file", .error, "A customer file is not empty.")
    public static let noFrontMatter = Rule("no-front-matter", .error, "A customer file starts with a `---` front-matter line.")
    public static let unclosedFrontMatter = Rule("unclosed-front-matter", .error, "The front matter ends with a `---` line.")
    public static let unreadableFile = Rule("unreadable-file", .error, "Every file under the customers folder can be read.")
    public static let notAFile = Rule("not-a-file", .error, "Every `.md` path under the customers folder is a regular file.")
    public static let fileTooLarge = Rule("file-too-large", .error, "A customer file is at most 16 MB.")
    public static let lineTooLong = Rule("line-too-long", .error, "A line of a customer file is at most 64 KB.")

    // YAML.
    public static let yamlSyntax = Rule("yaml-syntax", .error, "The front matter is well-formed YAML.")
    public static let yamlUnsupported = Rule("yaml-unsupported", .error, "The front matter uses only the supported YAML subset (no anchors, aliases, tags, multi-line flow, several documents).")
    public static let yamlTabIndent = Rule("yaml-tab-indent", .error, "Indentation uses spaces, not tabs.")
    public static let duplicateKey = Rule("duplicate-key", .error, "A key appears once in a map.")
    public static let notAMap = Rule("front-matter-not-map", .error, "The front matter is a map of `key: value` lines.")

    // Fields.
    public static let wrongType = Rule("wrong-type", .error, "A field's value has the field's type (text, whole number, number, list, map).")
    public static let invalidDate = Rule("invalid-date", .error, "Dates are YYYY-MM-DD and exist; datetimes are YYYY-MM-DD HH:MM.")
    public static let outOfRange = Rule("out-of-range", .error, "Numbers are within their range (score parts within their maxima, amounts not negative).")
    public static let unknownField = Rule("unknown-field", .warning, "A key is one leadbook knows, or is listed under `extra_fields`.")
    public static let unknownSource = Rule("unknown-source", .error, "A source is one of leadbook.yml `sources`.")

    // Log.
    public static let badEntryHeading = Rule("bad-entry-heading", .error, "A log entry heading is `### DATE [HH:MM] CHANNEL [counterpart or summary]`.")
    public static let todoWithoutDate = Rule("todo-without-date", .error, "A to-do starts with its date.")
    public static let unknownEntryKey = Rule("unknown-entry-key", .warning, "A `- key: value` line that looks like a known key is spelled as one.")
    public static let duplicateSection = Rule("duplicate-section", .error, "A file has one Follow-ups section and one Feedback section.")
}
