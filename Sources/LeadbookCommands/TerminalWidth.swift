#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#elseif canImport(WinSDK)
import WinSDK
#endif
import LeadbookCore
import LeadbookText

/// A console that can tell how many columns its terminal has.
protocol TerminalColumns {
    /// The terminal's width in cells; nil when the output is not a terminal.
    var columns: Int? { get }
}

extension StandardConsole: TerminalColumns {
    var columns: Int? {
        #if canImport(Glibc) || canImport(Musl) || canImport(Darwin)
        guard isatty(STDOUT_FILENO) != 0 else { return nil }
        var size = winsize()
        #if canImport(Darwin)
        let request = TIOCGWINSZ
        #else
        let request = UInt(TIOCGWINSZ)
        #endif
        guard ioctl(STDOUT_FILENO, request, &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
        #elseif canImport(WinSDK)
        var info = CONSOLE_SCREEN_BUFFER_INFO()
        guard GetConsoleScreenBufferInfo(GetStdHandle(STD_OUTPUT_HANDLE), &info) else { return nil }
        let columns = Int(info.srWindow.Right) - Int(info.srWindow.Left) + 1
        return columns > 0 ? columns : nil
        #else
        return nil
        #endif
    }
}

extension CommandContext {
    /// The width the views fit: `COLUMNS` when it is a positive number, else the terminal's
    /// width, else (not a terminal) `ViewStyle.defaultWidth`, 100 cells.
    public var width: Int {
        if let text = environment["COLUMNS"], let columns = Int(text), columns > 0 { return min(columns, 10_000) }
        if let columns = (console as? TerminalColumns)?.columns { return columns }
        return ViewStyle.defaultWidth
    }

    /// How this run shows a view: its language, the width and colour of its terminal.
    public var viewStyle: ViewStyle { ViewStyle(language: language, width: width, color: color) }
}
