import Benchmark
import BenchmarkSupport
import ChainscopeCore
import ChainscopeIngest
import ChainscopeSQLite
import Foundation

/// Imports a 10,000-row synthetic export into a fresh SQLite file, per iteration: reading,
/// normalising, resolving districts, classifying with the AI taxonomy and writing with indexes, as
/// `chainscope import` does. Allocation counts are the stable figure
/// to hold thresholds on; wall time is compared against `sqlite3 .import` by scripts/compare-duckdb.
let benchmarks: @Sendable () -> Void = {
    let rows = 10_000
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chainscope-bench-\(getpid())")
    let export = folder.appendingPathComponent("sample.csv")

    Benchmark(
        "Import-\(rows)-sample-rows-into-SQLite",
        configuration: .init(
            metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident, .throughput],
            maxDuration: .seconds(30), maxIterations: 5,
            // Allocations are stable on a noisy machine; 1.15 million were measured for 10,000 rows with
            // classification (2026-11-26, the classifier building evidence without copies; 1.38 million
            // on 2026-11-25, 1.97 million before rows were encoded on the reading thread).
            thresholds: allocationTolerance)
    ) { benchmark in
        let (regions, options) = try prepare()
        defer { try? FileManager.default.removeItem(at: folder) }
        for iteration in benchmark.scaledIterations {
            let database = folder.appendingPathComponent("bench-\(iteration).sqlite").path
            let store = try SQLiteStore(path: database)
            try await store.install(regions)
            benchmark.startMeasurement()
            let (record, _) = try await RegistryImporter(regions: regions).run(export, options: options, into: store)
            benchmark.stopMeasurement()
            blackHole(record.counts.rowsRead)
            remove(database)
        }
    }

    Benchmark(
        "Index-\(rows)-imported-companies-for-search",
        configuration: .init(
            metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
            maxDuration: .seconds(30), maxIterations: 5,
            // 305,000 allocations were measured for 10,000 companies (2026-11-26, both full-text tables of
            // migration v9, grams computed beside the writer).
            thresholds: allocationTolerance)
    ) { benchmark in
        let (regions, options) = try prepare()
        defer { try? FileManager.default.removeItem(at: folder) }
        for iteration in benchmark.scaledIterations {
            let database = folder.appendingPathComponent("index-\(iteration).sqlite").path
            let store = try SQLiteStore(path: database)
            try await store.install(regions)
            _ = try await RegistryImporter(regions: regions).run(export, options: options, into: store)
            benchmark.startMeasurement()
            let indexed = try await store.refreshSearchIndex()
            benchmark.stopMeasurement()
            // A refresh with nothing to index (an index brought up to date before, as from 591e8a3 to bbceb8a)
            // would time nothing.
            precondition(indexed > rows / 2, "the benchmark indexed \(indexed) companies, not the import's")
            blackHole(indexed)
            remove(database)
        }
    }

    Benchmark(
        "Import-a-newer-export-of-\(rows)-rows-that-changes-most-companies",
        configuration: .init(
            metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
            maxDuration: .seconds(30), maxIterations: 5,
            // Each changed company is compared, updated, recorded in its history and classified again:
            // 2.62 million allocations (2026-11-26), 6.67 million while the statements that read the stored
            // row and record its history were compiled for every company.
            thresholds: allocationTolerance)
    ) { benchmark in
        let (regions, options) = try prepare()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The same companies, most of them now deregistered: about seven in ten rows change.
        let newer = folder.appendingPathComponent("newer.csv")
        let text = String(decoding: try Data(contentsOf: export), as: UTF8.self)
        try Data(text.replacingOccurrences(of: ",存续,", with: ",注销,").utf8).write(to: newer)
        for iteration in benchmark.scaledIterations {
            let database = folder.appendingPathComponent("newer-\(iteration).sqlite").path
            let store = try SQLiteStore(path: database)
            try await store.install(regions)
            _ = try await RegistryImporter(regions: regions).run(export, options: options, into: store)
            // As `import` does after each command: the newer export's import would otherwise index them.
            _ = try await store.refreshSearchIndex()
            benchmark.startMeasurement()
            let (record, _) = try await RegistryImporter(regions: regions).run(newer, options: options, into: store)
            benchmark.stopMeasurement()
            blackHole(record.counts.updated)
            remove(database)
        }
    }

    /// The division tables, the import options and the sample export, in `folder`, which each benchmark removes
    /// when it ends.
    func prepare() throws -> (RegionDirectory, RegistryImportOptions) {
        let regions = try RegionTableReader().readBuiltin()
        var options = RegistryImportOptions()
        options.classifier = Classifier(try TaxonomyReader().read(named: "ai"))
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        _ = try SampleWriter(generator: SampleGenerator(seed: 1, regions: regions)).write(rows: rows, to: export)
        return (regions, options)
    }

    func remove(_ database: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
    }
}
