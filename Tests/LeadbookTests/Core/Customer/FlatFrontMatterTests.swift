import Foundation
import XCTest
@testable import LeadbookCore
@testable import LeadbookText

/// The flat front-matter decoder and the full reader agree: on every customer file of the
/// repository (end-to-end fixtures, the typing corpus, the template workspace), on a generated
/// workspace and on files mutated line by line, reading with `tree: false` gives the same
/// customer, the same positions and the same diagnostics as the full reader, or the flat
/// decoder declined the file.
final class FlatFrontMatterTests: XCTestCase {
    /// A customer as text, to compare two readings (the lists of `source_detail` in key order).
    static func describe(_ customer: Customer?) -> String {
        guard var customer else { return "nil" }
        let lists = customer.sourceDetailLists.sorted { $0.key < $1.key }
        customer.sourceDetailLists = [:]
        return String(reflecting: customer) + String(reflecting: lists)
    }

    static func describe(_ positions: CustomerReader.FieldPositions) -> String {
        CustomerField.allCases.map { field in
            positions[field].map { "\(field.key) \($0.key) \($0.value) \($0.valueIsEmpty) \($0.line)" } ?? "\(field.key) -"
        }.joined(separator: "\n")
    }

    struct Tally {
        var files = 0
        var accepted = 0
    }

    /// Reads `bytes` both ways and asserts they agree; counts whether the flat decoder took it.
    static func compare(_ bytes: [UInt8], path: String, configuration: Configuration, _ tally: inout Tally,
                        file: StaticString = #filePath, line: UInt = #line) {
        tally.files += 1
        let full = CustomerReader.read(path: path, bytes: bytes, configuration: configuration)
        let flat = CustomerReader.read(path: path, bytes: bytes, configuration: configuration, tree: false)
        let accepted = bytes.withUnsafeBufferPointer { buffer -> Bool in
            guard case .success(let layout) = RecordLayout.read(buffer) else { return false }
            return FlatFrontMatter.decode(buffer, layout: layout, configuration: configuration) != nil
        }
        if accepted { tally.accepted += 1 }
        XCTAssertEqual(full.findings.diagnostics, flat.findings.diagnostics, "\(path): diagnostics", file: file, line: line)
        XCTAssertEqual(describe(full.customer), describe(flat.customer), "\(path): customer", file: file, line: line)
        XCTAssertEqual(full.layout, flat.layout, "\(path): layout", file: file, line: line)
        XCTAssertEqual(full.log?.followUps.count, flat.log?.followUps.count, "\(path): log", file: file, line: line)
        if accepted {
            // A file the flat decoder took reads cleanly as YAML: the full reader made a tree of it.
            XCTAssertNotNil(full.frontMatter, "\(path): accepted a file the full reader has no tree of", file: file, line: line)
            XCTAssertNil(flat.frontMatter, file: file, line: line)
            XCTAssertEqual(describe(full.positions), describe(flat.positions), "\(path): positions", file: file, line: line)
            for field in CustomerField.allCases {
                let place = full.valuePlace(field).map { "\($0.offset) \($0.line)" }
                XCTAssertEqual(place, flat.valuePlace(field).map { "\($0.offset) \($0.line)" }, "\(path): \(field.key)", file: file, line: line)
            }
        }
    }

    /// Every `.md` file under `folder`, with the configuration of the nearest workspace holding it.
    static func files(under folder: URL) -> [(URL, Configuration)] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        var configurations: [String: Configuration] = [:]
        func configuration(for file: URL) -> Configuration {
            var directory = file.deletingLastPathComponent()
            while directory.path.count >= folder.path.count {
                if FileManager.default.fileExists(atPath: directory.appendingPathComponent("leadbook.yml").path) {
                    if let known = configurations[directory.path] { return known }
                    let read = Workspace.open(root: directory.path).configuration
                    configurations[directory.path] = read
                    return read
                }
                directory = directory.deletingLastPathComponent()
            }
            return Configuration()
        }
        var found: [(URL, Configuration)] = []
        for case let url as URL in walker where url.pathExtension == "md" {
            var directory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &directory), !directory.boolValue else { continue }
            found.append((url, configuration(for: url)))
        }
        return found.sorted { $0.0.path < $1.0.path }
    }

    func testTheRepositorysCustomerFilesReadTheSameBothWays() throws {
        var tally = Tally()
        for folder in ["Tests/Fixtures", "template-workspace"] {
            for (url, configuration) in Self.files(under: Transcript.packageRoot.appendingPathComponent(folder)) {
                let bytes = [UInt8](try Data(contentsOf: url))
                Self.compare(bytes, path: "customers/" + url.lastPathComponent, configuration: configuration, &tally)
            }
        }
        XCTAssertGreaterThan(tally.files, 300)
        // The clean customers of the fixtures are many: the flat decoder reads most of them.
        XCTAssertGreaterThan(tally.accepted, 100, "accepted \(tally.accepted) of \(tally.files)")
    }

    func testTheTypingCorpusIsDeclinedOrReadTheSame() throws {
        var tally = Tally()
        for folder in try TypingCorpusTests.cases() {
            for name in ["customer.md", "fixed.md"] {
                let url = folder.appendingPathComponent(name)
                guard FileManager.default.fileExists(atPath: url.path) else { continue }
                Self.compare([UInt8](try Data(contentsOf: url)), path: TypingCorpusTests.path, configuration: Configuration(), &tally)
            }
        }
        XCTAssertGreaterThanOrEqual(tally.files, 40)
    }

    func testAGeneratedWorkspaceIsReadFlatAndTheSame() throws {
        let root: URL
        do { root = try GeneratedWorkspace.make(customers: 300, purpose: "flat") } catch let missing as GeneratedWorkspace.Missing {
            throw XCTSkip(missing.description)
        }
        defer { try? FileManager.default.removeItem(at: root) }
        let workspace = Workspace.open(root: root.path)
        var tally = Tally()
        for path in workspace.customerPaths {
            guard case .success(let bytes) = CustomerFiles.read(path, root: workspace.root) else { return XCTFail(path) }
            Self.compare(bytes, path: path, configuration: workspace.configuration, &tally)
        }
        XCTAssertEqual(tally.files, 300)
        // The generator writes what reps write: every file is read by the flat decoder.
        XCTAssertEqual(tally.accepted, tally.files)
    }

    /// Every line of the front matter deleted, duplicated and indented differently in turn.
    static func mutations(of bytes: [UInt8]) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var start = 0
        for index in bytes.indices where bytes[index] == ASCII.lf {
            lines.append(Array(bytes[start...index]))
            start = index + 1
        }
        if start < bytes.count { lines.append(Array(bytes[start...])) }
        let closing = lines.dropFirst().firstIndex { $0.starts(with: Array("---".utf8)) } ?? lines.count - 1
        var variants: [[UInt8]] = []
        for index in 1...closing {
            var deleted = lines
            deleted.remove(at: index)
            var duplicated = lines
            duplicated.insert(lines[index], at: index)
            var deeper = lines
            deeper[index] = Array("  ".utf8) + lines[index]
            var oneMore = lines
            oneMore[index] = [ASCII.space] + lines[index]
            variants += [deleted, duplicated, deeper, oneMore].map { $0.flatMap { $0 } }
            if lines[index].first == ASCII.space {
                var shallower = lines
                shallower[index].removeFirst()
                variants.append(shallower.flatMap { $0 })
            }
        }
        return variants
    }

    func testMutatedFilesAreDeclinedOrReadTheSame() throws {
        let root = Transcript.packageRoot
        let workspace = Workspace.open(root: root.appendingPathComponent("template-workspace").path)
        var tally = Tally()
        var originals: [([UInt8], Configuration)] = []
        for path in workspace.customerPaths.prefix(2) {
            guard case .success(let bytes) = CustomerFiles.read(path, root: workspace.root) else { return XCTFail(path) }
            originals.append((bytes, workspace.configuration))
        }
        let generated: URL
        do { generated = try GeneratedWorkspace.make(customers: 40, purpose: "flat-mutated") } catch let missing as GeneratedWorkspace.Missing {
            throw XCTSkip(missing.description)
        }
        defer { try? FileManager.default.removeItem(at: generated) }
        let made = Workspace.open(root: generated.path)
        // Customers with each of the nested fields: sources, source_detail, plan and deal.
        for needle in ["sources:", "source_detail:", "deal:", "kind: person"] {
            for path in made.customerPaths {
                guard case .success(let bytes) = CustomerFiles.read(path, root: made.root),
                      String(decoding: bytes, as: UTF8.self).contains("\n" + needle) else { continue }
                originals.append((bytes, made.configuration))
                break
            }
        }
        XCTAssertGreaterThanOrEqual(originals.count, 5)
        for (bytes, configuration) in originals {
            for variant in Self.mutations(of: bytes) {
                Self.compare(variant, path: "customers/LX2024001-mutated.md", configuration: configuration, &tally)
            }
        }
        // Many variants stay clean YAML (a deleted optional field, a duplicated comment): the
        // flat decoder reads those, and declines the rest.
        XCTAssertGreaterThan(tally.accepted, tally.files / 10, "accepted \(tally.accepted) of \(tally.files)")
        XCTAssertLessThan(tally.accepted, tally.files, "accepted every variant")
    }

    /// Values the flat decoder must not take as the common case (each makes a diagnostic or
    /// is outside its subset), and what it must take.
    func testWhatTheFlatDecoderDeclines() {
        let head = "---\nid: LX2024001\nname: 华东云科技有限公司\nsource: website\nintent: B\ncreated: 2024-03-01 09:10\nstatus: untouched\n"
        let accepted = [
            "", "region: 华东 # a comment\n", "tags: [展会, \"报价\"]\n", "needs: |\n  一行\n\n  两行\n", "needs: |-\n  文本\n",
            "contacts:\n- name: 张伟\n  phone: \"13800000001\"\n", "score: {size: 20, budget: 10}\n", "employees: 200\n",
            "deal:\n  amount: 5000\n  closed: 2024-04-02\n", "next:\n",
        ]
        let declined = [
            "region: 'it''s'\n", "region: \"a\\tb\"\n", "employees: 二百\n", "owner: yes\n", "industry：食品\n", "region:西南\n",
            "tags: [展会，官网]\n", "region: “华东”\n", "needs: >\n  folded\n", "region: 华东\n  continued\n", "status: 谈判中\n",
            "unknown_key: 1\n", "行业: 食品\n", "region: \"\"\n", "contacts:\n- title: 经理\n", "id: LX2024002\n", "score: {size: 99}\n",
            "region: &a 华东\n", "plan:\n  - stage: initial-contact\n    due: 2024-02-30\n",
        ]
        for (extra, expected) in accepted.map({ ($0, true) }) + declined.map({ ($0, false) }) {
            let bytes = Array((head + extra + "---\n\n# 华东云\n").utf8)
            let decoded = bytes.withUnsafeBufferPointer { buffer -> Bool in
                guard case .success(let layout) = RecordLayout.read(buffer) else { return false }
                return FlatFrontMatter.decode(buffer, layout: layout, configuration: Configuration()) != nil
            }
            XCTAssertEqual(decoded, expected, extra)
            var tally = Tally()
            Self.compare(bytes, path: "customers/LX2024001-hd.md", configuration: Configuration(), &tally)
        }
    }
}
