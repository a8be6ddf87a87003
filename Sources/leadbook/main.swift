import Foundation
import LeadbookCommands

let console = StandardConsole()
let context = CommandContext(
    console: console,
    environment: ProcessInfo.processInfo.environment,
    currentDirectory: FileManager.default.currentDirectoryPath)
let code = LeadbookCommandLine.run(Array(CommandLine.arguments.dropFirst()), context)
console.flush()
exit(code.rawValue)
