import XCTest
@testable import LeadbookText

/// The XML reader of workbook parts and the escaper of the parts leadbook writes.
final class XMLReaderTests: XCTestCase {
    /// Every event as a line: `<ns|local a=v>`, `</local>`, `"text"`.
    struct Events: XMLReader.Handler {
        var lines: [String] = []
        var text = ""

        mutating func flush() {
            if !text.isEmpty { lines.append("\"\(text)\"") }
            text = ""
        }
        mutating func start(_ element: XMLReader.Element) throws(XMLProblem) {
            flush()
            let attributes = element.attributes.map { " \($0.name.namespace.map { "\($0)|" } ?? "")\($0.name.local)=\($0.value)" }.joined()
            lines.append("<\(element.name.namespace.map { "\($0)|" } ?? "")\(element.name.local)\(attributes)>")
        }
        mutating func end(_ name: XMLReader.Name) throws(XMLProblem) {
            flush()
            lines.append("</\(name.local)>")
        }
        mutating func text(_ text: String) throws(XMLProblem) { self.text += text }
    }

    func events(_ text: String) throws(XMLProblem) -> [String] {
        var handler = Events()
        try XMLReader.read(Array(text.utf8), into: &handler)
        return handler.lines
    }

    func problem(_ text: String) -> XMLProblem.Kind? {
        do {
            _ = try events(text)
            return nil
        } catch {
            return error.kind
        }
    }

    func testElementsAttributesTextEntitiesAndCDATA() throws {
        let lines = try events("""
            \u{FEFF}<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <!-- a comment -->
            <sst xmlns="urn:main" xmlns:r="urn:rel" count='2'><si><t xml:space="preserve"> 上海&amp;云帆 &lt;A&gt; &#x2003E;&#20013;&quot;&apos;</t></si>\
            <si r:id="rId1" plain="a&#10;b\tc"><![CDATA[<b>不是标签</b> & ]]>\r\n第二行\r第三行</si></sst>
            """)
        XCTAssertEqual(lines, [
            "<urn:main|sst count=2>", "<urn:main|si>",
            "<urn:main|t http://www.w3.org/XML/1998/namespace|space=preserve>", "\" 上海&云帆 <A> 𠀾中\"'\"", "</t>", "</si>",
            "<urn:main|si urn:rel|id=rId1 plain=a\nb c>", "\"<b>不是标签</b> & \n第二行\n第三行\"", "</si>", "</sst>",
        ])
    }

    func testNamespacesByPrefix() throws {
        let lines = try events("<x:worksheet xmlns:x=\"urn:main\"><x:c r=\"A1\"/><c xmlns=\"urn:other\"/><d/></x:worksheet>")
        XCTAssertEqual(lines, ["<urn:main|worksheet>", "<urn:main|c r=A1>", "</c>", "<urn:other|c>", "</c>", "<d>", "</d>", "</worksheet>"])
        XCTAssertEqual(problem("<y:a/>"), .unboundPrefix("y"))
    }

    /// No DTD is ever read: the billion laughs and an external entity are refused at the DOCTYPE.
    func testADoctypeIsRefused() {
        let laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
            <lolz>&lol2;</lolz>
            """
        XCTAssertEqual(problem(laughs), .doctype)
        XCTAssertEqual(problem("<!DOCTYPE x SYSTEM \"file:///etc/passwd\"><x>&xxe;</x>"), .doctype)
        XCTAssertEqual(problem("<x>&xxe;</x>"), .unknownEntity("xxe"))
        do {
            _ = try events(laughs)
        } catch {
            XCTAssertEqual(error.offset, 22)
            XCTAssertEqual(error.phrase.en, "XML error at byte 22: a DOCTYPE (a DTD), which leadbook never reads")
        }
    }

    func testMalformedDocuments() {
        XCTAssertEqual(problem("<a><b></a>"), .mismatchedEnd("a", expected: "b"))
        XCTAssertEqual(problem("<a>"), .unclosed("<a>"))
        XCTAssertEqual(problem("<a x=\"1\" x=\"2\"/>"), .duplicateAttribute("x"))
        XCTAssertEqual(problem("<a x=1/>"), .badAttribute)
        XCTAssertEqual(problem("<a/><b/>"), .secondRoot)
        XCTAssertEqual(problem("text<a/>"), .textOutsideRoot)
        XCTAssertEqual(problem(""), .noRoot)
        XCTAssertEqual(problem("<a>&#0;</a>"), .badReference)
        XCTAssertEqual(problem("<a>&#xD800;</a>"), .badReference)
        XCTAssertEqual(problem("<a>&amp</a>"), .badReference)
        XCTAssertEqual(problem("<a><![CDATA[x</a>"), .unclosed("<![CDATA["))
        XCTAssertEqual(problem("<a>" + String(repeating: "<b>", count: 300)), .tooDeep(256))
        var handler = Events()
        XCTAssertThrowsError(try XMLReader.read([0x3C, 0x61, 0x3E, 0xFF, 0x3C, 0x2F, 0x61, 0x3E], into: &handler))
    }

    /// What the escaper writes reads back as the text it was, control characters included.
    func testEscapedTextReadsBack() throws {
        let texts = ["plain", "a & b < c > d \"q\" 'a'", "行一\r\n行二\r", "tab\there", "bell\u{07} and nul\u{00} and \u{1F}",
                     "_x0041_ stays _x0041_", "_x00 short", "\u{FFFE}\u{FFFF}", "𠀾 Ext-B", "=HYPERLINK(\"x\")"]
        for text in texts {
            for attribute in [false, true] {
                let escaped = XMLText.escaped(text, attribute: attribute)
                XCTAssertFalse(escaped.unicodeScalars.contains { !XMLText.isAllowed($0.value) }, escaped)
                let document = attribute ? "<a v=\"\(escaped)\"/>" : "<a>\(escaped)</a>"
                var handler = Events()
                try XMLReader.read(Array(document.utf8), into: &handler)
                let read = attribute ? String(handler.lines[0].dropFirst(5).dropLast()) : String(handler.lines.count > 2 ? handler.lines[1].dropFirst().dropLast() : "")
                XCTAssertEqual(XMLText.unescapedOOXML(read), text, document)
            }
        }
        XCTAssertEqual(XMLText.escaped("a\u{01}b"), "a_x0001_b")
        XCTAssertEqual(XMLText.escaped("_x0041_"), "_x005F_x0041_")
    }
}
