import LeadbookText

/// `export --format xlsx`: the customers as one worksheet of a workbook leadbook writes itself
/// (a zip of stored parts, the same bytes for the same customers).
///
/// The columns are those of the CSV export, the header row in bold and frozen. Every text is a
/// text cell (styled `@`), so ids, phones and WeChat ids keep their leading zeros and long
/// digit strings stay exact; a value that starts with `=` is text too: the workbook holds no
/// formula at all, so there is nothing to neutralize. Amounts and counts are numbers; dates
/// are date serials with a `yyyy-mm-dd` (or `yyyy-mm-dd hh:mm`) style. Column widths come from
/// the longest line of each column (a Chinese character counts two), between 8 and 60.
public enum WorkbookExport {
    public enum Cell: Sendable, Equatable {
        case empty
        case text(String)
        /// A number as it is written into the sheet (`200000`, `1500.5`).
        case number(String)
        /// A date serial of the 1900 system, and whether the cell shows a time.
        case date(String, withTime: Bool, shown: String)
    }

    /// One customer's row, in id order as `CustomerTable` sorts them.
    public struct Row: Sendable {
        public var id: String
        public var path: String
        public var cells: [Cell]
    }

    /// The columns whose values are dates (the others are numbers or texts by their value).
    static func holdsDates(_ column: CustomerColumn) -> Bool {
        if let type = column.field?.type, type == .date || type == .dateTime, column.rawValue == column.field?.key { return true }
        return ["next", "last_contact", "first_contact", "deal_closed"].contains(column.rawValue)
    }

    /// The cell of one column of one customer.
    static func cell(_ column: CustomerColumn, _ entry: CustomerSet.Entry, labels: Bool) -> Cell {
        let text = column.cell(entry, labels)
        guard !text.isEmpty else { return .empty }
        if holdsDates(column), let moment = LocalDateTime(text), let serial = serial(moment) {
            return .date(serial, withTime: moment.hasTime, shown: text)
        }
        switch column.json(entry) {
        case .int, .double:
            if let value = Double(text), value.isFinite { return .number(text) }
            return .text(text)
        default:
            return .text(text)
        }
    }

    /// A date and time as a serial of Excel's 1900 date system (nil before 1900-01-01).
    public static func serial(_ moment: LocalDateTime) -> String? {
        let dayNumber = moment.date.dayNumber
        // 1900-03-01 is serial 61 (Excel counts a 1900-02-29 that never was).
        var days = dayNumber + 25569
        if days < 61 { days -= 1 }
        guard days >= 1 else { return nil }
        guard moment.minutes > 0 else { return String(days) }
        return String(Double(days) + Double(moment.minutes) / 1440)
    }

    /// The rows of every customer except tombstones, in id order; the files with errors; and
    /// why the files that were not read were not (as `CustomerTable.lines`).
    public static func rows(_ workspace: Workspace, columns: [CustomerColumn], labels: Bool)
        -> (rows: [Row], filesWithErrors: [String], unread: [Diagnostic]) {
        let made = CustomerTable.customers(workspace) { entry in
            Row(id: entry.customer.id ?? "", path: entry.path, cells: columns.map { cell($0, entry, labels: labels) })
        }
        return (made.values, made.filesWithErrors, made.unread)
    }

    /// Most characters (UTF-16 units) Excel keeps in a cell: a longer text would be cut or
    /// "repaired" when the workbook is opened.
    public static let cellTextLimit = 32_767

    /// A text too long for one cell of a workbook: the customer, the column (its index in the
    /// columns) and the text's length in UTF-16 units.
    public struct LongText: Sendable, Equatable {
        public var id: String
        public var path: String
        public var column: Int
        public var length: Int
    }

    /// The texts of `rows` longer than Excel keeps in a cell, by row then column.
    public static func longTexts(_ rows: [Row]) -> [LongText] {
        var found: [LongText] = []
        for row in rows {
            for (column, cell) in row.cells.enumerated() {
                guard case .text(let text) = cell, text.utf8.count > cellTextLimit else { continue }
                let length = text.utf16.count
                if length > cellTextLimit { found.append(LongText(id: row.id, path: row.path, column: column, length: length)) }
            }
        }
        return found
    }

    /// The workbook's bytes: one sheet named `sheetName`, the header and the rows.
    public static func workbook(header: [String], rows: [[Cell]], sheetName: String) -> [UInt8] {
        var strings: [String] = []
        var stringIndex: [String: Int] = [:]
        func shared(_ text: String) -> Int {
            if let index = stringIndex[text] { return index }
            strings.append(text)
            stringIndex[text] = strings.count - 1
            return strings.count - 1
        }
        var widths = header.map { width(of: $0) }
        var sheetData = ""
        func reference(_ column: Int, _ row: Int) -> String { LeadSheet.letter(column) + String(row) }
        sheetData += "<row r=\"1\">"
        for (column, text) in header.enumerated() {
            sheetData += "<c r=\"\(reference(column, 1))\" s=\"\(Style.header)\" t=\"s\"><v>\(shared(text))</v></c>"
        }
        sheetData += "</row>"
        var cellCount = 0
        for (index, row) in rows.enumerated() {
            let number = index + 2
            sheetData += "<row r=\"\(number)\">"
            for (column, cell) in row.enumerated() {
                let at = reference(column, number)
                switch cell {
                case .empty: continue
                case .text(let text):
                    let style = text.utf8.contains(ASCII.lf) ? Style.multiLineText : Style.text
                    sheetData += "<c r=\"\(at)\" s=\"\(style)\" t=\"s\"><v>\(shared(text))</v></c>"
                    if column < widths.count { widths[column] = max(widths[column], width(of: text)) }
                case .number(let text):
                    sheetData += "<c r=\"\(at)\"><v>\(text)</v></c>"
                    if column < widths.count { widths[column] = max(widths[column], text.utf8.count) }
                case .date(let serial, let withTime, let shown):
                    sheetData += "<c r=\"\(at)\" s=\"\(withTime ? Style.dateTime : Style.date)\"><v>\(serial)</v></c>"
                    if column < widths.count { widths[column] = max(widths[column], shown.utf8.count) }
                }
                cellCount += 1
            }
            sheetData += "</row>"
        }
        let lastCell = reference(max(header.count, 1) - 1, rows.count + 1)
        var cols = ""
        for (index, width) in widths.enumerated() {
            cols += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(min(60, max(8, width + 2)))\" customWidth=\"1\"/>"
        }
        let sheet = declaration
            + "<worksheet xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\">"
            + "<dimension ref=\"A1:\(lastCell)\"/>"
            + "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            + "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"
            + "<sheetFormatPr defaultRowHeight=\"15\"/>"
            + (cols.isEmpty ? "" : "<cols>\(cols)</cols>")
            + "<sheetData>\(sheetData)</sheetData>"
            + "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
            + "</worksheet>"
        var sharedStrings = declaration + "<sst xmlns=\"\(mainNamespace)\" count=\"\(header.count + cellCount)\" uniqueCount=\"\(strings.count)\">"
        for text in strings {
            let preserve = text.first.map { $0.isWhitespace } == true || text.last.map { $0.isWhitespace } == true || text.contains("\n")
            sharedStrings += preserve ? "<si><t xml:space=\"preserve\">" : "<si><t>"
            sharedStrings += XMLText.escaped(text) + "</t></si>"
        }
        sharedStrings += "</sst>"
        let workbook = declaration
            + "<workbook xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\">"
            + "<bookViews><workbookView/></bookViews>"
            + "<sheets><sheet name=\"\(XMLText.escaped(sheetName, attribute: true))\" sheetId=\"1\" r:id=\"rId1\"/></sheets>"
            + "</workbook>"
        var archive = ZipWriter()
        archive.add("[Content_Types].xml", Array(contentTypes.utf8))
        archive.add("_rels/.rels", Array(packageRelationships.utf8))
        archive.add("xl/workbook.xml", Array(workbook.utf8))
        archive.add("xl/_rels/workbook.xml.rels", Array(workbookRelationships.utf8))
        archive.add("xl/styles.xml", Array(styles.utf8))
        archive.add("xl/sharedStrings.xml", Array(sharedStrings.utf8))
        archive.add("xl/worksheets/sheet1.xml", Array(sheet.utf8))
        return archive.finished()
    }

    /// How wide a text shows: its longest line, a Chinese character counting two.
    static func width(of text: String) -> Int {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { DisplayWidth.of(String($0)) }.max() ?? 0
    }

    /// The cell formats of styles.xml.
    enum Style {
        static let number = 0
        static let header = 1
        static let text = 2
        static let multiLineText = 3
        static let date = 4
        static let dateTime = 5
    }

    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationshipNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"

    static let contentTypes = declaration
        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
        + "</Types>"

    static let packageRelationships = declaration
        + "<Relationships xmlns=\"\(packageRelationshipNamespace)\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationshipNamespace)/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>"

    static let workbookRelationships = declaration
        + "<Relationships xmlns=\"\(packageRelationshipNamespace)\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationshipNamespace)/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"\(relationshipNamespace)/styles\" Target=\"styles.xml\"/>"
        + "<Relationship Id=\"rId3\" Type=\"\(relationshipNamespace)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        + "</Relationships>"

    static let styles = declaration
        + "<styleSheet xmlns=\"\(mainNamespace)\">"
        + "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd\"/><numFmt numFmtId=\"165\" formatCode=\"yyyy-mm-dd hh:mm\"/></numFmts>"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
        + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"6\">"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"49\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyFont=\"1\"/>"
        + "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/></xf>"
        + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "</cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>"
}
