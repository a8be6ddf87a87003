// libFuzzer target: the DEFLATE decoder. Any input decodes or is an `InflateError`, within the
// limit, and gives what a second decoder written the plain way (bit by bit, every code walked
// canonically, after RFC 1951 and zlib's rules on code sets) gives: the same bytes or a
// failure. A stream that decodes decodes the same from the bytes it took alone, and without
// its last byte it is `.truncated`.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInflate(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = UnsafeRawBufferPointer(start: data, count: size)
    // Small enough that an input which expands a thousandfold is still quick to check.
    let limit = 1 << 16
    var consumed = -1
    let result: Result<[UInt8], InflateError>
    do {
        result = .success(try Inflate.decompress(input, limit: limit, consumed: &consumed))
    } catch let error as InflateError {
        precondition(error.offset >= 0 && error.offset <= size, "an error outside the input")
        precondition(!error.phrase.en.isEmpty && !error.phrase.zh.isEmpty)
        result = .failure(error)
    } catch {
        preconditionFailure("not an InflateError: \(error)")
    }
    var reference = PlainInflate(Array(UnsafeBufferPointer(start: data, count: size)), limit: limit)
    let expected = reference.run()
    switch (result, expected) {
    case (.success(let output), .success(let plain)):
        precondition(output == plain, "other bytes than the plain decoder's")
    case (.failure(let error), .failure(let failure)):
        let plain = failure.kind
        let either: Set<InflateError.Kind> = [.truncated, .badSymbol]
        precondition(error.kind == plain || (either.contains(error.kind) && either.contains(plain)),
                     "\(error.kind), where the plain decoder says \(plain)")
        return 0
    case (.success, .failure(let failure)):
        preconditionFailure("decodes what the plain decoder refuses as \(failure.kind)")
    case (.failure(let error), .success):
        preconditionFailure("refuses as \(error.kind) what the plain decoder decodes")
    }
    guard case .success(let output) = result else { return 0 }
    precondition(output.count <= limit, "more than the limit")
    precondition(consumed >= 1 && consumed <= size, "consumed \(consumed) of \(size)")
    let taken = UnsafeRawBufferPointer(rebasing: input[0..<consumed])
    precondition((try? Inflate.decompress(taken, limit: output.count)) == output, "the stream alone decodes otherwise")
    if output.count > 0 {
        precondition((try? Inflate.decompress(taken, limit: output.count - 1)) == nil, "one byte over the limit decodes")
    }
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

/// RFC 1951 decoded the plain way, as the oracle of the fuzz target.
struct PlainInflate {
    let input: [UInt8]
    let limit: Int
    var bit = 0
    var out: [UInt8] = []

    init(_ input: [UInt8], limit: Int) {
        self.input = input
        self.limit = limit
    }

    struct Failure: Error { var kind: InflateError.Kind }

    mutating func bits(_ count: Int) throws -> Int {
        var value = 0
        for i in 0..<count {
            guard bit / 8 < input.count else { throw Failure(kind: .truncated) }
            value |= Int(input[bit / 8] >> UInt8(bit % 8) & 1) << i
            bit += 1
        }
        return value
    }

    struct Code {
        var counts = [Int](repeating: 0, count: 16)
        var symbols: [Int] = []

        /// nil when zlib refuses the lengths: over-subscribed, or incomplete unless allowed and
        /// a single one-bit code or no code.
        init?(_ lengths: [Int], incompleteAllowed: Bool) {
            for length in lengths { counts[length] += 1 }
            counts[0] = 0
            if counts.allSatisfy({ $0 == 0 }) {
                if !incompleteAllowed { return nil }
                return
            }
            var left = 1
            for length in 1...15 {
                left = left * 2 - counts[length]
                if left < 0 { return nil }
            }
            if left > 0 && !(incompleteAllowed && counts[1] == 1 && counts[2...].allSatisfy { $0 == 0 }) { return nil }
            for length in 1...15 {
                for (symbol, l) in lengths.enumerated() where l == length { symbols.append(symbol) }
            }
        }
    }

    static let fixedLiterals = Code((0..<288).map { $0 < 144 ? 8 : $0 < 256 ? 9 : $0 < 280 ? 7 : 8 }, incompleteAllowed: false)!
    static let fixedDistances = Code([Int](repeating: 5, count: 32), incompleteAllowed: false)!

    mutating func decode(_ code: Code) throws -> Int {
        var value = 0, first = 0, index = 0
        for length in 1...15 {
            value |= try bits(1)
            let count = code.counts[length]
            if value - first < count { return code.symbols[index + value - first] }
            index += count
            first = (first + count) << 1
            value <<= 1
        }
        throw Failure(kind: .badSymbol)
    }

    mutating func put(_ byte: UInt8) throws {
        if out.count >= limit { throw Failure(kind: .tooLarge) }
        out.append(byte)
    }

    mutating func run() -> Result<[UInt8], Failure> {
        do {
            var final = 0
            repeat {
                final = try bits(1)
                switch try bits(2) {
                case 0:
                    bit = (bit + 7) / 8 * 8
                    let length = try bits(16), check = try bits(16)
                    if length != check ^ 0xFFFF { throw Failure(kind: .storedLengthMismatch) }
                    // A stored block cut short is `.truncated` even past the limit, as in Inflate.
                    if bit / 8 + length > input.count { throw Failure(kind: .truncated) }
                    for _ in 0..<length { try put(UInt8(try bits(8))) }
                case 1:
                    try block(Self.fixedLiterals, Self.fixedDistances)
                case 2:
                    let literalCount = try bits(5) + 257, distanceCount = try bits(5) + 1, lengthCount = try bits(4) + 4
                    if literalCount > 286 || distanceCount > 30 { throw Failure(kind: .badCodeLengths) }
                    var codeLengthLengths = [Int](repeating: 0, count: 19)
                    for i in 0..<lengthCount { codeLengthLengths[[16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15][i]] = try bits(3) }
                    guard let lengthCode = Code(codeLengthLengths, incompleteAllowed: false) else { throw Failure(kind: .badCodeLengths) }
                    var lengths: [Int] = []
                    while lengths.count < literalCount + distanceCount {
                        let symbol = try decode(lengthCode)
                        switch symbol {
                        case 0..<16: lengths.append(symbol)
                        case 16:
                            guard let last = lengths.last else { throw Failure(kind: .badCodeLengths) }
                            lengths += [Int](repeating: last, count: 3 + (try bits(2)))
                        case 17: lengths += [Int](repeating: 0, count: 3 + (try bits(3)))
                        default: lengths += [Int](repeating: 0, count: 11 + (try bits(7)))
                        }
                    }
                    if lengths.count > literalCount + distanceCount || lengths[256] == 0 { throw Failure(kind: .badCodeLengths) }
                    guard let literals = Code(Array(lengths[0..<literalCount]), incompleteAllowed: true),
                          let distances = Code(Array(lengths[literalCount...]), incompleteAllowed: true)
                    else { throw Failure(kind: .badCodeLengths) }
                    try block(literals, distances)
                default:
                    throw Failure(kind: .badBlockType)
                }
            } while final == 0
            return .success(out)
        } catch {
            return .failure(error as! Failure)
        }
    }

    mutating func block(_ literals: Code, _ distances: Code) throws {
        let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
        let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
        let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
        let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
        while true {
            let symbol = try decode(literals)
            if symbol < 256 { try put(UInt8(symbol)); continue }
            if symbol == 256 { return }
            if symbol > 285 { throw Failure(kind: .badSymbol) }
            let length = lengthBase[symbol - 257] + (try bits(lengthExtra[symbol - 257]))
            let distanceSymbol = try decode(distances)
            if distanceSymbol > 29 { throw Failure(kind: .badSymbol) }
            let distance = distanceBase[distanceSymbol] + (try bits(distanceExtra[distanceSymbol]))
            if distance > out.count { throw Failure(kind: .badDistance) }
            for _ in 0..<length { try put(out[out.count - distance]) }
        }
    }
}
