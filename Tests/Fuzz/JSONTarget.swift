// libFuzzer target: the JSON reader of the language server, with a round trip through the
// writer: what it reads, written and read again, is the same value.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard case .success(let value) = JSONReader.read(bytes) else { return 0 }
    for indent in [nil, 2] as [Int?] {
        guard case .success(let reread) = JSONReader.read(value.rendered(indent: indent)) else {
            preconditionFailure("the writer's output does not read back")
        }
        precondition(reread == value, "the writer's output reads back as another value")
    }
    return 0
}
