import Foundation

/// The cells of one imported row as a JSON object, header → value, keys in UTF-8 byte order, so the
/// same row always gives the same text. It is built once while reading, on bytes: building a
/// dictionary and encoding it on the writing thread dominated the import's profile.
///
/// A cell whose text a stored column of the same row holds exactly (the business scope, the name, the
/// address) is written as that column's number in `CompanyRow.columns` instead of a second copy:
/// those cells were a third of a million-row database. `values(resolving:)` puts the text back.
public struct RawFields: Sendable, Hashable {
    /// The JSON object text.
    public let json: String

    public init(json: String) { self.json = json }

    /// Encodes the pairs of a dictionary (for rows that were not read through a `Layout`).
    public init(_ values: [String: String]) {
        let layout = Layout(keys: Array(values.keys))
        self = layout.fields(layout.keys.map { values[$0]! })
    }

    /// The values by header; empty when the text is not a JSON object of strings.
    public var values: [String: String] { values { _ in nil } }

    /// The values by header, a cell kept as a column number taking `column`'s text for that number.
    public func values(resolving column: (Int) -> String?) -> [String: String] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
            return [:]
        }
        var values: [String: String] = [:]
        for (key, value) in object {
            if let text = value as? String {
                values[key] = text
            } else if let number = value as? Int, let text = column(number) {
                values[key] = text
            }
        }
        return values
    }

    /// A table's headers, made unique and pre-encoded, writing each row's cells as `RawFields`.
    public struct Layout: Sendable {
        /// The unique keys, in column order: a repeated or empty header gets its column number.
        public let keys: [String]
        /// Column indexes in the byte order of their keys.
        private let order: [Int]
        /// `"key":` for each column, in column order.
        private let encodedKeys: [[UInt8]]

        public init(keys headers: [String]) {
            var seen: Set<String> = []
            let keys = headers.enumerated().map { index, header in
                let name = header.isEmpty ? "column \(index + 1)" : header
                return seen.insert(name).inserted ? name : "\(name) (column \(index + 1))"
            }
            self.keys = keys
            order = keys.indices.sorted { keys[$0].utf8.lexicographicallyPrecedes(keys[$1].utf8) }
            encodedKeys = keys.map { key in
                var bytes: [UInt8] = []
                JSONString.append(key, to: &bytes)
                bytes.append(UInt8(ascii: ":"))
                return bytes
            }
        }

        /// The cells under these keys; missing cells are left out, extra cells are kept under their column number.
        /// A cell equal to one of `shared` (column number, text) is written as that number.
        public func fields(_ cells: [String], sharing shared: [(column: Int, text: String)] = []) -> RawFields {
            var bytes: [UInt8] = [UInt8(ascii: "{")]
            bytes.reserveCapacity(cells.reduce(64 * keys.count) { $0 + $1.utf8.count })
            var isFirst = true
            for column in order where column < cells.count {
                if !isFirst { bytes.append(UInt8(ascii: ",")) }
                isFirst = false
                bytes += encodedKeys[column]
                // Byte equality: the number must give back the very bytes of the cell.
                if let same = shared.first(where: { $0.text.hasSameBytes(as: cells[column]) }) {
                    bytes += Array(String(same.column).utf8)
                } else {
                    JSONString.append(cells[column], to: &bytes)
                }
            }
            // Cells beyond the header (a row that is quarantined for it) are kept too, after the named ones.
            for column in keys.count..<max(keys.count, cells.count) {
                if !isFirst { bytes.append(UInt8(ascii: ",")) }
                isFirst = false
                JSONString.append("column \(column + 1)", to: &bytes)
                bytes.append(UInt8(ascii: ":"))
                JSONString.append(cells[column], to: &bytes)
            }
            bytes.append(UInt8(ascii: "}"))
            return RawFields(json: String(decoding: bytes, as: UTF8.self))
        }
    }
}

/// JSON string literals written byte by byte.
public enum JSONString {
    /// Appends `value` as a quoted, escaped JSON string.
    public static func append(_ value: String, to bytes: inout [UInt8]) {
        bytes.append(0x22)
        for byte in value.utf8 {
            switch byte {
            case 0x22, 0x5C: bytes.append(0x5C); bytes.append(byte)
            case 0x0A: bytes.append(0x5C); bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(0x5C); bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(0x5C); bytes.append(UInt8(ascii: "t"))
            case 0..<0x20:
                bytes += [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")]
                Hexadecimal.append(CollectionOfOne(byte), to: &bytes)
            default: bytes.append(byte)
            }
        }
        bytes.append(0x22)
    }
}
