import LeadbookText

/// Rules reported while a file is read: its bytes, its YAML, its fields' types and its log's
/// shape. Rules that look at the read values have a file of their own in Rules/.
extension Rule {




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
