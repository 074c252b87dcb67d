import Foundation

/// Prints an HTML report to PDF with headless Chromium, which lays out CJK text with the system's
/// fonts (fonts-noto-cjk) and keeps the SVG charts as vectors.
struct PDFPrinter {
    static let candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]

    /// `CHAINSCOPE_CHROMIUM`, else the first Chromium installed in the usual places.
    static func executable() throws(CommandError) -> String {
        let configured = ProcessInfo.processInfo.environment["CHAINSCOPE_CHROMIUM"].flatMap { $0.isEmpty ? nil : $0 }
        let found = configured.map { [$0] } ?? candidates
        guard let chromium = found.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            let looked =
                configured.map { "CHAINSCOPE_CHROMIUM=\($0) is not an executable" } ?? "Chromium is not installed"
            throw CommandError(
                "A PDF is printed by headless Chromium, but \(looked): run apt-get install -y chromium fonts-noto-cjk "
                    + "(or set CHAINSCOPE_CHROMIUM to its path), or write --format html.", exitCode: 69)
        }
        return chromium
    }

    func print(html: String, to output: String) throws(CommandError) {
        let chromium = try Self.executable()
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
                throw CommandError("Chromium could not print the PDF (\(chromium)):\n\(detail)", exitCode: 70)
            }
        } catch let error as CommandError {
            throw error
        } catch {
            throw CommandError("Cannot write \(output): \(error.localizedDescription)", exitCode: 74)
        }
    }
}
