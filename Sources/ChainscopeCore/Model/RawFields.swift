import Foundation

/// The cells of one imported row, kept beside its company so that nothing read is lost: a JSON array of
/// the digest of the row's header (`RawHeader`, which a store keeps once, not once per row), then each
/// cell in column order. It is built once while reading, on bytes: building a dictionary and encoding it
/// on the writing thread dominated the import's profile. The same row under the same header always gives
/// the same text.
///
/// A cell whose text a stored column of the same row holds exactly (the business scope, the name, the
/// address) is written as that column's number in `CompanyRow.columns` instead of a second copy:
/// those cells were a third of a million-row database. `values(headers:resolving:)` puts the text back.
///
/// Rows stored before headers were kept apart are JSON objects, header → cell; they are read as before.
public struct RawFields: Sendable, Hashable {
    /// The stored text.
    public let json: String
    /// The header of the cells when they were read from a file; nil for text read back from a store.
    public let header: RawHeader?

    public init(json: String, header: RawHeader? = nil) {
        self.json = json
        self.header = header
    }

    /// The values by header, when the header is this value's own (or the text is a JSON object).
    public var values: [String: String] {
        values(headers: { header?.keys(named: $0) }, resolving: { _ in nil })
    }

    /// The keys of the cells in column order, when the header is this value's own: the header's keys (a short
    /// row's too), then "column 13" and on for cells beyond it. Nil for text read back from a store.
    public var columns: [String]? {
        guard let header, let cells = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [Any] else {
            return nil
        }
        return (0..<max(header.keys.count, cells.count - 1)).map { Self.key(at: $0, among: header.keys) }
    }

    /// The values by header, the header's keys found by its digest through `headers` (cells of a header it
    /// does not know are named by their column, "column 3"), and a cell kept as a column number taking
    /// `column`'s text for that number. Empty when the text is neither a JSON array nor an object.
    public func values(headers: (String) -> [String]?, resolving column: (Int) -> String?) -> [String: String] {
        let object = try? JSONSerialization.jsonObject(with: Data(json.utf8))
        var values: [String: String] = [:]
        func keep(_ key: String, _ value: Any) {
            if let text = value as? String {
                values[key] = text
            } else if let number = value as? Int, let text = column(number) {
                values[key] = text
            }
        }
        if let cells = object as? [Any], let digest = cells.first as? String {
            let keys = headers(digest) ?? []
            for (index, cell) in cells.dropFirst().enumerated() { keep(Self.key(at: index, among: keys), cell) }
        } else if let object = object as? [String: Any] {
            for (key, value) in object { keep(key, value) }
        }
        return values
    }

    /// The key of the cell at `index` of a row under a header of `keys`: cells beyond the header are named
    /// by their column, "column 3".
    static func key(at index: Int, among keys: [String]) -> String {
        index < keys.count ? keys[index] : "column \(index + 1)"
    }

    /// A table's header, made unique and pre-encoded, writing each row's cells as `RawFields`.
    public struct Layout: Sendable {
        public let header: RawHeader
        /// The unique keys, in column order: a repeated or empty header gets its column number.
        public var keys: [String] { header.keys }
        /// `["digest"` of the header: how every row's text begins.
        private let prefix: [UInt8]

        public init(keys headers: [String]) {
            header = RawHeader(keys: headers)
            var prefix: [UInt8] = [UInt8(ascii: "[")]
            JSONString.append(header.digest, to: &prefix)
            self.prefix = prefix
        }

        /// The cells, in column order: a short row keeps what it has, cells beyond the header are kept
        /// after the named ones. A cell equal to one of `shared` (column number, text) is written as that number.
        public func fields(_ cells: [String], sharing shared: [(column: Int, text: String)] = []) -> RawFields {
            var bytes = prefix
            bytes.reserveCapacity(cells.reduce(prefix.count + 8 * cells.count) { $0 + $1.utf8.count })
            for cell in cells {
                bytes.append(UInt8(ascii: ","))
                // Byte equality: the number must give back the very bytes of the cell.
                if let same = shared.first(where: { $0.text.hasSameBytes(as: cell) }) {
                    bytes += Array(String(same.column).utf8)
                } else {
                    JSONString.append(cell, to: &bytes)
                }
            }
            bytes.append(UInt8(ascii: "]"))
            return RawFields(json: String(decoding: bytes, as: UTF8.self), header: header)
        }
    }
}

/// The header of a table of raw rows: its unique keys in column order, named by a digest that each row's
/// `RawFields` begins with. A store keeps each header once (`raw_header`): written out in every row, the
/// keys were more than half of the raw rows' text.
public struct RawHeader: Sendable, Hashable {
    /// The unique keys, in column order: a repeated or empty header gets its column number.
    public let keys: [String]
    /// The keys as a JSON array of strings, as a store keeps them.
    public let json: String
    /// The 64-bit FNV-1a hash of `json` as 16 hexadecimal digits. Not a security digest: it names a header
    /// within one database, and a store refuses a digest it already holds for other keys.
    public let digest: String

    /// Makes the keys unique: an empty header is named by its column, a repeated one gets its column too.
    public init(keys headers: [String]) {
        var seen: Set<String> = []
        keys = headers.enumerated().map { index, header in
            let name = header.isEmpty ? "column \(index + 1)" : header
            return seen.insert(name).inserted ? name : "\(name) (column \(index + 1))"
        }
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        for (index, key) in keys.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONString.append(key, to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
        json = String(decoding: bytes, as: UTF8.self)
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        var digest: [UInt8] = []
        Hexadecimal.append(withUnsafeBytes(of: hash.bigEndian) { Array($0) }, to: &digest)
        self.digest = String(decoding: digest, as: UTF8.self)
    }

    /// The header text that `key`, the key of column `index` (0 for the first), was made from: empty for a column
    /// named by its number, a repeated header without the column that made it unique.
    public static func text(ofKey key: String, at index: Int) -> String {
        let column = "column \(index + 1)"
        if key == column { return "" }
        let suffix = " (\(column))"
        return key.hasSuffix(suffix) ? String(key.dropLast(suffix.count)) : key
    }

    /// The keys, when `digest` names this header.
    public func keys(named digest: String) -> [String]? { digest == self.digest ? keys : nil }

    /// The keys of a stored header's `json`; nil when it is not a JSON array of strings.
    public static func keys(json: String) -> [String]? {
        (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String]
    }
}

/// JSON string literals written byte by byte.
public enum JSONString {
    /// Appends `value` as a quoted, escaped JSON string.
    public static func append(_ value: String, to bytes: inout [UInt8]) {
        bytes.append(0x22)
        var value = value
        // Runs of bytes that need no escape are copied at once: appending byte by byte checked the
        // array's capacity and uniqueness for every byte of every cell an import keeps.
        value.withUTF8 { text in
            var start = 0
            for index in text.indices where text[index] < 0x20 || text[index] == 0x22 || text[index] == 0x5C {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<index]))
                appendEscaped(text[index], to: &bytes)
                start = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start...]))
        }
        bytes.append(0x22)
    }

    private static func appendEscaped(_ byte: UInt8, to bytes: inout [UInt8]) {
        bytes.append(0x5C)
        switch byte {
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case 0..<0x20:
            bytes.append(contentsOf: "u00".utf8)
            Hexadecimal.append(CollectionOfOne(byte), to: &bytes)
        default: bytes.append(byte)
        }
    }
}

/// The headers a store holds, by digest: what its import sessions register and its reads look up.
public struct RawHeaderCatalog: Sendable {
    private var keysByDigest: [String: [String]] = [:]
    /// The digest `register` last checked: an import's rows come a table at a time, so most rows name it,
    /// and their header need not be looked up and compared again.
    private var lastRegistered: String?

    public init() {}

    /// Adds a header as a store holds it; throws when `json` is not a JSON array of text.
    public mutating func add(digest: String, json: String) throws(StoreError) {
        guard let keys = RawHeader.keys(json: json) else {
            throw StoreError(
                .corruptRow, location: "raw_header \(digest)", detail: "keys '\(json)' are not a JSON array of text")
        }
        keysByDigest[digest] = keys
    }

    /// Adds `header` and says whether the store must write it: false when it holds it already. Throws when
    /// its digest names other keys in the store.
    public mutating func register(_ header: RawHeader) throws(StoreError) -> Bool {
        guard header.digest != lastRegistered else { return false }
        guard let keys = keysByDigest[header.digest] else {
            keysByDigest[header.digest] = header.keys
            lastRegistered = header.digest
            return true
        }
        guard keys == header.keys else {
            throw StoreError(
                .writeFailed, location: "raw_header \(header.digest)",
                detail: "the digest of the header \(header.json) names another header, \(keys); "
                    + "import the file into another database and report this")
        }
        lastRegistered = header.digest
        return false
    }

    /// The keys of the header named `digest`.
    public func keys(_ digest: String) -> [String]? { keysByDigest[digest] }
}
