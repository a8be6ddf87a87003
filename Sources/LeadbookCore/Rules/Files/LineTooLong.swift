import LeadbookText

/// Longer lines are pasted data, not notes; they would also make every diagnostic line huge.
public enum LineTooLong: RuleDefinition {
    public static let rule = Rule("line-too-long", .error, Phrase("A line of a customer file is at most 64 KB.", "客户文件的一行最长 64 KB。"))

    public static let maxLength = 64 * 1024

    /// The first line longer than `maxLength`: where it starts, its number and its length.
    public static func firstLongLine(_ buffer: UnsafeBufferPointer<UInt8>) -> (start: Int, line: Int, length: Int)? {
        var start = 0
        var line = 1
        while start < buffer.count {
            var end = start
            while end < buffer.count, buffer[end] != ASCII.lf { end += 1 }
            if end - start > maxLength { return (start, line, end - start) }
            start = end + 1
            line += 1
        }
        return nil
    }

    /// Reports the first long line; false when there is none.
    public static func check(_ buffer: UnsafeBufferPointer<UInt8>, _ findings: inout Findings) -> Bool {
        guard buffer.count > maxLength, let long = firstLongLine(buffer) else { return false }
        findings.report(Message.tooLong(line: long.line, length: long.length), at: long.start, showLine: false)
        return true
    }
}

extension RuleMessage where Of == LineTooLong {
    public static func tooLong(line: Int, length: Int) -> Self {
        Self("line \(line) is \(length / 1024) KB long; lines are at most \(LineTooLong.maxLength / 1024) KB",
             "第 \(line) 行长 \(length / 1024) KB；一行最长 \(LineTooLong.maxLength / 1024) KB",
             hint: Phrase("a customer file holds notes, not data: move pasted content to a separate file and link to it",
                          "客户文件记的是跟进笔记，不是数据：把粘贴进来的内容放到单独的文件里，这里只放链接"))
    }
}
