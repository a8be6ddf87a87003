import LeadbookText

/// The customers of a workspace as the summary needs them: every file read (`CustomerFiles`)
/// and reduced at once to a `SummaryRecord`, so the parsed files are never all held together.
public struct SummaryInput: Sendable {
    /// Customers captured by the as-of moment, tombstones left out.
    public var records: [SummaryRecord] = []
    /// Files with errors (see `leadbook check`); counted as far as they could be read.
    public var filesWithErrors: [String] = []
    /// Files that could not be read as a customer at all (not counted).
    public var unreadable: [String] = []
    /// Why the files that were not read at all were not (file-too-large, unreadable-file).
    public var unread: [Diagnostic] = []
    /// Readable files without a readable `created` (not counted).
    public var undated: [String] = []
    /// Tombstones left by merges (not counted: each stands for another customer).
    public var tombstones = 0
    /// Customers captured after the as-of moment (not counted).
    public var later = 0

    public init() {}

    public enum Read: Sendable {
        case unreadable
        case extracted(SummaryRecord.Extraction, hasErrors: Bool)
    }

    public static func load(_ workspace: Workspace, asOf: LocalDateTime) -> SummaryInput {
        let paths = workspace.customerPaths
        let configuration = workspace.configuration
        // Each record is made at the as-of moment: a cache of another moment is read again.
        var context = BinaryWriter()
        context.dateTime(asOf)
        let cache = CustomerCache.open(workspace, kind: "summary", context: context.bytes)
        let reading = CustomerFiles(workspace).reduce(cache: cache, coding) { index, bytes -> Read in
            let result = CustomerReader.read(path: paths[index], bytes: bytes, configuration: configuration, text: false, tree: false)
            guard let customer = result.customer else { return .unreadable }
            return .extracted(SummaryRecord.extract(customer, configuration: configuration, asOf: asOf),
                              hasErrors: result.findings.errorCount > 0)
        } unread: { _, _ in .unreadable }
        cache?.save()
        var input = SummaryInput()
        input.unread = reading.unread
        input.records.reserveCapacity(reading.values.count)
        for (index, read) in reading.values.enumerated() {
            switch read {
            case .unreadable:
                input.unreadable.append(paths[index])
                input.filesWithErrors.append(paths[index])
            case .extracted(let extraction, let hasErrors):
                if hasErrors { input.filesWithErrors.append(paths[index]) }
                switch extraction {
                case .record(let record): input.records.append(record)
                case .tombstone: input.tombstones += 1
                case .later: input.later += 1
                case .undated: input.undated.append(paths[index])
                }
            }
        }
        return input
    }

    /// The customers at a git revision, for `--compare`: read from the repository with today's
    /// leadbook.yml and seen at the same as-of moment, a batch of files at a time, each batch
    /// in parallel.
    public static func snapshots(at commit: String, _ workspace: Workspace, asOf: LocalDateTime, environment: [String: String])
        -> Result<[PipelineMovement.Snapshot], GitRevision.Failure> {
        let files: [GitRevision.File]
        switch GitRevision.files(at: commit, folder: workspace.configuration.customersFolder, root: workspace.root, environment: environment) {
        case .failure(let failure): return .failure(failure)
        case .success(let list): files = list
        }
        let configuration = workspace.configuration
        var snapshots: [PipelineMovement.Snapshot] = []
        let read = GitRevision.read(files, root: workspace.root, environment: environment) { batch in
            let parsed = ParallelMap.map(batch.count) { index -> PipelineMovement.Snapshot? in
                // Not counted now, not counted then (`CustomerFiles.maxSize`).
                guard CustomerFiles.sizeProblem(batch[index].path, batch[index].bytes) == nil else { return nil }
                let result = CustomerReader.read(path: batch[index].path, bytes: batch[index].bytes, configuration: configuration, text: false,
                                                 tree: false)
                return result.customer.flatMap { PipelineMovement.snapshot($0, configuration: configuration, asOf: asOf) }
            }
            snapshots.append(contentsOf: parsed.compactMap { $0 })
        }
        if case .failure(let failure) = read { return .failure(failure) }
        return .success(snapshots)
    }
}
