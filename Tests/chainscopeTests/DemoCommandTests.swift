import Foundation
import Testing

@testable import chainscope

/// Runs the built `chainscope` binary as a user would.
struct CommandRun {
    let status: Int32
    let output: String
    let errors: String

    static var binary: URL {
        let here = URL(fileURLWithPath: #filePath)
        let root = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("chainscope"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("chainscope"),
            root.appendingPathComponent(".build/debug/chainscope"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[2]
    }

    init(_ arguments: [String], environment: [String: String] = [:]) throws {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("CHAINSCOPE_") }
            .merging(environment) { _, new in new }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        status = process.terminationStatus
        self.output = String(decoding: outputData, as: UTF8.self)
        self.errors = String(decoding: errorData, as: UTF8.self)
    }
}

@Suite("chainscope demo", .serialized)
struct DemoCommandTests {
    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chainscope-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test(
        "Prints the overview in each language",
        arguments: [("ko", "2,072억 위안"), ("zh", "2072亿元"), ("en", "207.2 billion yuan")])
    func overview(language: String, figure: String) throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CommandRun([
            "demo", "--lang", language, "--database", folder.appendingPathComponent("d.sqlite").path,
        ])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains(figure))
        for reference in 1...17 { #expect(run.output.contains("R\(reference) "), "R\(reference)") }
        #expect(run.errors.isEmpty)
    }

    @Test("Runs twice on the same database with the same output; language and database from the environment")
    func twice() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = [
            "CHAINSCOPE_DATABASE": folder.appendingPathComponent("env.sqlite").path, "CHAINSCOPE_LANG": "en",
        ]
        let first = try CommandRun(["demo"], environment: environment)
        let second = try CommandRun(["demo"], environment: environment)
        #expect(first.status == 0 && second.status == 0, "\(first.errors) \(second.errors)")
        #expect(first.output == second.output)
        #expect(first.output.contains("10,320 companies"))
        // The sample is classified on import: members and layers are counted, the same on the second run.
        let members = try #require(first.output.split(separator: "\n").first { $0.contains("classified companies") })
        #expect(members.contains("are in the AI industry chain (Foundation layer "), "\(members)")
        #expect(!members.hasPrefix("■ 0 of"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("env.sqlite").path))
        let flagged = try CommandRun(["demo", "--lang", "zh"], environment: environment)
        #expect(flagged.output.contains("10,320家"))
    }

    @Test("A malformed dataset fails with where and what, and leaves the database as it was")
    func malformedDataset() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("d.sqlite").path
        let good = try CommandRun(["demo", "--lang", "en", "--database", database])
        #expect(good.status == 0)
        let broken = folder.appendingPathComponent("broken")
        let builtin = try #require(Self.builtinDataset)
        try FileManager.default.copyItem(at: builtin, to: broken)
        let facts = broken.appendingPathComponent("facts.yaml")
        let text = try String(contentsOf: facts, encoding: .utf8).replacingOccurrences(
            of: "value: 10320", with: "value: lots")
        try text.write(to: facts, atomically: true, encoding: .utf8)
        let bad = try CommandRun(["demo", "--dataset", broken.path, "--lang", "en", "--database", database])
        #expect(bad.status == 65)
        #expect(bad.errors.contains("facts.yaml:"))
        #expect(bad.errors.contains("'lots'"))
        #expect(bad.errors.contains("database was not changed"))
        let again = try CommandRun(["demo", "--lang", "en", "--database", database])
        #expect(again.output == good.output)
    }

    @Test("A database that cannot be opened is an I/O error with a hint")
    func unopenableDatabase() throws {
        let run = try CommandRun(["demo", "--database", "/nonexistent-folder/demo.sqlite"])
        #expect(run.status == 74)
        #expect(run.errors.contains("/nonexistent-folder/demo.sqlite"))
        #expect(run.errors.contains("--database"))
        #expect(run.output.isEmpty)
    }

    @Test("A bad language is a usage error")
    func badLanguage() throws {
        let run = try CommandRun(["demo", "--lang", "fr"])
        #expect(run.status == 64)
        #expect(run.errors.contains("ko"))
        let environment = try CommandRun(["demo"], environment: ["CHAINSCOPE_LANG": "fr"])
        #expect(environment.status == 64)
        #expect(environment.errors.contains("CHAINSCOPE_LANG"))
    }

    @Test("--version prints one line a bug report can quote, and the root help lists the flag")
    func version() throws {
        let run = try CommandRun(["--version"])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.wholeMatch(of: /chainscope \d+\.\d+\.\d+\n/) != nil, "\(run.output)")
        #expect(try CommandRun(["--help"]).output.contains("--version"))
    }

    @Test("Every command's help gives an example, with no stray backslash, broken example or line over 80 columns")
    func helpText() throws {
        var commands: [[String]] = [[]]
        var next = 0
        while next < commands.count {
            let command = commands[next]
            next += 1
            let run = try CommandRun(command + ["--help"])
            let name = (["chainscope"] + command + ["--help"]).joined(separator: " ")
            #expect(run.status == 0, "\(name)")
            let stray = run.output.split(separator: "\n").filter { $0.hasSuffix("\\") }
            #expect(stray.isEmpty, "\(name): \(stray)")
            // ArgumentParser wraps by characters, and a Chinese character takes two columns of a terminal.
            let wide = run.output.split(separator: "\n").filter {
                !$0.hasPrefix("USAGE:") && String($0).terminalColumns > 80
            }
            #expect(wide.isEmpty, "\(name): \(wide)")
            // An example longer than the help's 80 columns is wrapped, and the wrapped part cannot be pasted.
            let examples = Self.lines(after: "Examples:", in: run.output)
            let wrapped = examples.filter { !$0.hasPrefix("  ") }
            #expect(wrapped.isEmpty, "\(name): \(wrapped)")
            let invocation = (["  chainscope"] + command).joined(separator: " ")
            #expect(examples.contains { $0 == invocation || $0.hasPrefix(invocation + " ") }, "\(name) has no example")
            commands += Self.subcommands(listedIn: run.output).map { command + [$0] }
        }
        // The root, its twelve commands, and the commands of `db`, `quarantine` and `taxonomy`.
        #expect(commands.count >= 20)
    }

    /// The names a help text lists under SUBCOMMANDS.
    static func subcommands(listedIn help: String) -> [String] {
        lines(after: "SUBCOMMANDS:", in: help).compactMap { line in
            line.hasPrefix("  ") && !line.hasPrefix("   ") ? line.split(separator: " ").first.map(String.init) : nil
        }
    }

    /// The lines of a help text's section headed `heading`, up to the first empty line.
    static func lines(after heading: Substring, in help: String) -> [Substring] {
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(of: heading) else { return [] }
        return Array(lines[(start + 1)...].prefix { !$0.isEmpty })
    }

    /// The built-in dataset folder in the source tree.
    static var builtinDataset: URL? {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return root.appendingPathComponent("Resources/Datasets/hangzhou-ai-2022")
    }
}
