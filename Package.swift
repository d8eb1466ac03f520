import Foundation
// swift-tools-version:6.0
import PackageDescription

// `VITAAL_DOMAIN_ONLY=1 swift test` builds and tests only the plain domain module (no Vapor, no
// database), which takes seconds instead of minutes. The full suite is `swift test` (see README).
let domainOnly = ProcessInfo.processInfo.environment["VITAAL_DOMAIN_ONLY"] != nil

var dependencies: [Package.Dependency] = []
var targets: [Target] = [
    // Plain Swift: trend rules, SMART status, network analysis, projections, coverage, parsers.
    // Never imports Vapor or a database driver.
    // Resources/flevoland holds the published open-data files; they are compiled in as string
    // literals (OpenData/FlevolandOpenData+Files.swift, written by scripts/embed-open-data).
    .target(name: "VitaalDomain", path: "Sources/VitaalDomain", exclude: ["Resources"]),
    .testTarget(name: "VitaalDomainTests", dependencies: ["VitaalDomain"], path: "Tests/VitaalDomainTests")
]

if !domainOnly {
    dependencies += [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20")
    ]
    let vapor: [Target.Dependency] = [
        .product(name: "Vapor", package: "vapor"),
        .product(name: "Fluent", package: "fluent")
    ]
    // Every target builds in the Swift 6 language mode (strict concurrency), the default of
    // swift-tools-version 6.
    // Feature modules build on AppCore and on the plain domain; `swift build --target NAME`
    // compiles one of them alone.
    let features = [
        "MonitorFeature", "PlansFeature", "SocialMapFeature", "WorkforceFeature", "AcuteCareFeature", "RegistersFeature"
    ]
    targets += [
        // Foundation: configuration, database, accounts and roles, sessions and CSRF, regions,
        // organisations, audit log, site shell, API base, metrics, shared importer plumbing.
        .target(
            name: "AppCore",
            dependencies: ["VitaalDomain"] + vapor + [
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation")
            ],
            path: "Sources/AppCore",
            resources: [.embedInCode("Resources/base.css"), .embedInCode("Resources/favicon.svg")]
        )
    ]
    // Plans and the workforce model read indicators and stories from the monitor (through
    // MonitorFeature's public `MonitorLookup`); the monitor depends on no other feature.
    let featureDependencies: [String: [Target.Dependency]] = [
        // The data API reads SQLite rows through SQLiteNIO directly (bench/README.md, P1).
        "MonitorFeature": [.product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver")],
        "PlansFeature": ["MonitorFeature"],
        "WorkforceFeature": ["MonitorFeature"],
        // The data-source catalogue (/bronnen) shows which indicators use each source.
        "RegistersFeature": ["MonitorFeature"]
    ]
    // Each feature's stylesheet is a plain CSS file compiled into the module (`PackageResources`)
    // and served as part of the site stylesheet.
    let stylesheets = [
        "MonitorFeature": "monitor", "PlansFeature": "plans", "SocialMapFeature": "socialmap",
        "WorkforceFeature": "workforce", "AcuteCareFeature": "acutecare",
        "RegistersFeature": "registers"
    ]
    targets += features.map { name in
        .target(
            name: name,
            dependencies: ["AppCore", "VitaalDomain"] + vapor + [.product(name: "Plot", package: "Plot")]
                + (featureDependencies[name] ?? []),
            path: "Sources/\(name)",
            resources: [.embedInCode("Resources/\(stylesheets[name]!).css")])
    }
    targets += [
        // Assembly: wires the features into one application and its CLI commands.
        .target(
            name: "App", dependencies: ["AppCore"] + features.map { .target(name: $0) } + vapor,
            path: "Sources/App"),
        .executableTarget(
            name: "vitaal", dependencies: ["App", "AppCore"], path: "Sources/vitaal"),
        .testTarget(
            name: "AppTests",
            dependencies: ["App", "AppCore", "VitaalDomain", .product(name: "XCTVapor", package: "vapor")]
                + features.map { .target(name: $0) },
            path: "Tests/AppTests",
            // HTML snapshots are read by the tests from their source folder (see Support/Snapshot.swift).
            exclude: ["__Snapshots__"]
        )
    ]
}

let package = Package(
    name: "vitaal",
    platforms: [.macOS(.v13)],
    products: [.library(name: "VitaalDomain", targets: ["VitaalDomain"])]
        + (domainOnly ? [] : [.executable(name: "vitaal", targets: ["vitaal"])]),
    dependencies: dependencies,
    targets: targets
)
