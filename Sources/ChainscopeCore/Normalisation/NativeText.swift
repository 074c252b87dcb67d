import Foundation

/// String operations on UTF-8 bytes, for the import's hot path: Foundation's equivalents bridge
/// through NSString on Linux, and generic substring search walks characters; both dominated the
/// import's profile. Byte search is exact for valid UTF-8 text, which every decoded string is.
extension StringProtocol {
    /// Without leading and trailing white space and line breaks.
    public var trimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isSpace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.isSpace })!
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return String(self) }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[first...last])
        return String(result)
    }

    /// Whether both texts are the same bytes. `==` compares canonical equivalence, which for text
    /// not known to be NFC walks normalisation data, and calls two spellings of one text equal.
    public func hasSameBytes(as other: some StringProtocol) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        // One `memcmp` where both are contiguous (native strings are): the generic comparison walks the
        // views byte by byte, and the import compares a business scope's hundreds of bytes in every row.
        let compared = utf8.withContiguousStorageIfAvailable { mine in
            other.utf8.withContiguousStorageIfAvailable { theirs in
                mine.isEmpty || memcmp(mine.baseAddress!, theirs.baseAddress!, mine.count) == 0
            }
        }
        return (compared ?? nil) ?? utf8.elementsEqual(other.utf8)
    }

    /// Whether the text holds a NUL character, found with `memchr` where the text is contiguous.
    public var containsNUL: Bool {
        let found = utf8.withContiguousStorageIfAvailable { bytes in
            !bytes.isEmpty && memchr(bytes.baseAddress!, 0, bytes.count) != nil
        }
        return found ?? utf8.contains(0)
    }

    /// Whether the text's last bytes are `suffix`'s (`hasSuffix` walks characters, for every row).
    public func hasByteSuffix(_ suffix: String) -> Bool {
        utf8.count >= suffix.utf8.count && utf8.reversed().starts(with: suffix.utf8.reversed())
    }

    /// Whether `other` occurs in this text.
    public func includes(_ other: String) -> Bool { byteOffset(of: other) != nil }

    /// The byte offset of the first occurrence of `other`.
    public func byteOffset(of other: String) -> Int? {
        var needle = other
        return needle.withUTF8 { pattern -> Int? in
            guard let first = pattern.first else { return 0 }
            let search = { (text: UnsafeBufferPointer<UInt8>) -> Int? in
                guard text.count >= pattern.count else { return nil }
                var index = 0
                let last = text.count - pattern.count
                while index <= last {
                    if text[index] == first {
                        var matched = 1
                        while matched < pattern.count && text[index + matched] == pattern[matched] { matched += 1 }
                        if matched == pattern.count { return index }
                    }
                    index += 1
                }
                return nil
            }
            if let result = utf8.withContiguousStorageIfAvailable(search) { return result }
            return Array(utf8).withUnsafeBufferPointer(search)
        }
    }
}

extension Unicode.Scalar {
    /// `properties.isWhitespace`, answered without the Unicode tables for the scalars registry text is
    /// made of: ASCII, and the CJK blocks from U+3001, none of which is white space.
    var isSpace: Bool {
        switch value {
        case 0x09...0x0D, 0x20: true
        case 0..<0x80, 0x3001..<0xFEFF: false
        default: properties.isWhitespace
        }
    }
}
