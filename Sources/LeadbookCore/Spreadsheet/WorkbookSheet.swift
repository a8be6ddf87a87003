import LeadbookText

/// One worksheet read into the header and the rows that `import` reads from CSV.
///
/// - Cells are placed by their reference (`r="C5"`); a cell or row without one follows the
///   one before it. Empty rows are skipped; empty columns are those with no header and no value.
/// - The header is the first row with a value that is not a title: a row whose only value
///   is in a cell merged across several columns (`2024年3月展会线索` over A1:N1) is a title and
///   is skipped, like the empty rows above the header.
/// - Merged header cells: when a header cell is merged down over further rows (a two-level
///   header, `序号` over A1:A2 beside `联系人信息` over C1:E1 with `联系人`, `职位`, `电话` below
///   it), those rows are the header too, and each column's header is its lowest value in them.
/// - Each row's `row` and `line` are its row number in the sheet, as Excel shows it.
public struct WorkbookTable: Sendable {
    public var sheet: Workbook.Sheet
    public var header: CSVReader.Record
    public var records: [CSVReader.Record]
}

extension Workbook {
    public func table(_ sheet: Sheet) throws(WorkbookProblem) -> WorkbookTable {
        var reader = SheetPart(sharedStrings: sharedStrings, dateFormats: dateFormats, paddedWidths: paddedWidths, date1904: date1904)
        try Self.parse(archive, sheet.part, into: &reader)
        let rowsWithProblems = Set(reader.problems.map(\.row))
        let rows = reader.rows.filter { !$0.cells.isEmpty || rowsWithProblems.contains($0.row) }
        var problems: [Int: [CSVReader.Problem]] = [:]
        for problem in reader.problems {
            problems[problem.row, default: []].append(CSVReader.Problem(line: problem.row, field: problem.column, said: problem.words))
        }
        func merge(startingAt row: Int, column: Int) -> (lastRow: Int, lastColumn: Int)? {
            reader.merges.first { $0.firstRow == row && $0.firstColumn == column }.map { ($0.lastRow, $0.lastColumn) }
        }
        // The header: the first row that is not a title. A title's merged cell may also reach
        // down over further rows (A1:N2): a merge starting at the row always ends at it or below.
        var headerIndex = 0
        while headerIndex < rows.count {
            let row = rows[headerIndex]
            if row.cells.count == 1, let only = row.cells.first, let span = merge(startingAt: row.row, column: only.column),
               span.lastColumn > only.column {
                headerIndex += 1
                continue
            }
            break
        }
        guard headerIndex < rows.count else {
            return WorkbookTable(sheet: sheet, header: CSVReader.Record(fields: [], line: 1, row: 1), records: [])
        }
        let headerRow = rows[headerIndex].row
        var lastHeaderRow = headerRow
        for merged in reader.merges where merged.firstRow == headerRow { lastHeaderRow = max(lastHeaderRow, merged.lastRow) }
        var headers: [String] = []
        var index = headerIndex
        while index < rows.count && rows[index].row <= lastHeaderRow {
            for cell in rows[index].cells {
                while headers.count <= cell.column { headers.append("") }
                headers[cell.column] = cell.text
            }
            index += 1
        }
        var records: [CSVReader.Record] = []
        while index < rows.count {
            let row = rows[index]
            var fields = [String](repeating: "", count: max(headers.count, (row.cells.last?.column ?? -1) + 1))
            for cell in row.cells { fields[cell.column] = cell.text }
            records.append(CSVReader.Record(fields: fields, line: row.row, row: row.row, problems: problems[row.row] ?? []))
            index += 1
        }
        return WorkbookTable(sheet: sheet, header: CSVReader.Record(fields: headers, line: headerRow, row: headerRow), records: records)
    }

    /// A cell reference's 0-based column and 1-based row (`C5` is (2, 5)); nil when it is not one
    /// inside Excel's grid.
    static func reference(_ text: String) -> (column: Int, row: Int?)? {
        var column = 0, row = 0, letters = 0, digits = 0
        for byte in text.utf8 {
            if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") && digits == 0 {
                column = column * 26 + Int(byte - UInt8(ascii: "A") + 1)
                letters += 1
            } else if byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") && digits == 0 {
                column = column * 26 + Int(byte - UInt8(ascii: "a") + 1)
                letters += 1
            } else if byte == UInt8(ascii: "$") {
                continue
            } else if ASCII.isDigit(byte) && letters > 0 {
                row = row * 10 + Int(byte - ASCII.zero)
                digits += 1
                if digits > 7 { return nil }
            } else {
                return nil
            }
            if letters > 3 { return nil }
        }
        guard letters > 0, column <= 16_384, row <= 1_048_576 else { return nil }
        return (column - 1, digits > 0 ? row : nil)
    }

    /// A worksheet's cells, as text, and its merged ranges.
    struct SheetPart: XMLReader.Handler {
        struct Cell { var column: Int; var text: String }
        struct Row { var row: Int; var cells: [Cell] }
        struct Merge { var firstRow: Int; var firstColumn: Int; var lastRow: Int; var lastColumn: Int }
        struct Problem { var row: Int; var column: Int; var words: Wording<Workbook> }

        let sharedStrings: [String]
        let dateFormats: [DateFormat]
        let paddedWidths: [Int]
        let date1904: Bool
        var rows: [Row] = []
        var merges: [Merge] = []
        var problems: [Problem] = []
        var cellCount = 0

        // Where the reader is.
        var inSheetData = false
        var rowNumber = 0
        var nextColumn = 0
        var cellType = ""
        var cellStyle = 0
        var cellColumn = 0
        var inCell = false, inValue = false, inInline = false, inText = false, phonetic = 0
        var hasFormula = false, hasValue = false
        var value = "", inline = ""

        init(sharedStrings: [String], dateFormats: [DateFormat], paddedWidths: [Int], date1904: Bool) {
            self.sharedStrings = sharedStrings
            self.dateFormats = dateFormats
            self.paddedWidths = paddedWidths
            self.date1904 = date1904
        }

        func fail(_ phrase: Phrase, _ offset: Int) -> XMLProblem { XMLProblem(.content(phrase), offset: offset) }

        mutating func start(_ element: XMLReader.Element) throws(XMLProblem) {
            guard Workbook.isMain(element.name) else { return }
            switch element.name.local {
            case "sheetData": inSheetData = true
            case "row" where inSheetData:
                if let text = element.attribute("r") {
                    guard let number = Int(text), number >= 1, number <= 1_048_576 else {
                        throw fail(Wording<Workbook>.badRow(text), element.offset)
                    }
                    guard number > rowNumber || rows.isEmpty else {
                        throw fail(Wording<Workbook>.rowOutOfOrder(text, after: rowNumber), element.offset)
                    }
                    rowNumber = number
                } else {
                    rowNumber += 1
                }
                rows.append(Row(row: rowNumber, cells: []))
                nextColumn = 0
            case "c" where inSheetData:
                if rows.isEmpty { rowNumber = 1; rows.append(Row(row: 1, cells: [])) }
                if let text = element.attribute("r") {
                    guard let reference = Workbook.reference(text) else { throw fail(Wording<Workbook>.badReference(text), element.offset) }
                    cellColumn = reference.column
                } else {
                    cellColumn = nextColumn
                }
                guard cellColumn < 16_384 else { throw fail(Wording<Workbook>.badReference(LeadSheet.letter(cellColumn) + String(rowNumber)), element.offset) }
                nextColumn = cellColumn + 1
                cellCount += 1
                guard cellCount <= Workbook.cellLimit else { throw fail(Wording<Workbook>.tooManyCells(Workbook.cellLimit), element.offset) }
                cellType = element.attribute("t") ?? "n"
                cellStyle = element.attribute("s").flatMap { Int($0) } ?? 0
                inCell = true
                value = ""
                inline = ""
                hasFormula = false
                hasValue = false
            case "f" where inCell: hasFormula = true
            case "v" where inCell:
                inValue = true
                hasValue = true
            case "is" where inCell: inInline = true
            case "rPh" where inInline: phonetic += 1
            case "t" where inInline: inText = phonetic == 0
            case "mergeCell":
                guard let reference = element.attribute("ref") else { return }
                let corners = reference.split(separator: ":")
                guard corners.count == 2, let first = Workbook.reference(String(corners[0])), let last = Workbook.reference(String(corners[1])),
                      let firstRow = first.row, let lastRow = last.row else { return }
                merges.append(Merge(firstRow: min(firstRow, lastRow), firstColumn: min(first.column, last.column),
                                    lastRow: max(firstRow, lastRow), lastColumn: max(first.column, last.column)))
            default: break
            }
        }

        mutating func end(_ name: XMLReader.Name) throws(XMLProblem) {
            guard Workbook.isMain(name) else { return }
            switch name.local {
            case "sheetData": inSheetData = false
            case "v": inValue = false
            case "is": inInline = false
            case "rPh" where inInline: phonetic -= 1
            case "t": inText = false
            case "c" where inCell:
                inCell = false
                if hasFormula && (!hasValue || (value.isEmpty && cellType != "str")) {
                    // A formula Excel never computed (openpyxl writes `<f>1+1</f><v/>`): its
                    // value is not in the workbook, so the cell is a problem, never an empty value.
                    let reference = LeadSheet.letter(cellColumn) + String(rowNumber)
                    problems.append(Problem(row: rowNumber, column: cellColumn, words: .formulaWithoutResult(reference)))
                    return
                }
                if let text = try cellText(), !text.isEmpty {
                    let cell = Cell(column: cellColumn, text: text)
                    // Changed in place: a copy of the row's cells per cell would make a row quadratic.
                    let last = rows.count - 1
                    if let previous = rows[last].cells.last, previous.column >= cell.column {
                        // Out of order or twice: keep the columns in order, the later cell wins.
                        rows[last].cells.removeAll { $0.column == cell.column }
                        rows[last].cells.append(cell)
                        rows[last].cells.sort { $0.column < $1.column }
                    } else {
                        rows[last].cells.append(cell)
                    }
                }
            default: break
            }
        }

        mutating func text(_ text: String) throws(XMLProblem) {
            if inValue { value += text } else if inText { inline += text }
        }

        /// The cell's value as text; nil when it has none. A value that cannot be read is
        /// noted as a problem of the cell.
        mutating func cellText() throws(XMLProblem) -> String? {
            switch cellType {
            case "s":
                guard !value.isEmpty else { return nil }
                guard let index = Int(value.trimmingSpreadsheetSpaces), index >= 0, index < sharedStrings.count else {
                    throw fail(Phrase("a cell refers to shared string \(value), which the workbook does not have",
                                      "单元格引用了第 \(value) 个共享字符串，工作簿里没有"), 0)
                }
                return sharedStrings[index]
            case "inlineStr": return XMLText.unescapedOOXML(inline)
            case "str": return XMLText.unescapedOOXML(value)
            case "b": return value.isEmpty ? nil : (value.trimmingSpreadsheetSpaces == "1" || value == "true" ? "TRUE" : "FALSE")
            case "e":
                // The problem is the cell's; its value is not read as anything else.
                problems.append(Problem(row: rowNumber, column: cellColumn, words: .errorValue(value)))
                return nil
            case "d":
                let text = value.trimmingSpreadsheetSpaces
                guard text.utf8.count >= 10 else { return text }
                let date = String(text.prefix(10))
                if text.utf8.count >= 16 {
                    let time = String(text.dropFirst(11).prefix(5))
                    return time == "00:00" ? date : date + " " + time
                }
                return date
            default:
                let text = value.trimmingSpreadsheetSpaces
                guard !text.isEmpty else { return nil }
                let format = cellStyle < dateFormats.count ? dateFormats[cellStyle] : .none
                if format != .none, let serial = Double(text), serial >= 0, serial < 2_958_466 {
                    guard let date = Workbook.dateText(serial, withTime: format == .dateTime, date1904: date1904) else {
                        problems.append(Problem(row: rowNumber, column: cellColumn, words: .leapDay))
                        return text
                    }
                    return date
                }
                let number = Workbook.numberText(text)
                let width = cellStyle < paddedWidths.count ? paddedWidths[cellStyle] : 0
                return width > 0 ? Workbook.paddedText(number, width: width) : number
            }
        }
    }
}
