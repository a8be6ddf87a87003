import LeadbookText

/// The customer files of a workspace as every command reads them: each file read whole and
/// held to the size a customer file may have, on every core, a batch of files at a time. A
/// command hands in what it makes of one file's bytes (its reducer), so only those values are
/// kept: no command holds every file's bytes at once. A file that is too large or cannot be
/// read is never handed on: it gets the diagnostic `check` reports for it (file-too-large,
/// unreadable-file), the same in every command.
public struct CustomerFiles: Sendable {
    /// A customer file is a page of notes; 16 MB is thousands of times the usual size and
    /// would only slow every command down.
    public static let maxSize = 16 * 1024 * 1024

    /// Files read between two calls of `afterBatch`: enough to keep every core busy, few enough
    /// that what a batch leaves behind can be pruned before the next (100,000 customers read
    /// in flat memory).
    public static let batchSize = 4096

    /// The workspace folder.
    public let root: String
    /// The files, relative to `root`.
    public let paths: [String]

    public init(root: String, paths: [String]) {
        self.root = root
        self.paths = paths
    }

    /// Every customer file of the workspace.
    public init(_ workspace: Workspace) {
        self.init(root: workspace.root, paths: workspace.customerPaths)
    }

    public var count: Int { paths.count }

    /// What a reading kept: one value per file, in the order of `paths`, and why the files
    /// that were not read were not (in the same order).
    public struct Reading<Value> {
        public var values: [Value]
        public var unread: [Diagnostic]

        /// The files that were not read.
        public var unreadPaths: [String] { unread.map(\.file) }
    }

    /// Reads every file and gives its index and bytes to `reduce`, whose value is kept (the
    /// bytes are not). A file that is not read gives `unread(index, diagnostic)` instead, and
    /// its diagnostic is kept in the reading's `unread`. After each batch, `afterBatch` sees
    /// the values so far and the batch's indices, to prune what can no longer be needed.
    public func reduce<Value>(batchSize: Int = CustomerFiles.batchSize,
                              _ reduce: (Int, [UInt8]) -> Value,
                              unread: (Int, Diagnostic) -> Value,
                              afterBatch: (inout [Value], Range<Int>) -> Void = { _, _ in }) -> Reading<Value> {
        self.reduce(batchSize: batchSize, recall: { _ in nil }, reduce, unread: unread, afterBatch: afterBatch)
    }

    /// `reduce`, taking a file's value from `recall` when it has one (the file is then not read).
    func reduce<Value>(batchSize: Int, recall: (Int) -> Value?, _ reduce: (Int, [UInt8]) -> Value,
                       unread: (Int, Diagnostic) -> Value,
                       afterBatch: (inout [Value], Range<Int>) -> Void) -> Reading<Value> {
        var reading = Reading<Value>(values: [], unread: [])
        var start = 0
        while start < paths.count {
            let batch = start..<min(paths.count, start + max(1, batchSize))
            // Each file's value goes straight into the batch's array (no intermediate copy); a
            // file that is not read also leaves its diagnostic in its own slot, written by the
            // one worker that handles that file.
            var problems = [Diagnostic?](repeating: nil, count: batch.count)
            let values = problems.withUnsafeMutableBufferPointer { slots in
                ParallelMap.map(batch.count) { offset -> Value in
                    let index = batch.lowerBound + offset
                    if let value = recall(index) { return value }
                    switch Self.read(paths[index], root: root) {
                    case .success(let bytes): return reduce(index, bytes)
                    case .failure(let diagnostic):
                        slots[offset] = diagnostic
                        return unread(index, diagnostic)
                    }
                }
            }
            if start == 0 && batch.upperBound == paths.count {
                reading.values = values  // one batch: its array is the reading's
            } else {
                if start == 0 { reading.values.reserveCapacity(paths.count) }
                reading.values.append(contentsOf: values)
            }
            for case let diagnostic? in problems { reading.unread.append(diagnostic) }
            afterBatch(&reading.values, batch)
            start = batch.upperBound
        }
        return reading
    }

    /// One customer file (relative to the workspace folder `root`): its bytes, or the
    /// diagnostic `check` reports for it.
    public static func read(_ path: String, root: String) -> Result<[UInt8], Diagnostic> {
        switch FileAccess.read(root + "/" + path, limit: maxSize) {
        case .success(let bytes): return .success(bytes)
        case .failure(.tooLarge(let size)): return .failure(FileTooLarge.diagnostic(file: path, size: size))
        case .failure(let error): return .failure(UnreadableFile.diagnostic(.customerFile(error.phrase), file: path))
        }
    }

    /// The diagnostic of a customer file's content that did not come from the workspace
    /// folder (a staged blob) and is larger than a customer file may be; nil when it is not.
    public static func sizeProblem(_ path: String, _ bytes: [UInt8]) -> Diagnostic? {
        bytes.count > maxSize ? FileTooLarge.diagnostic(file: path, size: bytes.count) : nil
    }

}

/// A customer file that is not read fails with the diagnostic that says why.
extension Diagnostic: Error {}
