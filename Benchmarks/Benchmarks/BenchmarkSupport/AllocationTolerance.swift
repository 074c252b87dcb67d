public import Benchmark

/// How far a benchmark's allocation count (p90) may move from the count committed in
/// `Benchmarks/Thresholds` before `swift package benchmark thresholds check` fails: 2% either way.
///
/// The benchmark package reads the `thresholds` of a configuration as tolerances around a stored
/// count, not as limits, so the counts themselves live in `Thresholds/`. Counts repeat within a few
/// tenths of a per cent from run to run on this machine; a run 2% lower is reported too (exit code 4),
/// so that a saving is written down with `thresholds update` rather than hidden under an old limit.
///
/// Benchmark names have hyphens, not spaces: `thresholds update` writes a space in a name as `_` in the
/// file's name, and `thresholds check` looks for the name as it is (ordo-one/benchmark #301, #373).
public var allocationTolerance: [BenchmarkMetric: BenchmarkThresholds] {
    [.mallocCountTotal: .init(relative: [.p90: 2.0])]
}
