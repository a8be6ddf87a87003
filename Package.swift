// swift-tools-version:5.9
import PackageDescription

let package = Package(
    name: "leadbook",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "LeadbookCore", targets: ["LeadbookCore"]),
        .executable(name: "leadbook", targets: ["leadbook"]),
        .executable(name: "leadbook-bench", targets: ["leadbook-bench"]),
    ],
    targets: [
        .target(name: "LeadbookCore", exclude: ["Workspace/InitTemplate"]),
        .executableTarget(name: "leadbook", dependencies: ["LeadbookCore"]),
        // The benchmark times the `leadbook` built beside it, so building it builds both.
        .executableTarget(name: "leadbook-bench", dependencies: ["LeadbookCore", "leadbook"]),
        .testTarget(name: "LeadbookCoreTests", dependencies: ["LeadbookCore"]),
    ]
)
