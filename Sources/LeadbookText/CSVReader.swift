/// Reads comma-separated values as RFC 4180 defines them, from UTF-8 bytes.
///
/// - Fields are separated by commas and records by CRLF; a lone LF or CR also ends a record
///   (files written on Linux and old Macs).
/// - A field in double quotes may hold commas, line breaks and quotes (written `""`). Line
///   breaks inside quotes are kept as they are.
/// - A quote inside an unquoted field is kept as an ordinary character (`5" screen`), as
///   Excel and Python read it.
/// - Text after a closing quote (`"abc"def`) and a quote that is never closed are problems of
///   the record; the record's text is still read (the rest appended as written).
/// - A line break at the end of the file does not start another record.
public enum CSVReader {
    public struct Record: Sendable, Equatable {
        public var fields: [String]
        /// 1-based line on which the record starts.
        public var line: Int
        /// 1-based position among the records (the spreadsheet's row number).
        public var row: Int
        public var problems: [Problem] = []

        public init(fields: [String], line: Int, row: Int, problems: [Problem] = []) {
            self.fields = fields
            self.line = line
            self.row = row
            self.problems = problems
        }

        /// True when every field is empty (a blank line, or `,,,`).
        public var isBlank: Bool { fields.allSatisfy(\.isEmpty) }
    }

    public struct Problem: Sendable, Equatable {
        /// 1-based line of the problem.
        public var line: Int
        /// 0-based index of the field.
        public var field: Int
        /// What is wrong, in both languages.
        public var phrase: Phrase
        /// How to fix it, when the problem is not the CSV reader's own (a workbook's cell);
        /// nil for quoting problems, whose hint the sheet gives.
        public var hintPhrase: Phrase?
        /// What is wrong, in English.
        public var message: String { phrase.en }

        public init(line: Int, field: Int, _ words: Wording<CSVReader>) {
            self.line = line
            self.field = field
            self.phrase = words.phrase
        }

        /// A problem of a cell found by another reader (a workbook's), with its hint.
        public init<Of>(line: Int, field: Int, said words: Wording<Of>) {
            self.line = line
            self.field = field
            self.phrase = words.phrase
            self.hintPhrase = words.hintPhrase
        }
    }

    public static func read(_ bytes: [UInt8]) -> [Record] {
        bytes.withUnsafeBufferPointer { read($0) }
    }

    public static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var problems: [Problem] = []
        var field: [UInt8] = []
        let count = bytes.count
        var index = 0
        var line = 1
        var recordLine = 1

        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        func endRecord() {
            endField()
            records.append(Record(fields: fields, line: recordLine, row: records.count + 1, problems: problems))
            fields.removeAll()
            problems.removeAll()
        }
        /// Consumes a line break at `index` (CRLF, LF or CR); false when there is none.
        func lineBreak() -> Bool {
            let byte = bytes[index]
            if byte == ASCII.lf { index += 1; return true }
            if byte == ASCII.cr {
                index += 1
                if index < count && bytes[index] == ASCII.lf { index += 1 }
                return true
            }
            return false
        }

        guard count > 0 else { return [] }
        while true {
            // At the start of a field.
            if index < count && bytes[index] == ASCII.doubleQuote {
                let openLine = line
                index += 1
                var closed = false
                while index < count {
                    let byte = bytes[index]
                    if byte == ASCII.doubleQuote {
                        if index + 1 < count && bytes[index + 1] == ASCII.doubleQuote {
                            field.append(ASCII.doubleQuote)
                            index += 2
                            continue
                        }
                        index += 1
                        closed = true
                        break
                    }
                    if byte == ASCII.lf || (byte == ASCII.cr && (index + 1 >= count || bytes[index + 1] != ASCII.lf)) { line += 1 }
                    field.append(byte)
                    index += 1
                }
                if !closed {
                    problems.append(Problem(line: openLine, field: fields.count, .unclosedQuote))
                    endRecord()
                    return records
                }
                if index < count && bytes[index] != ASCII.comma && bytes[index] != ASCII.lf && bytes[index] != ASCII.cr {
                    problems.append(Problem(line: line, field: fields.count, .textAfterQuote))
                }
            }
            // The unquoted part (or what follows a closing quote).
            while index < count {
                let byte = bytes[index]
                if byte == ASCII.comma || byte == ASCII.lf || byte == ASCII.cr { break }
                field.append(byte)
                index += 1
            }
            if index >= count {
                endRecord()
                return records
            }
            if bytes[index] == ASCII.comma {
                index += 1
                endField()
                continue
            }
            _ = lineBreak()
            endRecord()
            line += 1
            recordLine = line
            if index >= count { return records }
        }
    }
}

extension Wording where Of == CSVReader {
    public static let unclosedQuote = Self("the quote that opens this field is never closed", "这个单元格开头的引号没有闭合")
    public static let textAfterQuote = Self("text after the closing quote of a quoted field", "带引号的单元格在闭合引号后面还有文字")
}
