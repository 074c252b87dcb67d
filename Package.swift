// swift-tools-version:6.2
import PackageDescription

/// Swift 6 mode plus the upcoming features the house style asks for; warnings fail the build.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .treatAllWarnings(as: .error),
]

let package = Package(
    name: "chainscope",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "chainscope", targets: ["chainscope"]),
        .library(name: "ChainscopeCore", targets: ["ChainscopeCore"]),
        .library(name: "ChainscopeIngest", targets: ["ChainscopeIngest"]),
        .library(name: "ChainscopeSQLite", targets: ["ChainscopeSQLite"]),
        .library(name: "ChainscopePostgres", targets: ["ChainscopePostgres"]),
        .library(name: "ChainscopeReports", targets: ["ChainscopeReports"]),
        .library(name: "ChainscopeServer", targets: ["ChainscopeServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus", exact: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        .target(name: "ChainscopeCore", swiftSettings: strictSettings),
        .target(
            name: "ChainscopeResources",
            path: "Resources",
            exclude: ["README.md"],
            resources: [.copy("Datasets"), .copy("Regions"), .copy("Taxonomies")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ChainscopeIngest",
            dependencies: [
                "ChainscopeCore", "ChainscopeResources", .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strictSettings
        ),
        .target(name: "CSQLiteSettings", linkerSettings: [.linkedLibrary("sqlite3")]),
        .target(name: "CMallocSettings"),
        .target(
            name: "ChainscopeSQLite",
            dependencies: [
                "ChainscopeCore", "CSQLiteSettings", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ChainscopePostgres",
            dependencies: [
                "ChainscopeCore", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"), .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        .target(name: "ChainscopeReports", dependencies: ["ChainscopeCore"], swiftSettings: strictSettings),
        .target(
            name: "ChainscopeServer",
            dependencies: [
                "ChainscopeCore", "ChainscopeReports", "ChainscopeIngest",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "chainscope",
            dependencies: [
                "ChainscopeCore", "ChainscopeIngest", "ChainscopeSQLite", "ChainscopePostgres", "ChainscopeReports",
                "ChainscopeServer", "CMallocSettings",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ChainscopeTestSupport",
            dependencies: ["ChainscopeCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ChainscopeCoreTests",
            dependencies: ["ChainscopeCore", "ChainscopeTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ChainscopeIngestTests",
            dependencies: [
                "ChainscopeIngest", "ChainscopeSQLite", "ChainscopeTestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"), .product(name: "Yams", package: "Yams"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ChainscopeSQLiteTests",
            dependencies: [
                "ChainscopeSQLite", "ChainscopeIngest", "ChainscopeTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ChainscopePostgresTests",
            dependencies: [
                "ChainscopePostgres", "ChainscopeSQLite", "ChainscopeIngest", "ChainscopeTestSupport",
                .product(name: "Logging", package: "swift-log"), .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ChainscopeReportsTests",
            dependencies: ["ChainscopeReports", "ChainscopeIngest", "ChainscopeTestSupport"],
            // Read from the source folder (and rewritten there with CHAINSCOPE_UPDATE_GOLDEN=1), not bundled.
            exclude: ["Golden"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ChainscopeServerTests",
            dependencies: [
                "ChainscopeServer", "ChainscopeSQLite", "ChainscopePostgres", "ChainscopeIngest",
                "ChainscopeTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "chainscopeTests",
            dependencies: ["chainscope", "ChainscopeTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
    ]
)
