import LeadbookText

/// Finds a customer file by id: first among files whose name begins with the id, then everywhere.
public enum CustomerLookup {
    public struct Found {
        public var path: String
        public var bytes: [UInt8]
        public var result: CustomerReader.Result
    }

    public struct Problem: Error {
        public let message: String
    }

    public static func find(_ id: String, in workspace: Workspace) -> Result<Found, Problem> {
        guard WorkspacePath.isSafeRelative(id), !id.contains("/") else {
            return .failure(Problem(message: "`\(id)` is not a customer id"))
        }
        let byName = workspace.customerPaths.filter { FileNameMismatch.matches(fileName: WorkspacePath.fileName($0), id: id) }
        if let found = first(id, among: byName, workspace) { return .success(found) }
        let rest = workspace.customerPaths.filter { !byName.contains($0) }
        if let found = first(id, among: rest, workspace) { return .success(found) }
        let ids = workspace.customerPaths.map { WorkspacePath.fileName($0).prefix(while: { $0 != "-" && $0 != "." && $0 != "_" }) }.map(String.init)
        let near = Suggestion.closest(to: id, among: ids)
        return .failure(Problem(message: "no customer with id \(id)" + (near.map { "; did you mean \($0)?" } ?? "")))
    }

    public static func first(_ id: String, among paths: [String], _ workspace: Workspace) -> Found? {
        let matches = ParallelMap.map(paths.count) { index -> Found? in
            guard case .success(let bytes) = FileAccess.read(workspace.absolute(paths[index])) else { return nil }
            let result = CustomerReader.read(path: paths[index], bytes: bytes, configuration: workspace.configuration)
            guard result.customer?.id == id else { return nil }
            return Found(path: paths[index], bytes: bytes, result: result)
        }
        return matches.lazy.compactMap { $0 }.first
    }
}
