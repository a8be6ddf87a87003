import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// Pages generated from the code must match the code. LEADBOOK_RECORD=1 rewrites them.
final class GeneratedDocsTests: XCTestCase {
    func testDiagnosticsPageIsCurrent() throws {
        let url = Transcript.packageRoot.appendingPathComponent("docs/diagnostics.md")
        let generated = RuleCatalog.markdown()
        if Transcript.recording {
            try generated.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let onDisk = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(onDisk, generated, "docs/diagnostics.md is stale: run `leadbook rules --format md > docs/diagnostics.md`")
    }

    func testRuleIdsAreUniqueAndKebabCase() {
        let ids = RuleCatalog.all.map(\.id)
        XCTAssertEqual(Set(ids).count, ids.count, "duplicate rule ids")
        for id in ids {
            XCTAssertTrue(id.allSatisfy { $0.isLowercase || $0 == "-" || $0.isNumber }, id)
        }
    }

    /// Every rule the code can report is in the catalog (and so documented).
    func testEveryRuleInTheSourcesIsInTheCatalog() throws {
        let sources = Transcript.packageRoot.appendingPathComponent("Sources")
        let enumerator = FileManager.default.enumerator(atPath: sources.path)!
        var declared: Set<String> = []
        while let path = enumerator.nextObject() as? String {
            guard path.hasSuffix(".swift") else { continue }
            let text = try String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8)
            var rest = Substring(text)
            while let range = rest.range(of: "Rule(\"") {
                let after = rest[range.upperBound...]
                if let end = after.firstIndex(of: "\"") { declared.insert(String(after[..<end])) }
                rest = after
            }
        }
        let catalogued = Set(RuleCatalog.all.map(\.id))
        XCTAssertEqual(declared.subtracting(catalogued), [], "rules missing from RuleCatalog")
        XCTAssertGreaterThan(declared.count, 40)
    }
}
