import Foundation
import LeadbookText

/// A workbook (.xlsx, .xlsm) as `import` reads it: its worksheets, found through the package's
/// relationships and workbook.xml, each read into the rows the CSV reader gives, so that
/// `LeadSheet` and `LeadImport` treat both alike (docs/import-export.md, "Workbooks").
///
/// A cell's value becomes the text a rep sees: shared and inline strings (rich-text runs
/// joined, phonetic runs left out), numbers (at most 15 significant digits, as Excel shows
/// them), TRUE / FALSE, and dates by their style (built-in formats 14–22, 27–36, 45–47 and
/// 50–58, and custom formats with date or time tokens) in the 1900 or the 1904 date system,
/// as `2024-03-05` or `2024-03-05 10:20`. An error value (`#N/A`) and the 1900 system's
/// serial 60 (Excel's 1900-02-29, a day that never was) are problems of their cell.
public struct Workbook: Sendable {
    public struct Sheet: Sendable, Equatable {
        public var name: String
        /// The part in the archive (`xl/worksheets/sheet1.xml`).
        public var part: String
        public var hidden: Bool
    }

    /// The worksheets, in the workbook's order (chart sheets are not listed).
    public let sheets: [Sheet]
    let archive: ZipArchive
    let sharedStrings: [String]
    /// For each cell format (`s="3"`), whether its number format is a date, and one with a time.
    let dateFormats: [DateFormat]
    /// For each cell format, the width of its number format when that is made only of `0`
    /// digits (`00000000000`: a phone number that lost its leading zero shows it again); 0
    /// for any other format.
    let paddedWidths: [Int]
    let date1904: Bool

    enum DateFormat: Sendable { case none, date, dateTime }

    /// Most cells a workbook may hold.
    public static let cellLimit = 1_000_000

    static let oleSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// True when the bytes are a zip archive (a workbook, or something that claims to be) or
    /// an OLE2 compound file (.xls, or a workbook protected with a password): `import` reads
    /// them as a workbook, never as CSV.
    public static func isWorkbook(_ bytes: [UInt8]) -> Bool {
        ZipArchive.looksLikeZip(bytes) || bytes.starts(with: oleSignature)
    }

    /// True for a file named as a workbook (.xlsx, .xlsm, .xls, .xlsb, any case): it is read as
    /// one whatever it holds, so a damaged workbook is told as such, not as a bad CSV file.
    public static func isWorkbookName(_ path: String) -> Bool {
        let name = path.lowercased()
        return [".xlsx", ".xlsm", ".xls", ".xlsb"].contains { name.hasSuffix($0) }
    }

    public init(_ bytes: [UInt8]) throws(WorkbookProblem) {
        if bytes.starts(with: Self.oleSignature) { throw WorkbookProblem(.compoundFile) }
        do {
            archive = try ZipArchive(bytes)
        } catch {
            throw WorkbookProblem(.zip(error))
        }
        // The package's relationships name the workbook part.
        var workbookPart = "xl/workbook.xml"
        if archive.entry(named: "_rels/.rels") != nil {
            let relations = try Self.relationships(archive, "_rels/.rels", base: "")
            if let office = relations.values.first(where: { $0.type.hasSuffix("/officeDocument") }) { workbookPart = office.target }
        }
        guard archive.entry(named: workbookPart) != nil else {
            if archive.entry(named: "xl/workbook.bin") != nil { throw WorkbookProblem(.binary) }
            throw WorkbookProblem(.notAWorkbook)
        }
        let base = workbookPart.contains("/") ? String(workbookPart[..<workbookPart.lastIndex(of: "/")!]) + "/" : ""
        let relationsPart = base + "_rels/" + workbookPart.dropFirst(base.count) + ".rels"
        let relations = archive.entry(named: relationsPart) != nil ? try Self.relationships(archive, relationsPart, base: base) : [:]

        var book = WorkbookPart()
        try Self.parse(archive, workbookPart, into: &book)
        date1904 = book.date1904
        var sheets: [Sheet] = []
        for sheet in book.sheets {
            guard let relation = relations[sheet.relation] else { continue }
            guard relation.type.hasSuffix("/worksheet") else { continue }
            sheets.append(Sheet(name: sheet.name, part: relation.target, hidden: sheet.hidden))
        }
        self.sheets = sheets

        var strings = SharedStringsPart()
        if let part = relations.values.first(where: { $0.type.hasSuffix("/sharedStrings") })?.target, archive.entry(named: part) != nil {
            try Self.parse(archive, part, into: &strings)
        }
        sharedStrings = strings.strings
        var styles = StylesPart()
        if let part = relations.values.first(where: { $0.type.hasSuffix("/styles") })?.target, archive.entry(named: part) != nil {
            try Self.parse(archive, part, into: &styles)
        }
        dateFormats = styles.cellFormats.map { id in
            if let code = styles.customFormats[id] { return Self.dateFormat(code: code) }
            return Self.builtInDateFormat(id)
        }
        paddedWidths = styles.cellFormats.map { id in styles.customFormats[id].map(Self.paddedWidth(code:)) ?? 0 }
    }

    /// The sheet `--sheet` names (its name exactly, else ignoring case and surrounding spaces),
    /// or the first visible worksheet.
    public func sheet(named name: String?) throws(WorkbookProblem) -> Sheet {
        guard let name else {
            guard let first = sheets.first(where: { !$0.hidden }) ?? sheets.first else { throw WorkbookProblem(.noSheets) }
            return first
        }
        if let exact = sheets.first(where: { $0.name == name }) { return exact }
        let wanted = name.trimmingSpreadsheetSpaces.lowercased()
        if let near = sheets.first(where: { $0.name.trimmingSpreadsheetSpaces.lowercased() == wanted }) { return near }
        throw WorkbookProblem(.noSheetNamed(name, sheets.map(\.name)))
    }

    // MARK: - Parts

    struct Relationship { var type: String; var target: String }

    static func part(_ archive: ZipArchive, _ name: String) throws(WorkbookProblem) -> [UInt8] {
        guard let entry = archive.entry(named: name) else { throw WorkbookProblem(.missingPart(name)) }
        do {
            return try archive.contents(of: entry)
        } catch {
            throw WorkbookProblem(.zip(error))
        }
    }

    static func parse<H: XMLReader.Handler>(_ archive: ZipArchive, _ name: String, into handler: inout H) throws(WorkbookProblem) {
        let bytes = try part(archive, name)
        do {
            try XMLReader.read(bytes, into: &handler)
        } catch {
            if case .content(let phrase) = error.kind { throw WorkbookProblem(.content(phrase)) }
            throw WorkbookProblem(.xml(name, error))
        }
    }

    static func relationships(_ archive: ZipArchive, _ name: String, base: String) throws(WorkbookProblem) -> [String: Relationship] {
        var handler = RelationshipsPart()
        try parse(archive, name, into: &handler)
        var relations: [String: Relationship] = [:]
        for (id, type, target, external) in handler.items where !external {
            relations[id] = Relationship(type: type, target: resolve(target, base: base))
        }
        return relations
    }

    /// A relationship's target as a name in the archive: absolute (`/xl/...`) or relative to
    /// the folder of the part that names it, `..` and `.` resolved. Only compared with entry names.
    static func resolve(_ target: String, base: String) -> String {
        var segments: [Substring] = []
        let full = target.hasPrefix("/") ? String(target.dropFirst()) : base + target
        for segment in full.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment == ".." { if !segments.isEmpty { segments.removeLast() }; continue }
            segments.append(segment)
        }
        return segments.joined(separator: "/")
    }

    // MARK: - Dates

    /// Excel's built-in number formats that are dates (ECMA-376 18.8.30; 27–36 and 50–58 are
    /// the East Asian date formats, such as `yyyy"年"m"月"d"日"`).
    static func builtInDateFormat(_ id: Int) -> DateFormat {
        switch id {
        case 14...17, 27...31, 34...36, 50...54, 57, 58: return .date
        case 18...22, 32, 33, 45...47, 55, 56: return .dateTime
        default: return .none
        }
    }

    /// A custom format is a date when its first section has a date or time token outside
    /// quoted text, escaped characters and brackets (`[Red]`, `[$-804]`; elapsed `[h]` is a
    /// duration, not a date).
    static func dateFormat(code: String) -> DateFormat {
        var date = false, time = false, month = false, number = false
        var quoted = false, bracket = false, escaped = false
        for scalar in code.unicodeScalars {
            if escaped { escaped = false; continue }
            if quoted { if scalar == "\"" { quoted = false }; continue }
            if bracket { if scalar == "]" { bracket = false }; continue }
            switch scalar {
            case "\"": quoted = true
            case "[": bracket = true
            case "\\", "_", "*": escaped = true
            case ";": return date || month ? (time ? .dateTime : .date) : (time && !number ? .dateTime : .none)
            case "y", "Y", "d", "D": date = true
            case "m", "M": month = true
            case "h", "H", "s", "S": time = true
            case "0", "#", "?": number = true
            default: break
            }
        }
        if code.lowercased() == "general" { return .none }
        if number && !date { return .none }
        if date || month { return time ? .dateTime : .date }
        return time ? .dateTime : .none
    }

    /// A date serial of the workbook's date system as `2024-03-05` or `2024-03-05 10:20`; nil
    /// for Excel's 1900-02-29 (serial 60 of the 1900 system).
    static func dateText(_ serial: Double, withTime: Bool, date1904: Bool) -> String? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        if serial < 1 {
            // A time of day alone.
            return LocalDateTime(date: LocalDate(dayNumber: 0), minutes: min(1439, Int((serial * 1440).rounded()))).timeText
        }
        var days = Int(serial.rounded(.down))
        var minutes = Int(((serial - Double(days)) * 1440).rounded())
        if minutes == 1440 { days += 1; minutes = 0 }
        let dayNumber: Int
        if date1904 {
            dayNumber = days - 24107
        } else {
            if days == 60 { return nil }
            dayNumber = days < 60 ? days - 25568 : days - 25569
        }
        let moment = LocalDateTime(date: LocalDate(dayNumber: dayNumber), minutes: minutes, hasTime: withTime || minutes != 0)
        return moment.description
    }

    /// The width of a number format made only of `0` digits (`00000000000` is 11); 0 for any
    /// other format.
    static func paddedWidth(code: String) -> Int {
        guard !code.isEmpty, code.utf8.allSatisfy({ $0 == UInt8(ascii: "0") }) else { return 0 }
        return code.utf8.count
    }

    /// A whole number as a format of `width` zeros shows it: its digits padded with zeros on
    /// the left (`2155550101` in `00000000000` is `02155550101`); any other number unchanged.
    static func paddedText(_ number: String, width: Int) -> String {
        let negative = number.hasPrefix("-")
        let digits = negative ? number.utf8.dropFirst() : number.utf8[...]
        guard width > digits.count, !digits.isEmpty, digits.allSatisfy(ASCII.isDigit) else { return number }
        return (negative ? "-" : "") + String(repeating: "0", count: width - digits.count) + String(decoding: digits, as: UTF8.self)
    }

    /// 1000000 as `1,000,000`, as messages write numbers.
    public static func grouped(_ number: Int) -> String {
        (number < 0 ? "-" : "") + SummaryText.grouped(digits: String(number.magnitude))
    }

    /// A number as Excel shows it in a General cell: an integer without a decimal point, else
    /// at most 15 significant digits.
    static func numberText(_ text: String) -> String {
        guard let value = Double(text), value.isFinite else { return text }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var shown = String(format: "%.15g", value)
        if shown.contains("e") {
            // 1.5e+20 as Excel writes it: 1.5E+20.
            shown = shown.uppercased()
        }
        return shown
    }
}

/// Why a workbook cannot be read.
public struct WorkbookProblem: Error, SaidError, Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case compoundFile, binary, notAWorkbook, noSheets
        case zip(ZipProblem)
        case xml(String, XMLProblem)
        case missingPart(String)
        case noSheetNamed(String, [String])
        case content(Phrase)
    }

    public var kind: Kind

    public init(_ kind: Kind) { self.kind = kind }

    public var words: Wording<Workbook> {
        switch kind {
        case .compoundFile: return .compoundFile
        case .binary: return .binary
        case .notAWorkbook: return .notAWorkbook
        case .noSheets: return .noSheets
        case .zip(let problem): return Wording(problem.phrase, hint: problem.hintPhrase)
        case .xml(let part, let problem): return .xml(part, problem.phrase)
        case .missingPart(let part): return .missingPart(part)
        case .noSheetNamed(let name, let sheets): return .noSheetNamed(name, sheets)
        case .content(let phrase):
            return Wording(phrase, hint: phrase == Wording<Workbook>.tooManyCells(Workbook.cellLimit) ? Wording<Workbook>.fewerCells : Wording<Workbook>.saveAgain)
        }
    }

    public var phrase: Phrase { words.phrase }
    public var hintPhrase: Phrase { words.hintPhrase }
}

extension Wording where Of == Workbook {
    static let saveAgain = Phrase("open it in Excel, WPS or LibreOffice and save it again as .xlsx",
                                  "请用 Excel、WPS 或 LibreOffice 打开，重新另存为 .xlsx")

    static let compoundFile = Self("the file is an Excel 97-2003 workbook (.xls), or a workbook protected with a password",
                                   "文件是 Excel 97-2003 工作簿（.xls），或是设了密码的工作簿",
                                   hint: Phrase("open it in Excel, WPS or LibreOffice, remove any password and save it as .xlsx (Excel Workbook)",
                                                "请用 Excel、WPS 或 LibreOffice 打开，如有密码先取消，再另存为 .xlsx（Excel 工作簿）"))
    static let binary = Self("the file is an Excel binary workbook (.xlsb)", "文件是 Excel 二进制工作簿（.xlsb）",
                             hint: Phrase("save it as .xlsx (Excel Workbook)", "请另存为 .xlsx（Excel 工作簿）"))
    static let notAWorkbook = Self("the file is a zip archive but not an Excel workbook", "文件是 zip 压缩包，但不是 Excel 工作簿",
                                   hint: Phrase("import a .xlsx workbook or a CSV file", "请导入 .xlsx 工作簿或 CSV 文件"))
    static let noSheets = Self("the workbook has no worksheet", "工作簿里没有工作表",
                               hint: Phrase("put the leads on a worksheet (not a chart sheet)", "请把线索放在工作表里（不是图表页）"))
    static func xml(_ part: String, _ problem: Phrase) -> Self {
        Self(Phrase("the workbook's part `\(part)` is damaged: ", "工作簿的部件 `\(part)` 已损坏：") + problem, hint: saveAgain)
    }
    static func missingPart(_ part: String) -> Self {
        Self("the workbook lacks its part `\(part)`", "工作簿缺少部件 `\(part)`", hint: saveAgain)
    }
    static func noSheetNamed(_ name: String, _ sheets: [String]) -> Self {
        let near = Suggestion.closest(to: name, among: sheets)
        return Self("the workbook has no sheet `\(name)`", "工作簿里没有名为 `\(name)` 的工作表",
                    hint: Phrase((near.map { "did you mean `\($0)`? " } ?? "") + "its sheets: " + sheets.map { "`\($0)`" }.joined(separator: ", "),
                                 (near.map { "是不是要写 `\($0)`？" } ?? "") + "工作表有：" + sheets.map { "`\($0)`" }.joined(separator: "、")))
    }
    static func tooManyCells(_ limit: Int) -> Phrase {
        Phrase("the sheet has more than \(Workbook.grouped(limit)) cells", "工作表的单元格超过 \(Workbook.grouped(limit)) 个")
    }
    /// The hint of `tooManyCells`: saving the workbook again does not make it smaller.
    static let fewerCells = Phrase("split the sheet into several workbooks, or delete the empty rows and columns at its end, and import each",
                                   "请把工作表拆成几个工作簿分别导入，或删掉表格末尾多余的空行、空列")
    /// A row number outside Excel's grid (`<row r="0">`).
    static func badRow(_ row: String) -> Phrase {
        Phrase("the sheet has a row numbered `\(row)`, outside Excel's 1,048,576 rows",
               "工作表里有编号为 `\(row)` 的行，超出了 Excel 的 1,048,576 行")
    }
    /// A row number that comes again, or before the row above it (`<row r="2">` after row 5).
    static func rowOutOfOrder(_ row: String, after previous: Int) -> Phrase {
        Phrase("the sheet has row \(row) after row \(previous): its rows are repeated or out of order",
               "工作表里第 \(row) 行出现在第 \(previous) 行之后：有重复或顺序错乱的行")
    }
    static func badReference(_ reference: String) -> Phrase {
        Phrase("the sheet has a cell `\(reference)` outside Excel's 1,048,576 rows and 16,384 columns",
               "工作表里有单元格 `\(reference)`，超出了 Excel 的 1,048,576 行、16,384 列")
    }
    public static func errorValue(_ value: String) -> Self {
        Self("the cell holds the error `\(value)`", "单元格的值是错误 `\(value)`",
             hint: Phrase("correct the formula or type the value, then save the workbook again",
                          "请改正公式或直接填写值，再保存工作簿"))
    }
    public static func formulaWithoutResult(_ cell: String) -> Self {
        Self("\(cell) holds a formula with no saved result", "\(cell) 是公式，但工作簿里没有保存它的计算结果",
             hint: Phrase("open the workbook in Excel or WPS and save it again, then import it",
                          "请用 Excel 或 WPS 打开工作簿，保存一次后再导入"))
    }
    public static let leapDay = Self("the cell holds 1900-02-29, a day Excel counts that never was", "单元格的日期是 1900-02-29，这一天并不存在（Excel 的历史遗留问题）",
                                     hint: Phrase("type the date again", "请重新填写这个日期"))
}
