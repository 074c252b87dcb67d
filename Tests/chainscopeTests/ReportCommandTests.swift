import Foundation
import Testing

@Suite("chainscope report")
struct ReportCommandTests {
    /// A database with the built-in dataset and the demo's synthetic registry.
    struct Workspace {
        let folder: URL
        let database: String

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "chainscope-report-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            database = folder.appendingPathComponent("d.sqlite").path
            let demo = try CommandRun(["demo", "--database", database])
            #expect(demo.status == 0, "\(demo.errors)")
        }

        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    @Test("Markdown and HTML carry every reference figure and the registry sections with their footnotes")
    func markdownAndHTML() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let markdown = try CommandRun(["report", "--lang", "en", "--database", workspace.database])
        #expect(markdown.status == 0, "\(markdown.errors)")
        for reference in (1...17).map({ "**R\($0)**" }) { #expect(markdown.output.contains(reference), "\(reference)") }
        for text in [
            "## New registrations in the registry", "Jan–Oct 2022:", "## Layers and segments", "## Districts",
            "## Top segments and example companies", "chainscope explain CREDIT_CODE",
            "## Data quality", "Chainscope count over the registry: import #1 hangzhou-sample-synthetic.csv",
            "> **Registry figures come from synthetic sample data (not real companies).**",
        ] {
            #expect(markdown.output.contains(text), "\(text)")
        }
        let html = workspace.path("r.html")
        let written = try CommandRun([
            "report", "--lang", "zh", "--format", "html", "--output", html, "--database", workspace.database,
        ])
        #expect(written.status == 0 && written.output.isEmpty, "\(written.errors)")
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("<svg ") && page.contains("工商登记新增企业") && !page.contains("<script"))
    }

    @Test("--output (or -o) replaces a file whole, and writes through a symbolic link, which stays a link")
    func outputs() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let (file, link, target) = (workspace.path("r.md"), workspace.path("link.md"), workspace.path("target.md"))
        try "old".write(toFile: file, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        for (flag, output) in [("--output", file), ("-o", link)] {
            let run = try CommandRun(["report", "--lang", "en", flag, output, "--database", workspace.database])
            #expect(run.status == 0, "\(run.errors)")
        }
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("## Data quality"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == String(contentsOfFile: file, encoding: .utf8))
    }

    @Test("--as-of counts only imports taken by then: before the sample's snapshot there is no data, said so")
    func asOf() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let october = try CommandRun([
            "report", "--lang", "en", "--as-of", "2022-10-31", "--database", workspace.database,
        ])
        let earlier = try CommandRun([
            "report", "--lang", "en", "--as-of", "2021-12-31", "--database", workspace.database,
        ])
        #expect(october.status == 0 && earlier.status == 0, "\(october.errors)\(earlier.errors)")
        #expect(
            october.output.contains("Jan–Oct 2022:") && october.output.contains("companies founded by 31 October 2022"))
        #expect(earlier.output.contains("No data: no registry export taken by 31 December 2021 was imported."))
        #expect(!earlier.output.contains("new companies") && earlier.output.contains("**R9**"))
    }

    @Test("Unknown region, date, taxonomy or a PDF without a file: an error naming what to do")
    func badInput() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let region = try CommandRun(["report", "--region", "110000", "--lang", "en", "--database", workspace.database])
        #expect(region.status == 64 && region.errors.contains("regions with a dataset: 330100"), "\(region.errors)")
        let date = try CommandRun(["report", "--as-of", "2022-13-01", "--database", workspace.database])
        #expect(date.status == 64 && date.errors.contains("YYYY-MM-DD"), "\(date.errors)")
        let taxonomy = try CommandRun(["report", "--taxonomy", "nope", "--database", workspace.database])
        #expect(taxonomy.status == 65 && taxonomy.errors.contains("ai"), "\(taxonomy.errors)")
        let language = try CommandRun(["report", "--lang", "fr", "--database", workspace.database])
        #expect(language.status == 64 && language.errors.contains("ko"), "\(language.errors)")
        let pdf = try CommandRun(["report", "--format", "pdf", "--database", workspace.database])
        #expect(pdf.status == 64 && pdf.errors.contains("--output"), "\(pdf.errors)")
        let chromium = try CommandRun(
            ["report", "--format", "pdf", "--output", workspace.path("r.pdf"), "--database", workspace.database],
            environment: ["CHAINSCOPE_CHROMIUM": "/nonexistent/chromium"])
        #expect(chromium.status == 69 && chromium.errors.contains("apt-get install -y chromium"), "\(chromium.errors)")
    }

    static var canPrint: Bool {
        ProcessInfo.processInfo.environment["CI"] == "true"
            || (FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium")
                && FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext"))
    }

    @Test(
        "A PDF through headless Chromium: its text holds the figures in Korean, its pages the charts",
        .enabled(if: canPrint, "needs chromium and poppler-utils; scripts/test installs them"))
    func pdf() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        // Printed through a symbolic link, which stays one.
        let (file, link) = (workspace.path("r.pdf"), workspace.path("link.pdf"))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: file)
        let run = try CommandRun(
            [
                "report", "--lang", "ko", "--format", "pdf", "--output", link, "--as-of", "2022-10-31", "--database",
                workspace.database,
            ])
        #expect(run.status == 0, "\(run.errors)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == file)
        let text = try Self.tool("/usr/bin/pdftotext", ["-layout", file, "-"])
        for expected in ["R9", "1만 320개", "2,072억 위안", "등기부 신규 등록", "합성 샘플 데이터", "보안뉴스"] {
            #expect(text.contains(expected), "\(expected)")
        }
        let info = try Self.tool("/usr/bin/pdfinfo", [file])
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap {
            Int($0.split(separator: " ").last!)
        }
        #expect((4...12).contains(pages ?? 0), "\(info)")
    }

    static func tool(_ path: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
