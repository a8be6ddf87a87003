import Foundation
import XCTest
@testable import LeadbookText

/// Other YAML tools as test oracles: PyYAML (YAML 1.1, `yaml.safe_load`) and ruamel.yaml (YAML
/// 1.2 by default: `YAML(typ='safe')` and the round-trip loader `YAML()`; and version 1.1).
/// Tests that need them are skipped, with a message, where python3 or either package is missing.
enum YAMLTools {
    /// What one tool made of a value: the string it read, or what else (a type, or an error).
    enum Value: Equatable, CustomStringConvertible {
        case string(String)
        case list([Value])
        case map([(String, Value)])
        case other(String)

        static func == (a: Value, b: Value) -> Bool { a.description == b.description }

        var description: String {
            switch self {
            case .string(let text): return "\"\(text)\""
            case .list(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
            case .map(let pairs): return "{" + pairs.map { "\($0.0): \($0.1)" }.joined(separator: ", ") + "}"
            case .other(let text): return "<\(text)>"
            }
        }

        subscript(key: String) -> Value? {
            guard case .map(let pairs) = self else { return nil }
            return pairs.first { $0.0 == key }?.1
        }

        var string: String? {
            if case .string(let text) = self { return text }
            return nil
        }
    }

    /// The loaders, by the name the tests print.
    static let loaders = ["PyYAML safe_load", "ruamel safe (1.2)", "ruamel round-trip (1.2)", "ruamel safe (1.1)"]

    static let script = #"""
    import json, sys, warnings, datetime
    try:
        import yaml
        from ruamel.yaml import YAML
    except ImportError as error:
        print(json.dumps({"missing": str(error)}))
        sys.exit(0)
    warnings.simplefilter("ignore")

    def tagged(value):
        if isinstance(value, str):
            return ["s", value]
        if isinstance(value, dict):
            return ["m", [[str(k), tagged(v)] for k, v in value.items()]]
        if isinstance(value, list):
            return ["l", [tagged(v) for v in value]]
        return ["o", type(value).__name__ + " " + repr(value)]

    def ruamel(typ, version):
        def load(text):
            loader = YAML(typ=typ, pure=True) if typ else YAML()
            if version:
                loader.version = version
            return loader.load(text)
        return load

    loaders = [yaml.safe_load, ruamel("safe", None), ruamel(None, None), ruamel("safe", (1, 1))]
    documents = json.load(sys.stdin)
    results = []
    for text in documents:
        row = []
        for load in loaders:
            try:
                row.append(tagged(load(text)))
            except Exception as error:
                row.append(["o", "error " + type(error).__name__])
        results.append(row)
    print(json.dumps({"results": results}))
    """#

    /// Each document read by each loader (in the order of `loaders`).
    static func read(_ documents: [String], file: StaticString = #filePath, line: UInt = #line) throws -> [[Value]] {
        let input = try JSONSerialization.data(withJSONObject: documents)
        let output = try Python.run(script, input: input, file: file, line: line)
        guard let object = try JSONSerialization.jsonObject(with: output) as? [String: Any] else {
            XCTFail("no JSON from the YAML oracle: \(String(decoding: output, as: UTF8.self))", file: file, line: line)
            return []
        }
        if let missing = object["missing"] as? String {
            throw XCTSkip("PyYAML or ruamel.yaml is not installed (\(missing)): this oracle test is skipped (pip install pyyaml ruamel.yaml)")
        }
        let rows = object["results"] as? [[Any]] ?? []
        return rows.map { $0.map(value) }
    }

    static func value(_ any: Any) -> Value {
        guard let pair = any as? [Any], pair.count == 2, let tag = pair[0] as? String else { return .other("?") }
        switch tag {
        case "s": return .string(pair[1] as? String ?? "")
        case "l": return .list((pair[1] as? [Any] ?? []).map(value))
        case "m": return .map((pair[1] as? [[Any]] ?? []).map { (($0.first as? String) ?? "", value($0.count > 1 ? $0[1] : "")) })
        default: return .other(pair[1] as? String ?? "?")
        }
    }

    /// The front matter of a customer file (between its `---` lines), as a YAML document.
    static func frontMatter(_ file: String) -> String {
        var lines = file.components(separatedBy: "\n")
        guard lines.first == "---" else { return file }
        lines.removeFirst()
        let end = lines.firstIndex(of: "---") ?? lines.count
        return lines[..<end].joined(separator: "\n") + "\n"
    }
}
