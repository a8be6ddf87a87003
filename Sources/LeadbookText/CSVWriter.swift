/// Writes comma-separated values as RFC 4180 defines them: records end with CRLF; a field
/// that holds a comma, a quote, a CR or an LF is put in double quotes, its quotes doubled.
public enum CSVWriter {
    /// One field, quoted when it must be.
    public static func field(_ text: String) -> String {
        var needsQuotes = false
        for byte in text.utf8 where byte == ASCII.comma || byte == ASCII.doubleQuote || byte == ASCII.cr || byte == ASCII.lf {
            needsQuotes = true
            break
        }
        guard needsQuotes else { return text }
        var output = "\""
        for scalar in text.unicodeScalars {
            if scalar == "\"" { output += "\"\"" } else { output.unicodeScalars.append(scalar) }
        }
        return output + "\""
    }

    /// One record with its CRLF.
    public static func record(_ fields: [String]) -> String {
        // A lone empty field is written `""`, so the record is not a blank line.
        if fields == [""] { return "\"\"\r\n" }
        return fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// A whole table; with `bom`, preceded by the UTF-8 byte-order mark (Excel then reads the
    /// file as UTF-8 instead of the system's code page).
    public static func table(_ rows: [[String]], bom: Bool) -> String {
        var output = bom ? "\u{FEFF}" : ""
        for row in rows { output += record(row) }
        return output
    }
}
