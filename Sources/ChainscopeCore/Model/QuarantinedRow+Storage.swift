import Foundation

extension QuarantinedRow {
    /// The raw row as a store keeps it. With its columns known: a JSON array of `rawColumns`, then each column's
    /// cell in that order (`null` for a column the row has no cell in; nothing after its last cell), so that the
    /// row can be written back out as the file had it. Without: a JSON object, header → cell, as every row was kept
    /// before the order was.
    public var rawStorageText: String {
        guard rawColumns != nil else { return rawObjectText }
        let columns = rawKeys
        var cells = columns.map { raw[$0] }
        while let last = cells.last, last == nil { cells.removeLast() }
        var bytes: [UInt8] = [UInt8(ascii: "["), UInt8(ascii: "[")]
        for (index, column) in columns.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONString.append(column, to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
        for cell in cells {
            bytes.append(UInt8(ascii: ","))
            if let cell { JSONString.append(cell, to: &bytes) } else { bytes += Array("null".utf8) }
        }
        bytes.append(UInt8(ascii: "]"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The keys of `raw` in column order: `rawColumns`, then any key they do not name (a row put together by hand),
    /// sorted, so that no cell is lost; all of them sorted when the order was not kept.
    public var rawKeys: [String] {
        guard let rawColumns else { return raw.keys.sorted() }
        let named = Set(rawColumns)
        return rawColumns + raw.keys.filter { !named.contains($0) }.sorted()
    }

    /// The raw row as a JSON object, header → cell, its keys sorted: what `quarantine export` writes in its `raw`
    /// column. Written byte by byte, exactly as `JSONEncoder` wrote it with sorted keys and unescaped slashes, which
    /// saves about a tenth of an export's time.
    public var rawObjectText: String {
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        for (index, key) in raw.keys.sorted().enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONString.append(key, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            JSONString.append(raw[key] ?? "", to: &bytes)
        }
        bytes.append(UInt8(ascii: "}"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The raw row and its columns from a `rawStorageText` (columns nil for an object); nil when the text is
    /// neither form.
    public static func raw(storageText text: String) -> (raw: [String: String], columns: [String]?)? {
        let object = try? JSONSerialization.jsonObject(with: Data(text.utf8))
        if let raw = object as? [String: String] { return (raw, nil) }
        guard let array = object as? [Any], let columns = array.first as? [String], array.count - 1 <= columns.count
        else { return nil }
        var raw: [String: String] = [:]
        for (column, cell) in zip(columns, array.dropFirst()) {
            if let cell = cell as? String {
                raw[column] = cell
            } else if !(cell is NSNull) {
                return nil
            }
        }
        return (raw, columns)
    }
}
