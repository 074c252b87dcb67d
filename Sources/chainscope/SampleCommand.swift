import ArgumentParser
import ChainscopeIngest
import Foundation

/// `chainscope sample`: write a synthetic Qichacha-style export with its ground truth.
struct SampleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Write a deterministic synthetic registry export for Hangzhou, and its ground-truth labels.",
        discussion: """
            The rows are synthetic (a notice row above the header says so): valid credit codes, weighted \
            districts, standard business-scope wording with genuine AI items and decoys that only look \
            like AI, founding dates 2015–2022. The label file has credit_code,is_ai,layer,segments. \
            About one row in 250 is deliberately flawed (a bad date or check character) and has no label.

            Examples:
              chainscope sample --rows 10000 --seed 7 --labels labels.csv
              chainscope sample --rows 1000000 --output big.csv
              chainscope sample --rows 500 --encoding gb18030 --output gbk.csv
            """
    )

    @Option(name: .long, help: "How many rows.")
    var rows: Int = 10_000

    @Option(name: .long, help: "The seed: the same seed and row count always give the same file.")
    var seed: UInt64 = 2022

    @Option(name: .long, help: "utf-8, gb18030 or utf-16.")
    var encoding: String = "utf-8"

    @Option(name: [.short, .long], help: "The export to write.", completion: .file())
    var output: String = "hangzhou-sample.csv"

    @Option(name: .long, help: "Also write the ground-truth labels here.", completion: .file())
    var labels: String?

    /// Refusals at parse time, so that ArgumentParser shows this command's usage with them.
    func validate() throws {
        // `import` refuses an export with a header and no rows, so a sample has at least one.
        guard rows >= 1 else { throw ValidationError("--rows must be at least 1, not \(rows)") }
        guard textEncoding != nil else {
            throw ValidationError("--encoding \(encoding) is not known; use utf-8, gb18030 or utf-16")
        }
        if let labels, Self.sameFile(labels, output) {
            throw ValidationError("--labels \(labels) is the file --output writes; name another for the labels")
        }
    }

    /// The encoding named by `--encoding`; nil when it is not one a sample is written in.
    private var textEncoding: TextEncoding? { TextEncoding.named(encoding) ?? nil }

    func run() async throws {
        guard let textEncoding else { throw ValidationError("--encoding \(encoding) is not known") }
        let regions = try RegionTableReader().readBuiltin()
        let writer = SampleWriter(generator: SampleGenerator(seed: seed, regions: regions))
        try await CommandError.reporting(in: nil) { () async throws(CommandError) in
            // Written beside and renamed over the paths once whole: an interrupted run leaves no half file to import.
            let file = try OutputFile(output)
            let labelFile = try labels.map { path throws(CommandError) in try OutputFile(path) }
            let summary: SampleWriter.Summary
            do {
                summary = try writer.write(
                    rows: rows, encoding: textEncoding, output: { try file.write($0) },
                    labels: labelFile.map { labelFile in { try labelFile.write($0) } })
            } catch let error as CommandError {
                throw error
            } catch {
                throw OutputFile.failure(output, "\(error)")
            }
            try file.commit()
            try labelFile?.commit()
            let note =
                "Wrote \(counted(summary.rows, "synthetic row")) (\(counted(summary.aiCompanies, "AI company", "AI companies")), "
                + "\(counted(summary.flawedRows, "flawed row"))) to \(output), \(summary.bytes) bytes"
                + (labels.map { "; labels in \($0)" } ?? "") + "\n"
            FileHandle.standardError.write(Data(note.utf8))
        }
    }

    /// `count` with its noun, singular for one.
    private func counted(_ count: Int, _ noun: String, _ plural: String? = nil) -> String {
        "\(count) \(count == 1 ? noun : plural ?? noun + "s")"
    }

    /// Whether two paths name one file (after `..`, `.` and symbolic links).
    static func sameFile(_ first: String, _ second: String) -> Bool {
        func resolved(_ path: String) -> String { URL(fileURLWithPath: path).resolvingSymlinksInPath().path }
        return resolved(first) == resolved(second)
    }
}
