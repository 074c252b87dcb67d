extension MemberCounts.EarlierFacts {
    /// One side of the pairs of a history entry (a JSON object of `column: [before, after]`, as `CompanyRow.changes`
    /// records them) whose column is one of `columns`, read on the entry's bytes: the other columns (a changed row's
    /// raw cells) and the other side are skipped without being decoded. `JSONDecoder` into a struct of these columns
    /// was 13% of an as-of report's time over 99,605 companies of which 39,842 had changed. A count reads one side of
    /// each pair: keeping both held twice the text it needs for every changed company. Throws on text that is not
    /// such an object.
    public struct CountedChanges {
        /// The columns read: the facts a count uses and the inputs of a classification.
        public static let columns: [String] = [
            "founded", "region", "status", "capital_amount", "capital_currency", "name_zh", "name_en",
            "business_scope", "industry_name",
        ]
        private static let columnBytes = columns.map { Array($0.utf8) }

        /// Text that is not a JSON object of arrays of strings and nulls, from the byte at `offset`.
        public struct Malformed: Error {
            public let offset: Int
        }

        /// A side of a `[before, after]` pair.
        public enum Side: Int, Sendable {
            case before = 0
            case after = 1
        }

        private let bytes: UnsafeBufferPointer<UInt8>
        private let side: Side
        private var index = 0

        /// The `side` values of the entry's pairs of `columns` (those with two values), by column. Only that side's
        /// strings are decoded: a bad escape in the other is not noticed.
        public static func values(in json: String, at side: Side) throws(Malformed) -> [String: String?] {
            var json = json
            let read: Result<[String: String?], Malformed> = json.withUTF8 { bytes in
                var reader = CountedChanges(bytes: bytes, side: side)
                do throws(Malformed) { return .success(try reader.object()) } catch { return .failure(error) }
            }
            return try read.get()
        }

        private init(bytes: UnsafeBufferPointer<UInt8>, side: Side) {
            self.bytes = bytes
            self.side = side
        }

        private mutating func object() throws(Malformed) -> [String: String?] {
            var values: [String: String?] = [:]
            try expect(UInt8(ascii: "{"))
            if !consume(UInt8(ascii: "}")) {
                repeat {
                    let column = try key()
                    try expect(UInt8(ascii: ":"))
                    if let column {
                        let (count, value) = try sideOfPair()
                        if count == 2 { values[Self.columns[column]] = .some(value) }
                    } else {
                        try skipValue()
                    }
                } while consume(UInt8(ascii: ","))
                try expect(UInt8(ascii: "}"))
            }
            skipSpace()
            guard index == bytes.count else { throw Malformed(offset: index) }
            return values
        }

        /// The index in `columns` of the next key, nil for another column.
        private mutating func key() throws(Malformed) -> Int? {
            skipSpace()
            let start = index + 1
            let hasEscape = try skipString()
            if hasEscape {
                guard let text = String(validating: try unescaped(from: start), as: UTF8.self) else {
                    throw Malformed(offset: start)
                }
                return Self.columns.firstIndex(of: text)
            }
            let key = UnsafeBufferPointer(rebasing: bytes[start..<(index - 1)])
            return Self.columnBytes.firstIndex { $0.elementsEqual(key) }
        }

        /// An array of strings and nulls: how many it holds, and the one at `side` decoded (nil when null or absent).
        private mutating func sideOfPair() throws(Malformed) -> (count: Int, value: String?) {
            var count = 0
            var value: String?
            try expect(UInt8(ascii: "["))
            if consume(UInt8(ascii: "]")) { return (0, nil) }
            repeat {
                defer { count += 1 }
                skipSpace()
                if consumeLiteral("null") { continue }
                let start = index + 1
                let hasEscape = try skipString()
                guard count == side.rawValue else { continue }
                let text =
                    hasEscape
                    ? String(validating: try unescaped(from: start), as: UTF8.self)
                    : String(validating: UnsafeBufferPointer(rebasing: bytes[start..<(index - 1)]), as: UTF8.self)
                guard let text else { throw Malformed(offset: start) }
                value = text
            } while consume(UInt8(ascii: ","))
            try expect(UInt8(ascii: "]"))
            return (count, value)
        }

        /// Skips any JSON value.
        private mutating func skipValue() throws(Malformed) {
            skipSpace()
            guard index < bytes.count else { throw Malformed(offset: index) }
            switch bytes[index] {
            case UInt8(ascii: "\""): _ = try skipString()
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                let close = bytes[index] == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}")
                let isObject = close == UInt8(ascii: "}")
                index += 1
                if consume(close) { return }
                repeat {
                    if isObject {
                        skipSpace()
                        _ = try skipString()
                        try expect(UInt8(ascii: ":"))
                    }
                    try skipValue()
                } while consume(UInt8(ascii: ","))
                try expect(close)
            default:
                // A number, true, false or null: the bytes up to the next delimiter.
                let start = index
                while index < bytes.count, !Self.isSpace(bytes[index]), !Self.closers.contains(bytes[index]) {
                    index += 1
                }
                guard index > start else { throw Malformed(offset: start) }
            }
        }

        private static let closers: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}")]

        /// Moves past the string that starts at `index` and says whether it has an escape.
        private mutating func skipString() throws(Malformed) -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw Malformed(offset: index) }
            index += 1
            var hasEscape = false
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\""):
                    index += 1
                    return hasEscape
                case UInt8(ascii: "\\"):
                    hasEscape = true
                    index += 2
                case 0..<0x20: throw Malformed(offset: index)
                default: index += 1
                }
            }
            throw Malformed(offset: index)
        }

        /// The text of the string whose content starts at `start` and ends before `index - 1`, unescaped; a bad
        /// escape is refused at its backslash.
        private func unescaped(from start: Int) throws(Malformed) -> [UInt8] {
            var text: [UInt8] = []
            var position = start
            let end = index - 1
            while position < end {
                guard bytes[position] == UInt8(ascii: "\\") else {
                    text.append(bytes[position])
                    position += 1
                    continue
                }
                let escape = position
                let letter = bytes[position + 1]
                position += 2
                switch letter {
                case UInt8(ascii: "n"): text.append(0x0A)
                case UInt8(ascii: "r"): text.append(0x0D)
                case UInt8(ascii: "t"): text.append(0x09)
                case UInt8(ascii: "b"): text.append(0x08)
                case UInt8(ascii: "f"): text.append(0x0C)
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(letter)
                case UInt8(ascii: "u"):
                    guard let scalar = scalar(at: &position, end: end) else { throw Malformed(offset: escape) }
                    text.append(contentsOf: String(Character(scalar)).utf8)
                default: throw Malformed(offset: escape)
                }
            }
            return text
        }

        /// The scalar of a `\u` escape whose digits start at `position`, with the low half of a surrogate pair.
        private func scalar(at position: inout Int, end: Int) -> Unicode.Scalar? {
            guard var value = hex(at: &position, end: end) else { return nil }
            if (0xD800..<0xDC00).contains(value), position + 1 < end, bytes[position] == UInt8(ascii: "\\"),
                bytes[position + 1] == UInt8(ascii: "u")
            {
                position += 2
                guard let low = hex(at: &position, end: end), (0xDC00..<0xE000).contains(low) else { return nil }
                value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
            }
            return Unicode.Scalar(value)
        }

        private func hex(at position: inout Int, end: Int) -> UInt32? {
            guard position + 4 <= end else { return nil }
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let digit = Self.hexValue(bytes[position]) else { return nil }
                value = value << 4 | UInt32(digit)
                position += 1
            }
            return value
        }

        private static func hexValue(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
            default: nil
            }
        }

        private static func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
        }

        private mutating func skipSpace() {
            while index < bytes.count, Self.isSpace(bytes[index]) { index += 1 }
        }

        private mutating func consume(_ byte: UInt8) -> Bool {
            skipSpace()
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        private mutating func consumeLiteral(_ literal: StaticString) -> Bool {
            let count = literal.utf8CodeUnitCount
            guard index + count <= bytes.count,
                UnsafeBufferPointer(start: literal.utf8Start, count: count).elementsEqual(
                    bytes[index..<(index + count)])
            else { return false }
            index += count
            return true
        }

        private mutating func expect(_ byte: UInt8) throws(Malformed) {
            guard consume(byte) else { throw Malformed(offset: index) }
        }
    }
}
