import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// Every input kept under Tests/Fixtures/fuzz/<target>/ (crashes the fuzzers found, and
/// hand-made edge cases) goes through the same checks as Tests/Fuzz/*Target.swift.
final class FuzzRegressionTests: XCTestCase {
    func inputs(_ target: String) throws -> [(String, [UInt8])] {
        let folder = Transcript.packageRoot.appendingPathComponent("Tests/Fixtures/fuzz/\(target)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return try names.sorted().map { ($0, [UInt8](try Data(contentsOf: folder.appendingPathComponent($0)))) }
    }

    func testFrontMatterInputs() throws {
        let cases = try inputs("front-matter")
        XCTAssertFalse(cases.isEmpty)
        for (name, bytes) in cases {
            _ = try? YAMLReader.parse(bytes)
            let result = CustomerReader.read(path: "customers/LX2024001-fuzz.md", bytes: bytes, configuration: Configuration())
            for diagnostic in result.findings.diagnostics {
                XCTAssertTrue(diagnostic.line >= 1 && diagnostic.column >= 1, name)
            }
            if result.customer != nil, let edit = try? RecordEdit(bytes: bytes) {
                XCTAssertEqual(try edit.apply(), bytes, name)
            }
            var tally = FlatFrontMatterTests.Tally()
            FlatFrontMatterTests.compare(bytes, path: "customers/LX2024001-fuzz.md", configuration: Configuration(), &tally)
        }
    }

    func testLogInputs() throws {
        let cases = try inputs("log")
        XCTAssertFalse(cases.isEmpty)
        for (name, bytes) in cases {
            var findings = Findings(source: SourceText(path: "fuzz.md", bytes: bytes))
            let log = bytes.withUnsafeBufferPointer { LogReader.read($0, range: 0..<$0.count, firstLine: 1, findings: &findings) }
            for entry in log.followUps { XCTAssertTrue(entry.start <= entry.end && entry.end <= bytes.count, name) }
            for entry in log.feedback { XCTAssertTrue(entry.start <= entry.end && entry.end <= bytes.count, name) }
        }
    }

    /// As Tests/Fuzz/InflateTarget.swift checks them. Each input is named after zlib's verdict on
    /// it (`decodes-…`, or zlib's error message) and gets that verdict, as the kind of `InflateError`
    /// that zlib's message means; Python's zlib, where it is there, agrees on every input.
    func testInflateInputs() throws {
        let cases = try inputs("inflate")
        XCTAssertFalse(cases.isEmpty)
        let zlibVerdicts: [(String, InflateError.Kind?)] = [
            ("decodes-", nil), ("invalid-bit-length-repeat-", .badCodeLengths), ("invalid-block-type-", .badBlockType),
            ("invalid-code-lengths-set-", .badCodeLengths), ("invalid-code-missing-end-of-block-", .badCodeLengths),
            ("invalid-distance-code-", .badSymbol), ("invalid-distance-too-far-back-", .badDistance),
            ("invalid-distances-set-", .badCodeLengths), ("invalid-literal-length-code-", .badSymbol),
            ("invalid-literal-lengths-set-", .badCodeLengths), ("invalid-stored-block-lengths-", .storedLengthMismatch),
            ("too-many-length-or-distance-symbols-", .badCodeLengths), ("truncated-", .truncated),
        ]
        for (name, bytes) in cases {
            let verdict = zlibVerdicts.first { name.hasPrefix($0.0) }
            XCTAssertNotNil(verdict, "\(name): an inflate input is named after zlib's verdict on it")
            var consumed = -1
            do {
                let output = try Inflate.decompress(bytes, limit: 1 << 16, consumed: &consumed)
                if let verdict { XCTAssertNil(verdict.1, "\(name) decodes") }
                XCTAssertTrue(consumed >= 1 && consumed <= bytes.count, name)
                XCTAssertEqual(try? Inflate.decompress(Array(bytes[..<consumed]), limit: output.count), output, name)
                XCTAssertThrowsError(try Inflate.decompress(Array(bytes[..<(consumed - 1)]), limit: 1 << 16), name) { error in
                    XCTAssertEqual((error as? InflateError)?.kind, .truncated, name)
                }
            } catch let error as InflateError {
                XCTAssertTrue(error.offset >= 0 && error.offset <= bytes.count, name)
                if let verdict { XCTAssertEqual(error.kind, verdict.1, name) }
            }
        }
        try InflateTests.agreeWithZlib(cases.map(\.1))
    }

    func testCSVInputs() throws {
        let cases = try inputs("csv")
        XCTAssertFalse(cases.isEmpty)
        for (name, bytes) in cases {
            guard case .success(let decoded) = SpreadsheetText.decode(bytes, as: nil) else { continue }
            let rows = CSVReader.read(decoded.bytes).map(\.fields)
            if !rows.isEmpty, !rows.contains(where: { $0.count == 1 && $0[0].isEmpty }) {
                XCTAssertEqual(CSVReader.read(Array(CSVWriter.table(rows, bom: false).utf8)).map(\.fields), rows, name)
            }
        }
    }
}
