// swift-tools-version:6.1
import PackageDescription

/// Speed and allocation benchmarks, kept out of the main package so CI never builds or runs them.
/// Run with `swift package --package-path Benchmarks benchmark`.
let package = Package(
    name: "Benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "chainscope", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .target(
            name: "BenchmarkSupport",
            dependencies: [.product(name: "Benchmark", package: "benchmark")],
            path: "Benchmarks/BenchmarkSupport"
        ),
        .executableTarget(
            name: "ImportBenchmark",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ChainscopeCore", package: "chainscope"),
                .product(name: "ChainscopeIngest", package: "chainscope"),
                .product(name: "ChainscopeSQLite", package: "chainscope"),
            ],
            path: "Benchmarks/ImportBenchmark",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "ClassifyBenchmark",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ChainscopeCore", package: "chainscope"),
                .product(name: "ChainscopeIngest", package: "chainscope"),
            ],
            path: "Benchmarks/ClassifyBenchmark",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "ReportBenchmark",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ChainscopeCore", package: "chainscope"),
                .product(name: "ChainscopeIngest", package: "chainscope"),
                .product(name: "ChainscopeSQLite", package: "chainscope"),
                .product(name: "ChainscopeReports", package: "chainscope"),
            ],
            path: "Benchmarks/ReportBenchmark",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
