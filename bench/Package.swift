// swift-tools-version:6.0
// On-demand benchmarks (never part of `swift test`). Run from the repository root, e.g.
//   VITAAL_DOMAIN_ONLY=1 swift run -c release --package-path bench bench-network
// VITAAL_DOMAIN_ONLY=1 keeps Vapor out of the build: benchmarks exercise the plain domain module.
import PackageDescription

let benches = ["bench-network", "bench-workforce", "bench-acutecare", "bench-monitor"]
let package = Package(
    name: "vitaal-bench",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "vitaal", path: "..")],
    targets: benches.map {
        .executableTarget(name: $0, dependencies: [.product(name: "VitaalDomain", package: "vitaal")], path: "Sources/\($0)")
    }
)
