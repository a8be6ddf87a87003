// libFuzzer target: the front-matter reader (YAML subset), the customer decoder and the flat
// decoder (which must agree with them) on arbitrary bytes. Built by Tests/Fuzz/run.sh together
// with the LeadbookCore sources.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? YAMLReader.parse(bytes)
    let result = CustomerReader.read(path: "customers/LX2024001-fuzz.md", bytes: bytes, configuration: Configuration())
    // Every diagnostic points inside the file.
    for diagnostic in result.findings.diagnostics {
        precondition(diagnostic.line >= 1 && diagnostic.column >= 1)
    }
    // The flat decoder reads the same customer and diagnostics, or leaves the file to the full reader.
    let flat = CustomerReader.read(path: "customers/LX2024001-fuzz.md", bytes: bytes, configuration: Configuration(), tree: false)
    precondition(flat.findings.diagnostics == result.findings.diagnostics)
    precondition(String(reflecting: flat.customer.map { customer -> Customer in
        var copy = customer
        copy.sourceDetailLists = [:]
        return copy
    }) == String(reflecting: result.customer.map { customer -> Customer in
        var copy = customer
        copy.sourceDetailLists = [:]
        return copy
    }))
    precondition(flat.customer.map { $0.sourceDetailLists } == result.customer.map { $0.sourceDetailLists })
    // A file that reads can be edited, and an edit that changes nothing gives the same bytes.
    if result.customer != nil, let edit = try? RecordEdit(bytes: bytes) {
        precondition((try? edit.apply()) == bytes)
    }
    return 0
}
