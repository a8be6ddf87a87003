import LeadbookCore
import LeadbookServer
import LeadbookText

/// `leadbook lsp`: the language server on standard input and output, for editors.
public enum LspCommand: Command {
    public static let spec = CommandSpec(
        name: "lsp",
        summary: Phrase("the language server for editors: the rules as you type (LSP over stdio)",
                        "给编辑器用的语言服务器：边写边检查（通过标准输入输出的 LSP）"),
        usage: "leadbook lsp",
        options: [],
        details: Phrase("""
            An editor starts it and talks to it on standard input and output (JSON-RPC 2.0, LSP 3.17);
            it is not meant to be run by hand. It checks customer files and leadbook.yml as they are
            typed, with the findings of `leadbook check` (rule ids as codes), in the workspace's
            language. The workspace is the editor's folder, or the one above the opened file that
            holds leadbook.yml. It exits with 0 after the editor's `shutdown` and `exit`, 1 otherwise.
            Setting up each editor: docs/editors.md.
            """, """
            由编辑器启动，通过标准输入输出和它对话（JSON-RPC 2.0，LSP 3.17），不需要手动运行。
            它在输入时检查客户文件和 leadbook.yml，给出和 `leadbook check` 一样的问题（规则编号作为代码），
            用工作区的语言显示。工作区是编辑器打开的文件夹，或者所打开文件上层含有 leadbook.yml 的文件夹。
            编辑器发出 `shutdown` 和 `exit` 后退出码为 0，否则为 1。各编辑器的设置方法见 docs/editors.md。
            """))

    public static func run(_ arguments: ParsedArguments, _ context: CommandContext) -> ExitCode {
        let status = StdioLoop.run(environment: context.environment, currentDirectory: context.currentDirectory,
                                   version: BuildStamp.version, language: context.languageOption)
        return status == 0 ? .ok : .findings
    }
}
