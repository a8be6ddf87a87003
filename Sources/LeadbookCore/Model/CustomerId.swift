/// Customer ids: the id prefix, the year of capture and a running number (`LX2024016`), as the
/// seed numbers its leads.
public enum CustomerId {
    /// The id a file name begins with (`LX2024016` of `LX2024016-华东云.md`).
    public static func fromFileName(_ fileName: String) -> String {
        String(fileName.prefix(while: { $0 != "-" && $0 != "_" && $0 != "." }))
    }

    /// The next free id of `year`: one more than the highest running number of that year among
    /// `ids`, at least three digits (`LX2024001`).
    public static func next(prefix: String, year: Int, after ids: [String]) -> String {
        let stem = prefix + LocalDate.pad(year, 4)
        var highest = 0
        for id in ids where id.hasPrefix(stem) {
            let digits = id.utf8.dropFirst(stem.utf8.count)
            guard !digits.isEmpty, digits.count <= 15, digits.allSatisfy(ASCII.isDigit) else { continue }
            highest = max(highest, digits.reduce(0) { $0 * 10 + Int($1 - ASCII.zero) })
        }
        return stem + LocalDate.pad(highest + 1, 3)
    }
}
