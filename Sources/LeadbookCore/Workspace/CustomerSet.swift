import Foundation
import LeadbookText

/// Every customer of a workspace (`CustomerFiles`), for the commands that work on the whole
/// pipeline with every customer at hand (agenda, assign, renumber).
public struct CustomerSet: Sendable {
    public struct Entry: Sendable {
        public var path: String
        public var customer: Customer
        /// The file has errors: read what could be read, but never rewrite it.
        public var hasErrors = false
    }

    public var entries: [Entry]
    /// Files that could not be read as customers, or that have errors.
    public var filesWithErrors: [String]
    /// Why the files that were not read at all were not (file-too-large, unreadable-file).
    public var unread: [Diagnostic] = []

    public static func load(_ workspace: Workspace) -> CustomerSet {
        let reduced = reduce(workspace) { $0 }
        return CustomerSet(entries: reduced.records, filesWithErrors: reduced.filesWithErrors, unread: reduced.unread)
    }

    public var customers: [Customer] { entries.map(\.customer) }

    /// What a command kept of every customer: one record per file that gave one, in the order
    /// of the workspace's paths, and the files that did not read cleanly.
    public struct Reduction<Record> {
        public var records: [Record]
        /// Files that could not be read as customers, or that have errors.
        public var filesWithErrors: [String]
        /// Why the files that were not read at all were not (file-too-large, unreadable-file).
        public var unread: [Diagnostic]
    }

    /// Every customer read as `load` reads it, each reduced by `record` while its file is read
    /// (on every core), so only the records are kept, never every `Customer` at once: 100,000
    /// customers in the memory of their records. A nil record keeps nothing of that customer.
    public static func reduce<Record>(_ workspace: Workspace, _ record: (Entry) -> Record?) -> Reduction<Record> {
        reduce(workspace, cache: nil, record)
    }

    /// `reduce` through `cache` (`CustomerCache.open`), whose records are `coding`'s: the files
    /// whose record the cache holds are not read.
    public static func reduce<Record>(_ workspace: Workspace, cache: (CustomerCache, CustomerCache.Coding<(Record?, Bool)>)?,
                                      _ record: (Entry) -> Record?) -> Reduction<Record> {
        let paths = workspace.customerPaths
        let reading = CustomerFiles(workspace).reduce(cache: cache?.0, cache?.1 ?? .unused) { index, bytes -> (Record?, Bool) in
            let result = CustomerReader.read(path: paths[index], bytes: bytes, configuration: workspace.configuration, tree: false)
            let hasErrors = result.findings.errorCount > 0
            return (result.customer.flatMap { record(Entry(path: paths[index], customer: $0, hasErrors: hasErrors)) }, hasErrors)
        } unread: { _, _ in (nil, true) }
        cache?.0.save()
        var records: [Record] = []
        var broken: [String] = []
        for (index, (record, hasErrors)) in reading.values.enumerated() {
            if let record { records.append(record) }
            if hasErrors { broken.append(paths[index]) }
        }
        return Reduction(records: records, filesWithErrors: broken, unread: reading.unread)
    }
}
