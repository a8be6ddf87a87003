import LeadbookText

/// The handlers that read a workbook's small parts: relationships, workbook.xml, the shared
/// strings and the styles. Each looks only at the elements it needs, by local name inside
/// the SpreadsheetML or package namespaces; anything else (extensions, other namespaces) is
/// passed over.
extension Workbook {
    static let mainNamespaces: Set<String> = ["http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                                              "http://purl.oclc.org/ooxml/spreadsheetml/main"]
    static let relationshipNamespaces: Set<String> = ["http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                                                      "http://purl.oclc.org/ooxml/officeDocument/relationships"]

    static func isMain(_ name: XMLReader.Name) -> Bool { name.namespace.map(mainNamespaces.contains) ?? false }

    /// `_rels/.rels` and `xl/_rels/workbook.xml.rels`.
    struct RelationshipsPart: XMLReader.Handler {
        var items: [(id: String, type: String, target: String, external: Bool)] = []

        mutating func start(_ element: XMLReader.Element) throws(XMLProblem) {
            guard element.name.local == "Relationship", let id = element.attribute("Id"), let target = element.attribute("Target") else { return }
            items.append((id, element.attribute("Type") ?? "", target, element.attribute("TargetMode") == "External"))
        }
        mutating func end(_ name: XMLReader.Name) throws(XMLProblem) {}
        mutating func text(_ text: String) throws(XMLProblem) {}
    }

    /// xl/workbook.xml: the date system and the sheets.
    struct WorkbookPart: XMLReader.Handler {
        var date1904 = false
        var sheets: [(name: String, relation: String, hidden: Bool)] = []

        mutating func start(_ element: XMLReader.Element) throws(XMLProblem) {
            guard Workbook.isMain(element.name) else { return }
            switch element.name.local {
            case "workbookPr":
                let value = element.attribute("date1904")
                date1904 = value == "1" || value == "true"
            case "sheet":
                let relation = element.attributes.first {
                    $0.name.local == "id" && $0.name.namespace.map(Workbook.relationshipNamespaces.contains) == true
                }?.value
                guard let name = element.attribute("name"), let relation else { return }
                let state = element.attribute("state")
                sheets.append((name, relation, state == "hidden" || state == "veryHidden"))
            default: break
            }
        }
        mutating func end(_ name: XMLReader.Name) throws(XMLProblem) {}
        mutating func text(_ text: String) throws(XMLProblem) {}
    }

    /// xl/sharedStrings.xml: each `si`, its `t` or the `t` of its runs joined; phonetic runs
    /// (`rPh`) are left out.
    struct SharedStringsPart: XMLReader.Handler {
        var strings: [String] = []
        var current = ""
        var inItem = false, inText = false, phonetic = 0

        mutating func start(_ element: XMLReader.Element) throws(XMLProblem) {
            guard Workbook.isMain(element.name) else { return }
            switch element.name.local {
            case "si":
                inItem = true
                current = ""
            case "rPh": phonetic += 1
            case "t": inText = inItem && phonetic == 0
            default: break
            }
        }
        mutating func end(_ name: XMLReader.Name) throws(XMLProblem) {
            guard Workbook.isMain(name) else { return }
            switch name.local {
            case "si":
                guard strings.count < Workbook.cellLimit else {
                    throw XMLProblem(.content(Wording<Workbook>.tooManyCells(Workbook.cellLimit)), offset: 0)
                }
                strings.append(XMLText.unescapedOOXML(current))
                inItem = false
            case "rPh": phonetic -= 1
            case "t": inText = false
            default: break
            }
        }
        mutating func text(_ text: String) throws(XMLProblem) {
            if inText { current += text }
        }
    }

    /// xl/styles.xml: the custom number formats and each cell format's number format.
    struct StylesPart: XMLReader.Handler {
        var customFormats: [Int: String] = [:]
        var cellFormats: [Int] = []
        var inCellFormats = false

        mutating func start(_ element: XMLReader.Element) throws(XMLProblem) {
            guard Workbook.isMain(element.name) else { return }
            switch element.name.local {
            case "numFmt":
                if let id = element.attribute("numFmtId").flatMap({ Int($0) }), let code = element.attribute("formatCode") { customFormats[id] = code }
            case "cellXfs": inCellFormats = true
            case "xf" where inCellFormats: cellFormats.append(element.attribute("numFmtId").flatMap { Int($0) } ?? 0)
            default: break
            }
        }
        mutating func end(_ name: XMLReader.Name) throws(XMLProblem) {
            if Workbook.isMain(name) && name.local == "cellXfs" { inCellFormats = false }
        }
        mutating func text(_ text: String) throws(XMLProblem) {}
    }
}
