import Foundation

/// Reads a text file in chunks and hands out its content as UTF-8 bytes, cut at line ends so that no
/// character is split. Bytes that do not decode stop the read with an error naming the line and
/// the encoding to try, or saying that the file was cut short inside a character; so does text that already
/// holds U+FFFD, the mark of an earlier bad decode.
struct DecodedChunks {
    let file: String
    let encoding: TextEncoding
    /// The file's first bytes, which detection read and from which the encodings to suggest are chosen.
    let sample: Data
    private let handle: FileHandle
    private var pending = Data()
    private var isAtEnd = false
    private var bomLength: Int
    /// Whether UTF-8 is handed out unchecked, for a reader that validates it on several threads
    /// (`CSVChunkParser`); other encodings are always checked while they are converted.
    let defersUTF8Validation: Bool
    /// Lines handed out so far, for error locations (not counted when validation is deferred).
    private(set) var linesBefore = 0
    private(set) var bytesRead = 0
    /// How much to read at a time.
    let chunkSize: Int

    init(
        url: URL, displayName: String, encoding requested: TextEncoding?, defersUTF8Validation: Bool = false,
        chunkSize: Int = 1 << 20
    ) throws(IngestError) {
        file = displayName
        self.chunkSize = chunkSize
        self.defersUTF8Validation = defersUTF8Validation
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw IngestError(.unreadable(error), at: .init(file: displayName), underlying: error)
        }
        let head = try Self.read(handle, upToCount: 65_536, file: displayName)
        let (detected, bom) = TextEncoding.detect(head)
        // Asked for UTF-16, a byte-order mark says which byte order: the other would read every character swapped.
        let isOrderMarked = requested?.isUTF16 == true && detected.isUTF16
        encoding = isOrderMarked ? detected : requested ?? detected
        bomLength = requested == nil || encoding == detected ? bom : 0
        sample = head
        pending = head
        bytesRead = head.count
    }

    /// The next piece of text as UTF-8 bytes, or nil at the end of the file.
    mutating func next() throws(IngestError) -> [UInt8]? {
        while !isAtEnd && pending.count < chunkSize {
            let more = try Self.read(handle, upToCount: chunkSize, file: file)
            guard !more.isEmpty else {
                isAtEnd = true
                break
            }
            pending.append(more)
            bytesRead += more.count
        }
        if bomLength > 0 {
            pending.removeFirst(bomLength)
            bomLength = 0
        }
        guard !pending.isEmpty else { return nil }
        let cut = isAtEnd ? pending.count : lineCut(pending)
        let piece = pending.prefix(cut)
        pending = Data(pending.dropFirst(cut))
        if defersUTF8Validation && encoding == .utf8 { return [UInt8](piece) }
        let bytes = try decode(Data(piece), isLast: isAtEnd)
        linesBefore += bytes.lazy.filter { $0 == 0x0A }.count
        return bytes
    }

    /// Up to `count` more bytes, none at the end of the file. A read that fails (a folder, a disk or network
    /// error) refuses the file rather than ending it early, which would store part of it as if whole.
    private static func read(_ handle: FileHandle, upToCount count: Int, file: String) throws(IngestError) -> Data {
        do {
            return try handle.read(upToCount: count) ?? Data()
        } catch {
            throw IngestError(.unreadable(error), at: .init(file: file), underlying: error)
        }
    }

    /// Where to cut so that the piece ends after a line feed; the whole buffer if it has none.
    private func lineCut(_ data: Data) -> Int {
        switch encoding {
        case .utf8, .gb18030:
            // 0x0A is never part of a multi-byte UTF-8 or GB18030 character.
            guard let index = data.lastIndex(of: 0x0A) else { return data.count }
            return data.distance(from: data.startIndex, to: index) + 1
        case .utf16LittleEndian, .utf16BigEndian:
            let bytes = [UInt8](data)
            var index = bytes.count - bytes.count % 2 - 2
            while index >= 0 {
                let unit =
                    encoding == .utf16LittleEndian ? (bytes[index], bytes[index + 1]) : (bytes[index + 1], bytes[index])
                if unit == (0x0A, 0) { return index + 2 }
                index -= 2
            }
            return bytes.count - bytes.count % 2
        }
    }

    /// `data` as UTF-8; `isLast` when it ends the file, which must then not end inside a character.
    private func decode(_ data: Data, isLast: Bool) throws(IngestError) -> [UInt8] {
        // Foundation reads an odd last byte of UTF-16 as nothing.
        if isLast && encoding.isUTF16 && data.count % 2 == 1 { throw undecodable(data, isLast: true) }
        if encoding == .utf8 {
            // UTF-8 needs no conversion: validate the bytes and look for U+FFFD (EF BF BD) in place.
            let bytes = [UInt8](data)
            guard Self.isValidUTF8(bytes) else { throw undecodable(data, isLast: isLast) }
            guard let bad = Self.replacementCharacterOffset(bytes) else { return bytes }
            throw replacementCharacter(line: linesBefore + bytes[..<bad].lazy.filter { $0 == 0x0A }.count + 1)
        }
        guard let text = String(data: data, encoding: encoding.foundation) else {
            throw undecodable(data, isLast: isLast)
        }
        if let bad = text.firstIndex(of: "\u{FFFD}") {
            let line = linesBefore + text[..<bad].filter { $0 == "\n" || $0 == "\r\n" }.count + 1
            throw replacementCharacter(line: line)
        }
        return Array(text.utf8)
    }

    private func replacementCharacter(line: Int) -> IngestError { Self.replacementCharacter(file: file, line: line) }

    static func replacementCharacter(file: String, line: Int) -> IngestError {
        IngestError(.replacementCharacter, at: .init(file: file, line: line))
    }

    /// Whether the bytes are well-formed UTF-8 (no overlong forms, surrogates or values past U+10FFFF).
    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            while index < buffer.count {
                guard let length = sequenceLength(buffer, at: index) else { return false }
                index += length
            }
            return true
        }
    }

    /// The length of the well-formed UTF-8 sequence starting at `index`, or nil.
    @inline(__always)
    static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let lead = bytes[index]
        if lead < 0x80 { return 1 }
        var (low, high): (UInt8, UInt8) = (0x80, 0xBF)
        let length: Int
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: (length, low) = (3, 0xA0)
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: (length, high) = (3, 0x9F)
        case 0xF0: (length, low) = (4, 0x90)
        case 0xF1...0xF3: length = 4
        case 0xF4: (length, high) = (4, 0x8F)
        default: return nil
        }
        guard index + length <= bytes.count, bytes[index + 1] &- low <= high &- low else { return nil }
        if length > 2 && bytes[index + 2] & 0xC0 != 0x80 { return nil }
        if length > 3 && bytes[index + 3] & 0xC0 != 0x80 { return nil }
        return length
    }

    /// The offset of the first U+FFFD (EF BF BD), if any.
    static func replacementCharacterOffset(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 3 else { return nil }
        for index in 0...(bytes.count - 3)
        where bytes[index] == 0xEF && bytes[index + 1] == 0xBF && bytes[index + 2] == 0xBD {
            return index
        }
        return nil
    }

    /// Why `data` does not decode: the file ends inside a character, or it holds bytes that are not the encoding.
    private func undecodable(_ data: Data, isLast: Bool) -> IngestError {
        // A file cut short reads as text in its encoding up to the cut; another file may end as if it were.
        if isLast, encoding.readsAsText(sample), let cut = encoding.incompleteEnd(of: data) {
            let whole = encoding.decoded(data.dropLast(cut)) ?? ""
            let lines = whole.utf8.lazy.filter { $0 == 0x0A }.count
            return Self.truncated(file: file, line: linesBefore + lines + 1, encoding: encoding)
        }
        return Self.undecodable(
            file: file, line: linesBefore + goodPrefixLines(data) + 1, encoding: encoding, sample: sample)
    }

    static func undecodable(file: String, line: Int, encoding: TextEncoding, sample: Data) -> IngestError {
        let others = encoding.alternatives(for: sample).map(\.rawValue)
        return IngestError(.undecodable(encoding, others: others), at: .init(file: file, line: line))
    }

    static func truncated(file: String, line: Int?, encoding: TextEncoding) -> IngestError {
        IngestError(.truncatedCharacter(encoding), at: .init(file: file, line: line))
    }

    /// Lines before the first line that fails to decode, for the error location.
    private func goodPrefixLines(_ data: Data) -> Int {
        guard encoding == .utf8 || encoding == .gb18030 else { return 0 }
        var lines = 0
        var start = data.startIndex
        while let end = data[start...].firstIndex(of: 0x0A) {
            let line = Data(data[start...end])
            let ok =
                encoding == .utf8
                ? String(validating: [UInt8](line), as: UTF8.self) != nil
                : String(data: line, encoding: encoding.foundation) != nil
            guard ok else { break }
            lines += 1
            start = data.index(after: end)
        }
        return lines
    }
}
