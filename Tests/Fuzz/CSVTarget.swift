// libFuzzer target: spreadsheet decoding (UTF-8, BOM, GB18030) and the RFC 4180 reader, with
// a round trip through the writer: what the writer writes, the reader reads back unchanged.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard case .success(let decoded) = SpreadsheetText.decode(bytes, as: nil) else { return 0 }
    let records = CSVReader.read(decoded.bytes)
    for record in records {
        precondition(record.line >= 1 && record.row >= 1)
    }
    let rows = records.map(\.fields)
    if !rows.isEmpty, !rows.contains(where: { $0.count == 1 && $0[0].isEmpty }) {
        let written = Array(CSVWriter.table(rows, bom: false).utf8)
        let reread = CSVReader.read(written).map(\.fields)
        precondition(reread == rows, "the writer's output does not read back as the same table")
    }
    return 0
}
