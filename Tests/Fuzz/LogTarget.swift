// libFuzzer target: the Markdown body reader (follow-up and feedback log) on arbitrary bytes.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLog(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var findings = Findings(source: SourceText(path: "fuzz.md", bytes: bytes))
    let log = bytes.withUnsafeBufferPointer { buffer in
        LogReader.read(buffer, range: 0..<buffer.count, firstLine: 1, findings: &findings)
    }
    for entry in log.followUps { precondition(entry.start <= entry.end && entry.end <= size) }
    for entry in log.feedback { precondition(entry.start <= entry.end && entry.end <= size) }
    for diagnostic in findings.diagnostics { precondition(diagnostic.line >= 1) }
    return 0
}
