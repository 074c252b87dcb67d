public import Foundation

/// Prints an HTML report to PDF with headless Chromium, which lays out CJK text with the system's
/// fonts (fonts-noto-cjk) and keeps the SVG charts as vectors.
public struct PDFPrinter: Sendable {
    static let candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]

    /// `CHAINSCOPE_CHROMIUM` from `environment`, else the first Chromium installed in the usual places.
    let environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    func executable() throws(ReportError) -> String {
        let configured = environment["CHAINSCOPE_CHROMIUM"].flatMap { $0.isEmpty ? nil : $0 }
        let found = configured.map { [$0] } ?? Self.candidates
        guard let chromium = found.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            let looked =
                configured.map { "CHAINSCOPE_CHROMIUM=\($0) is not an executable" } ?? "Chromium is not installed"
            throw ReportError(
                .chromiumMissing,
                "A PDF is printed by headless Chromium, but \(looked): run apt-get install -y chromium fonts-noto-cjk "
                    + "(or set CHAINSCOPE_CHROMIUM to its path), or write the report as HTML.")
        }
        return chromium
    }

    /// Prints `html` to the PDF file at `output`.
    public func print(html: String, to output: String) throws(ReportError) {
        let chromium = try executable()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chainscope-pdf-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("report.html")
        let target = URL(fileURLWithPath: output).standardizedFileURL
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try html.write(to: page, atomically: true, encoding: .utf8)
            try? FileManager.default.removeItem(at: target)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: chromium)
            process.arguments = [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
                "--print-to-pdf=\(target.path)", page.absoluteString,
            ]
            let errors = Pipe()
            process.standardOutput = FileHandle.nullDevice
            process.standardError = errors
            try process.run()
            let message = errors.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: target.path) else {
                let detail = String(decoding: message, as: UTF8.self).split(separator: "\n").suffix(3)
                    .joined(separator: "\n")
                throw ReportError(.printFailed, "Chromium could not print the PDF (\(chromium)):\n\(detail)")
            }
        } catch let error as ReportError {
            throw error
        } catch {
            throw ReportError(.cannotWrite, "Cannot write \(output): \(error.localizedDescription)")
        }
    }

    /// Prints `html` and returns the PDF's bytes.
    public func pdf(html: String) throws(ReportError) -> Data {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chainscope-pdf-out-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("report.pdf")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw ReportError(.cannotWrite, "Cannot make a working folder for the PDF: \(error.localizedDescription)")
        }
        try print(html: html, to: file.path)
        do {
            return try Data(contentsOf: file)
        } catch {
            throw ReportError(.cannotWrite, "Cannot read the printed PDF back: \(error.localizedDescription)")
        }
    }
}

/// A report that could not be made, in words safe to show.
public struct ReportError: Error, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable {
        enum Kind { case chromiumMissing, printFailed, cannotWrite }
        let kind: Kind
        /// Headless Chromium, which prints PDFs, is not installed.
        public static let chromiumMissing = Code(kind: .chromiumMissing)
        public static let printFailed = Code(kind: .printFailed)
        public static let cannotWrite = Code(kind: .cannotWrite)
    }

    public let code: Code
    public let description: String

    public init(_ code: Code, _ description: String) {
        self.code = code
        self.description = description
    }
}
