import LeadbookText

/// What `check` found comparing the index file with the customer files, kept in
/// `.leadbook/cache/check-index` beside the per-file cache (`CustomerCache`): when INDEX.md has
/// the identity it had then (size, times to the nanosecond, inode, device, mode) and the rows
/// the customer files give are the same (a 128-bit fingerprint of every row's fingerprint and
/// place, of the files whose rows are left out, and of the window), the comparison would find
/// the same again, and the 100 MB of INDEX.md need not be read. An index file modified less
/// than `CustomerCache.racyWindow` before the verdict is written is not trusted later.
struct IndexVerdict {
    static let kind = "check-index"

    let file: String
    let folder: String
    let root: String
    let stamp: LineDigest
    let key: LineDigest
    let identity: CustomerCache.FileIdentity

    /// The verdict for these rows, or nil when the cache is off or INDEX.md's identity cannot
    /// be told.
    init?(_ workspace: Workspace, indexFile real: String, rows: [IndexRows], ignoring: Set<String>, floor: LocalDate?) {
        guard workspace.cache.enabled, let identity = CustomerCache.FileIdentity.of(real) else { return nil }
        self.identity = identity
        root = workspace.root
        folder = workspace.root + "/" + CustomerCache.folder
        file = folder + "/" + Self.kind
        stamp = CustomerCache.stamp(workspace, kind: Self.kind)
        var writer = BinaryWriter(capacity: rows.count * 64)
        writer.text(workspace.configuration.indexFile)
        writer.optionalInt(floor?.dayNumber)
        for customer in rows {
            writer.text(customer.path)
            writer.text(customer.id)
            writer.optionalText(customer.owner)
            writer.unsigned(UInt64(customer.rows.count))
            for row in customer.rows {
                writer.byte(UInt8(IndexTable.allCases.firstIndex(of: row.table)!))
                writer.int(Int(row.sequence))
                writer.int(Int(row.day))
                writer.int(Int(row.minute))
                writer.fixed(row.line.digest.high)
                writer.fixed(row.line.digest.low)
            }
        }
        for path in ignoring.sorted(by: { $0.bytesPrecede($1) }) { writer.text(path) }
        key = LineDigest.of(writer.bytes)
    }

    /// The index file's findings as they were found, when nothing they depend on changed.
    func recall() -> [Diagnostic]? {
        guard CustomerCache.placeIsInside(root), case .success(let bytes) = FileAccess.read(file, limit: Int(Int32.max)) else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> [Diagnostic]? in
            guard buffer.count > CustomerCache.magic.count + 16, buffer.starts(with: CustomerCache.magic) else { return nil }
            let body = UnsafeBufferPointer(rebasing: buffer[0..<(buffer.count - 16)])
            let sum = LineDigest.of(body)
            var trailer = BinaryReader(buffer, range: body.count..<buffer.count)
            guard trailer.fixed() == sum.high, trailer.fixed() == sum.low else { return nil }
            var reader = BinaryReader(body, range: CustomerCache.magic.count..<body.count)
            guard reader.unsigned() == CustomerCache.formatVersion, reader.fixed() == stamp.high, reader.fixed() == stamp.low,
                  reader.fixed() == key.high, reader.fixed() == key.low,
                  CustomerCache.FileIdentity.read(&reader) == identity else { return nil }
            let path = reader.text()
            let diagnostics = reader.diagnostics(path: path)
            return reader.isComplete ? diagnostics : nil
        }
    }

    /// Keeps the findings for the next run, unless INDEX.md changed too recently to be sure.
    func keep(_ diagnostics: [Diagnostic], path: String) {
        guard identity.isSettled(before: CustomerCache.clock() - CustomerCache.racyWindow) else { return }
        var writer = BinaryWriter()
        writer.bytes.append(contentsOf: CustomerCache.magic)
        writer.unsigned(CustomerCache.formatVersion)
        writer.fixed(stamp.high)
        writer.fixed(stamp.low)
        writer.fixed(key.high)
        writer.fixed(key.low)
        identity.write(&writer)
        writer.text(path)
        writer.diagnostics(diagnostics, path: path)
        let sum = writer.bytes.withUnsafeBufferPointer { LineDigest.of($0) }
        writer.fixed(sum.high)
        writer.fixed(sum.low)
        CustomerCache.write(writer.bytes, to: file, folder: folder, root: root)
    }
}
