import Foundation

/// A workbook's shared strings, kept as runs of UTF-8 and where each string ends: a `String` each cost about as
/// much again as their text (a 200,000-row workbook's table took 105 MiB that way).
///
/// The first `memoryLimit` bytes of text stay in memory; the rest goes to a temporary file, removed from its
/// folder as soon as it is made, and is read back a block at a time. A million-row workbook's table holds about
/// 300 MB of text, which would take an import past its memory goal; its strings are numbered in the order the
/// writer first met them, so a sheet asks for the spilled ones nearly in order and a few cached blocks serve it.
struct SharedStrings {
    /// Bytes of text kept in memory before the rest is spilled.
    static let defaultMemoryLimit = 16 << 20
    /// Bytes read from the file at a time.
    static let defaultBlockSize = 64 << 10

    private let memoryLimit: Int
    private let blockSize: Int
    private var bytes: [UInt8] = []
    /// Where each string ends, counted from the start of its group of `groupSize` strings (`groupBases`): `UInt32`s
    /// take half the room of `Int`s, and a group of strings each shorter than `longest` spans less than 4 GiB.
    private var ends: [UInt32] = []
    private var groupBases: [Int] = [0]
    /// The text's length so far, in memory and spilled.
    private var length = 0
    private var spill: SpillFile?
    private let folder: String

    static let groupSize = 1 << 10
    /// Excel's cells hold 32,767 characters; no writer makes a shared string anywhere near this long.
    static let longest = 4 << 20

    var count: Int { ends.count }

    init(memoryLimit: Int = defaultMemoryLimit, blockSize: Int = defaultBlockSize, folder: String? = nil) {
        self.memoryLimit = memoryLimit
        self.blockSize = blockSize
        self.folder = folder ?? FileManager.default.temporaryDirectory.path
    }

    /// Adds text to the string being read.
    mutating func append(_ text: String) throws {
        var text = text
        let stringStart = count == 0 ? 0 : end(of: count - 1)
        guard length - stringStart + text.utf8.count < Self.longest else {
            throw SharedStringsError.tooLong(index: count)
        }
        if spill == nil && length + text.utf8.count > memoryLimit {
            // The string being read moves to the file with all that follows, so that each string lies in one place.
            let file = try SpillFile(folder: folder, start: stringStart)
            try bytes[stringStart...].withUnsafeBufferPointer { try file.append($0) }
            bytes.removeSubrange(stringStart...)
            spill = file
        }
        if let spill {
            try text.withUTF8 { try spill.append($0) }
        } else {
            bytes += text.utf8
        }
        length += text.utf8.count
    }

    /// Ends the string being read.
    mutating func endString() {
        if ends.count % Self.groupSize == 0 && !ends.isEmpty { groupBases.append(end(of: ends.count - 1)) }
        ends.append(UInt32(length - groupBases[groupBases.count - 1]))
    }

    /// The string at `index`, nil when there is none.
    mutating func string(at index: Int) throws -> String? {
        guard ends.indices.contains(index) else { return nil }
        let start = index == 0 ? 0 : end(of: index - 1)
        let end = end(of: index)
        guard let spill, end > bytes.count else { return String(decoding: bytes[start..<end], as: UTF8.self) }
        return try spill.text(start..<end, blockSize: blockSize)
    }

    private func end(of index: Int) -> Int { groupBases[index / Self.groupSize] + Int(ends[index]) }
}

/// Why the shared strings could not be kept.
enum SharedStringsError: Error {
    /// The temporary file could not be made, written or read; `operation` says which, `folder` where.
    case temporaryFile(operation: FileRefusal.TemporaryFileOperation, folder: String, errno: Int32)
    case tooLong(index: Int)
}

/// Text spilled to a temporary file, and the blocks of it read back most recently.
private final class SpillFile {
    private let descriptor: Int32
    private let folder: String
    /// Where the file's first byte is in the whole text.
    private let start: Int
    private var pending: [UInt8] = []
    private var written = 0
    private var cached: [(block: Int, bytes: [UInt8])] = []
    private var nextSlot = 0
    private static let cachedBlocks = 16

    init(folder: String, start: Int) throws {
        var template = Array((folder + "/chainscope-strings-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw SharedStringsError.temporaryFile(operation: .create, folder: folder, errno: errno)
        }
        // Gone from the folder at once, so that nothing is left behind however the import ends.
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        self.descriptor = descriptor
        self.folder = folder
        self.start = start
    }

    deinit { close(descriptor) }

    func append(_ text: UnsafeBufferPointer<UInt8>) throws {
        pending += text
        if pending.count >= 1 << 20 { try flush() }
    }

    /// The text between two offsets of the whole text, which lie in this file.
    func text(_ range: Range<Int>, blockSize: Int) throws -> String {
        if !pending.isEmpty { try flush() }
        guard !range.isEmpty else { return "" }
        let lower = range.lowerBound - start
        let upper = range.upperBound - start
        let block = lower / blockSize
        guard (upper - 1) / blockSize == block else {
            // Across two blocks: read it on its own, which one string in several hundred needs.
            return String(decoding: try read(at: lower, count: upper - lower), as: UTF8.self)
        }
        let bytes = try cachedBlock(block, size: blockSize)
        let offset = block * blockSize
        return String(decoding: bytes[(lower - offset)..<(upper - offset)], as: UTF8.self)
    }

    private func cachedBlock(_ block: Int, size: Int) throws -> [UInt8] {
        if let hit = cached.first(where: { $0.block == block }) { return hit.bytes }
        let bytes = try read(at: block * size, count: min(size, written - block * size))
        if cached.count < Self.cachedBlocks {
            cached.append((block, bytes))
        } else {
            cached[nextSlot] = (block, bytes)
            nextSlot = (nextSlot + 1) % Self.cachedBlocks
        }
        return bytes
    }

    private func read(at offset: Int, count: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let got = bytes.withUnsafeMutableBytes { buffer in
                pread(descriptor, buffer.baseAddress! + done, count - done, off_t(offset + done))
            }
            guard got > 0 else {
                throw SharedStringsError.temporaryFile(operation: .read, folder: folder, errno: got == 0 ? EIO : errno)
            }
            done += got
        }
        return bytes
    }

    private func flush() throws {
        var done = 0
        while done < pending.count {
            let wrote = pending.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress! + done, pending.count - done)
            }
            guard wrote > 0 else {
                throw SharedStringsError.temporaryFile(operation: .write, folder: folder, errno: errno)
            }
            done += wrote
        }
        written += pending.count
        pending.removeAll(keepingCapacity: true)
    }
}
