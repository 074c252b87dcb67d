public import Foundation

/// A folder that exists for one test and is removed afterwards.
public struct TemporaryFolder: Sendable {
    public let url: URL

    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("chainscope-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// A path inside the folder.
    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Copies a folder in, returning the copy.
    public func copy(_ folder: URL, as name: String) throws -> URL {
        let target = url.appendingPathComponent(name)
        try FileManager.default.copyItem(at: folder, to: target)
        return target
    }

    public func remove() { try? FileManager.default.removeItem(at: url) }
}

extension URL {
    /// Replaces the first occurrence of `old` with `new` in the file, failing when `old` is absent.
    public func replace(_ old: String, with new: String) throws {
        let text = try String(contentsOf: self, encoding: .utf8)
        guard let range = text.range(of: old) else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "'\(old)' not in \(path)"])
        }
        try text.replacingCharacters(in: range, with: new).write(to: self, atomically: true, encoding: .utf8)
    }
}
