// swift-tools-version:5.9
import PackageDescription

// Four layers, each a target that sees only the ones below it, so a wrong arrow does not
// compile: LeadbookText (bytes to structure; knows nothing of customers) <- LeadbookCore (the
// sales domain) <- LeadbookCommands (the command line) <- leadbook (the executable).
let package = Package(
    name: "leadbook",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "leadbook", targets: ["leadbook"]),
        .executable(name: "leadbook-bench", targets: ["leadbook-bench"]),
    ],
    targets: [
        .target(name: "LeadbookText"),
        .target(name: "LeadbookCore", dependencies: ["LeadbookText"], exclude: ["Workspace/InitTemplate"]),
        .target(name: "LeadbookCommands", dependencies: ["LeadbookCore", "LeadbookText"]),
        .executableTarget(name: "leadbook", dependencies: ["LeadbookCommands"]),
        // The benchmark times the `leadbook` built beside it, so building it builds both.
        .executableTarget(name: "leadbook-bench", dependencies: ["LeadbookCore", "LeadbookText", "leadbook"]),
        .testTarget(name: "LeadbookTests", dependencies: ["LeadbookText", "LeadbookCore", "LeadbookCommands"]),
    ]
)
