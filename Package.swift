// swift-tools-version:6.0
import PackageDescription

// Swift 6.0 is the oldest toolchain that builds leadbook: the sources use typed throws
// (`throws(Refusal)`), new in 6.0. The code is compiled in the Swift 5 language mode; the README,
// docs/install.md and the CI templates' image name the same minimum (SwiftMinimumTests).

// Four layers, each a target that sees only the ones below it, so a wrong arrow does not
// compile: LeadbookText (bytes to structure; knows nothing of customers) <- LeadbookCore (the
// sales domain) <- LeadbookCommands (the command line) <- leadbook (the executable).
// The release build carries the Swift runtime and Foundation inside the binary on Linux, as
// `swift build -c release --static-swift-stdlib` does: no shared libraries to find and relocate
// at start-up (docs/performance.md). Every target is compiled against the static modules, and
// the executables are linked with them. macOS has its runtime in the system; debug builds and
// the tests link dynamically.
let staticRuntime: [SwiftSetting] = [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))]
let staticRuntimeLink: [LinkerSetting] = [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))]

let package = Package(
    name: "leadbook",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "leadbook", targets: ["leadbook"]),
        .executable(name: "leadbook-bench", targets: ["leadbook-bench"]),
    ],
    targets: [
        .target(name: "LeadbookText", swiftSettings: staticRuntime),
        .target(name: "LeadbookCore", dependencies: ["LeadbookText"], exclude: ["Workspace/InitTemplate"], swiftSettings: staticRuntime),
        // The language server (`leadbook lsp`): the protocol over byte streams, beside the commands.
        .target(name: "LeadbookServer", dependencies: ["LeadbookCore", "LeadbookText"], swiftSettings: staticRuntime),
        .target(name: "LeadbookCommands", dependencies: ["LeadbookServer", "LeadbookCore", "LeadbookText"], swiftSettings: staticRuntime),
        .executableTarget(name: "leadbook", dependencies: ["LeadbookCommands"], swiftSettings: staticRuntime, linkerSettings: staticRuntimeLink),
        // The benchmark times the `leadbook` built beside it, so building it builds both.
        .executableTarget(
            name: "leadbook-bench", dependencies: ["LeadbookCore", "LeadbookText", "LeadbookServer", "leadbook"],
            swiftSettings: staticRuntime, linkerSettings: staticRuntimeLink),
        .testTarget(name: "LeadbookTests", dependencies: ["LeadbookText", "LeadbookCore", "LeadbookServer", "LeadbookCommands"]),
    ],
    swiftLanguageModes: [.v5]
)
