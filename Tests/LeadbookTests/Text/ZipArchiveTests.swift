import Foundation
import XCTest
@testable import LeadbookText

/// The zip reader and writer and CRC-32, against Python's zipfile as the oracle.
final class ZipArchiveTests: XCTestCase {
    func testCRC32OfTheCheckValue() {
        XCTAssertEqual(CRC32.checksum(Array("123456789".utf8)), 0xCBF4_3926)
        XCTAssertEqual(CRC32.checksum([]), 0)
        let whole = Array("销售线索管理与客户跟进工具包".utf8)
        let first = CRC32.checksum(Array(whole[..<7]))
        XCTAssertEqual(CRC32.checksum(Array(whole[7...]), continuing: first), CRC32.checksum(whole))
    }

    func sample() -> [UInt8] {
        var writer = ZipWriter()
        writer.add("[Content_Types].xml", Array("<Types/>".utf8))
        writer.add("xl/客户.xml", Array("线索\n".utf8))
        writer.add("empty", [])
        return writer.finished()
    }

    func testTheWriterIsReadBackAndIsTheSameEveryTime() throws {
        let bytes = sample()
        XCTAssertEqual(bytes, sample())
        let archive = try ZipArchive(bytes)
        XCTAssertEqual(archive.entries.map(\.name), ["[Content_Types].xml", "xl/客户.xml", "empty"])
        XCTAssertEqual(try archive.contents(of: archive.entry(named: "xl/客户.xml")!), Array("线索\n".utf8))
        XCTAssertEqual(try archive.contents(of: archive.entry(named: "empty")!), [])
    }

    func testPythonReadsTheWriter() throws {
        let output = try Python.run("""
            import io, sys, zipfile
            z = zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read()))
            assert z.testzip() is None
            for info in z.infolist():
                print(info.filename, info.compress_type, info.date_time, z.read(info).decode('utf-8').replace('\\n', '|'))
            """, input: Data(sample()))
        XCTAssertEqual(String(decoding: output, as: UTF8.self), """
            [Content_Types].xml 0 (1980, 1, 1, 0, 0, 0) <Types/>
            xl/客户.xml 0 (1980, 1, 1, 0, 0, 0) 线索|
            empty 0 (1980, 1, 1, 0, 0, 0) \n
            """)
    }

    /// Deflated entries, and entries with data descriptors (Python writes them to a pipe).
    func testReadsWhatPythonDeflates() throws {
        for seekable in [true, false] {
            let bytes = try Python.run("""
                import io, sys, zipfile
                class Pipe(io.RawIOBase):
                    def __init__(self): self.data = bytearray()
                    def writable(self): return True
                    def write(self, b): self.data += b; return len(b)
                out = io.BytesIO() if sys.argv[1] == 'yes' else Pipe()
                with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
                    z.writestr('xl/sharedStrings.xml', ('<sst>' + '<si><t>上海云帆 02155550101</t></si>' * 200 + '</sst>').encode('utf-8'))
                    with z.open('xl/worksheets/sheet1.xml', 'w') as entry:
                        entry.write(b'<worksheet/>' * 50)
                sys.stdout.buffer.write(out.getvalue() if sys.argv[1] == 'yes' else bytes(out.data))
                """, arguments: [seekable ? "yes" : "no"])
            let archive = try ZipArchive(Array(bytes))
            XCTAssertEqual(archive.entries.map(\.method), [8, 8])
            if !seekable { XCTAssertNotEqual(archive.entries[1].flags & 0x0008, 0, "a data descriptor") }
            let strings = try archive.contents(of: archive.entry(named: "xl/sharedStrings.xml")!)
            XCTAssertEqual(String(decoding: strings, as: UTF8.self),
                           "<sst>" + String(repeating: "<si><t>上海云帆 02155550101</t></si>", count: 200) + "</sst>")
            XCTAssertEqual(try archive.contents(of: archive.entry(named: "xl/worksheets/sheet1.xml")!),
                           Array(String(repeating: "<worksheet/>", count: 50).utf8))
        }
    }

    /// The central directory header of the first entry starts here in `sample()`.
    func centralDirectory(_ bytes: [UInt8]) -> Int {
        let end = bytes.count - 22
        return Int(bytes[end + 16]) | Int(bytes[end + 17]) << 8 | Int(bytes[end + 18]) << 16 | Int(bytes[end + 19]) << 24
    }

    func refusal(_ bytes: [UInt8], limits: ZipArchive.Limits = .init()) -> ZipProblem.Kind? {
        do {
            let archive = try ZipArchive(bytes, limits: limits)
            for entry in archive.entries { _ = try archive.contents(of: entry) }
            return nil
        } catch {
            return error.kind
        }
    }

    func testRefusals() throws {
        let good = sample()
        XCTAssertNil(refusal(good))
        XCTAssertEqual(refusal(Array("序号,企业名称\n".utf8)), .notAZip)
        XCTAssertEqual(refusal(Array("PK but nothing else".utf8)), .notAZip)
        XCTAssertEqual(refusal(Array(good[..<(good.count / 2)])), .truncated)
        XCTAssertEqual(refusal(Array(good[..<(good.count - 3)])), .truncated)

        var encrypted = good
        encrypted[centralDirectory(good) + 8] |= 0x01
        XCTAssertEqual(refusal(encrypted), .encrypted("[Content_Types].xml"))

        var zip64 = good
        zip64[good.count - 22 + 10] = 0xFF
        zip64[good.count - 22 + 11] = 0xFF
        XCTAssertEqual(refusal(zip64), .zip64)

        var split = good
        split[good.count - 22 + 4] = 1
        XCTAssertEqual(refusal(split), .multiDisk)

        var damaged = good
        damaged[30 + "[Content_Types].xml".utf8.count] ^= 0x20  // the first byte of the first entry's data
        XCTAssertEqual(refusal(damaged), .checksum("[Content_Types].xml"))

        var method = good
        method[centralDirectory(good) + 10] = 12  // bzip2
        XCTAssertEqual(refusal(method), .method("[Content_Types].xml", 12))

        XCTAssertEqual(refusal(good, limits: .init(totalUncompressed: 10)), .tooLarge(limit: 10))
        XCTAssertEqual(refusal(good, limits: .init(entries: 2)), .tooManyEntries(3, limit: 2))
    }

    /// 5 MB of zeros deflate to a few kilobytes: refused before anything is inflated.
    func testAZipBombIsRefused() throws {
        let bytes = try Python.run("""
            import io, sys, zipfile
            out = io.BytesIO()
            with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
                z.writestr('xl/worksheets/sheet1.xml', b'\\0' * 5_000_000)
            sys.stdout.buffer.write(out.getvalue())
            """)
        guard case .bomb(let name, let ratio, let limit)? = refusal(Array(bytes)) else {
            return XCTFail("not refused as a bomb: \(String(describing: refusal(Array(bytes))))")
        }
        XCTAssertEqual(name, "xl/worksheets/sheet1.xml")
        XCTAssertGreaterThan(ratio, 100)
        XCTAssertEqual(limit, 100)
        XCTAssertTrue(ZipProblem(.bomb(name, ratio: ratio, limit: limit)).phrase.zh.contains("zip 炸弹"))
    }
}
