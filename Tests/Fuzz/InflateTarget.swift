// libFuzzer target: the DEFLATE decoder. Any input decodes or is an `InflateError`, within the
// limit; a stream that decodes decodes the same from the bytes it took alone, and any cut of
// those bytes is `.truncated`.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInflate(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = UnsafeRawBufferPointer(start: data, count: size)
    let limit = 1 << 20
    var consumed = -1
    let output: [UInt8]
    do {
        output = try Inflate.decompress(input, limit: limit, consumed: &consumed)
    } catch let error as InflateError {
        precondition(error.offset >= 0 && error.offset <= size, "an error outside the input")
        precondition(!error.phrase.en.isEmpty && !error.phrase.zh.isEmpty)
        return 0
    } catch {
        preconditionFailure("not an InflateError: \(error)")
    }
    precondition(output.count <= limit, "more than the limit")
    precondition(consumed >= 1 && consumed <= size, "consumed \(consumed) of \(size)")
    let taken = UnsafeRawBufferPointer(rebasing: input[0..<consumed])
    precondition((try? Inflate.decompress(taken, limit: output.count)) == output, "the stream alone decodes otherwise")
    let cut = UnsafeRawBufferPointer(rebasing: input[0..<(consumed - 1)])
    do {
        _ = try Inflate.decompress(cut, limit: limit)
        preconditionFailure("a stream without its last byte decodes")
    } catch let error as InflateError {
        precondition(error.kind == .truncated, "a cut stream is \(error.kind), not truncated")
    } catch {
        preconditionFailure("not an InflateError: \(error)")
    }
    return 0
}
