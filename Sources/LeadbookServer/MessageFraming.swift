import LeadbookText

/// The base protocol of LSP 3.17: each message is a header part (`Content-Length: N`, an
/// optional `Content-Type`, each line ended by `\r\n`), an empty line, then N bytes of JSON.
/// `MessageStream` takes bytes as they arrive (a message split over reads, several in one read)
/// and gives back whole message bodies, or what was wrong with a header.
public struct MessageStream {
    /// The largest message accepted: a longer one is skipped (its bytes are read and dropped)
    /// and told as a problem.
    public static let maxMessageSize = 80 * 1024 * 1024
    /// The longest header part accepted (a client that sends no empty line never fills memory).
    public static let maxHeaderSize = 8 * 1024

    public enum Item: Equatable {
        /// The JSON bytes of one message.
        case message([UInt8])
        /// A header part that could not be read, or a message that was too large: what to log.
        case problem(Phrase)
    }

    private var buffer: [UInt8] = []
    /// Where unread bytes start in `buffer` (dropped from the front now and then).
    private var start = 0
    /// The body length of the message whose header was read, waiting for its bytes.
    private var pendingLength: Int?
    /// Bytes still to drop of a message that was too large.
    private var skipping = 0

    public init() {}

    /// True when bytes of an unfinished message are held.
    public var holdsPartialMessage: Bool { pendingLength != nil || skipping > 0 || start < buffer.count }

    public mutating func append(_ bytes: [UInt8]) -> [Item] {
        append(bytes[...])
    }

    public mutating func append(_ bytes: ArraySlice<UInt8>) -> [Item] {
        var bytes = bytes
        if skipping > 0 {
            let dropped = min(skipping, bytes.count)
            skipping -= dropped
            bytes = bytes.dropFirst(dropped)
        }
        buffer.append(contentsOf: bytes)
        var items: [Item] = []
        while true {
            if skipping > 0 {
                let dropped = min(skipping, buffer.count - start)
                skipping -= dropped
                start += dropped
                if skipping > 0 { break }
            }
            if let length = pendingLength {
                guard buffer.count - start >= length else { break }
                items.append(.message(Array(buffer[start..<(start + length)])))
                start += length
                pendingLength = nil
                continue
            }
            guard let headerEnd = findHeaderEnd() else {
                if buffer.count - start > Self.maxHeaderSize {
                    items.append(.problem(Message.headerTooLong))
                    start = buffer.count
                }
                break
            }
            let header = Array(buffer[start..<headerEnd])
            start = headerEnd + 4
            switch Self.contentLength(header) {
            case .success(let length):
                if length > Self.maxMessageSize {
                    items.append(.problem(Message.tooLarge(length)))
                    skipping = length
                } else {
                    pendingLength = length
                }
            case .failure(let problem):
                items.append(.problem(problem.phrase))
            }
        }
        if start > 0, start >= buffer.count / 2 || start == buffer.count {
            buffer.removeFirst(start)
            start = 0
        }
        return items
    }

    /// The offset of the `\r\n\r\n` that ends the header part, when it has arrived.
    private func findHeaderEnd() -> Int? {
        var index = start
        while index + 3 < buffer.count {
            if buffer[index] == ASCII.cr, buffer[index + 1] == ASCII.lf, buffer[index + 2] == ASCII.cr, buffer[index + 3] == ASCII.lf {
                return index
            }
            index += 1
        }
        return nil
    }

    struct HeaderProblem: Error {
        let phrase: Phrase
    }

    /// The value of `Content-Length` (the name in any case); other fields are ignored.
    static func contentLength(_ header: [UInt8]) -> Result<Int, HeaderProblem> {
        let text = String(decoding: header, as: UTF8.self)
        var length: Int?
        for line in text.split(separator: "\r\n", omittingEmptySubsequences: true) {
            guard let colon = line.firstIndex(of: ":") else { return .failure(HeaderProblem(phrase: Message.badHeaderLine(String(line)))) }
            let name = line[..<colon].trimmingSpaces().lowercased()
            let value = line[line.index(after: colon)...].trimmingSpaces()
            if name == "content-length" {
                guard !value.isEmpty, value.utf8.allSatisfy(ASCII.isDigit), value.utf8.count <= 12, let number = Int(value) else {
                    return .failure(HeaderProblem(phrase: Message.badLength(String(value))))
                }
                length = number
            }
        }
        guard let length else { return .failure(HeaderProblem(phrase: Message.noLength)) }
        return .success(length)
    }

    /// One message as it is sent: its header and its JSON.
    public static func frame(_ message: JSON) -> [UInt8] {
        let body = Array(message.rendered(indent: nil).utf8)
        return Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }
}

extension Substring {
    func trimmingSpaces() -> String {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return String(text)
    }
}

extension MessageStream {
    enum Message {
        static let headerTooLong = Phrase("a message header longer than \(MessageStream.maxHeaderSize) bytes without its empty line: dropped",
                                          "消息头超过 \(MessageStream.maxHeaderSize) 字节还没有结束（缺少空行）：已丢弃")
        static func tooLarge(_ length: Int) -> Phrase {
            Phrase("a message of \(length) bytes is larger than the \(MessageStream.maxMessageSize / (1024 * 1024)) MB leadbook reads: skipped",
                   "一条 \(length) 字节的消息超过 leadbook 能读的 \(MessageStream.maxMessageSize / (1024 * 1024)) MB：已跳过")
        }
        static func badHeaderLine(_ line: String) -> Phrase {
            Phrase("a header line without `:` (`\(line.prefix(80))`): the message is dropped",
                   "消息头有一行没有 `:`（`\(line.prefix(80))`）：这条消息已丢弃")
        }
        static func badLength(_ value: String) -> Phrase {
            Phrase("`Content-Length: \(value.prefix(40))` is not a number of bytes: the message is dropped",
                   "`Content-Length: \(value.prefix(40))` 不是字节数：这条消息已丢弃")
        }
        static let noLength = Phrase("a message header without `Content-Length`: the message is dropped",
                                     "消息头里没有 `Content-Length`：这条消息已丢弃")
    }
}
