import Foundation

/// The text encodings registry exports come in.
public enum TextEncoding: String, CaseIterable, Sendable, CustomStringConvertible {
    case utf8 = "utf-8"
    case gb18030
    case utf16LittleEndian = "utf-16le"
    case utf16BigEndian = "utf-16be"

    /// GB18030 on Linux Foundation (a superset of GBK and GB2312).
    static let foundationGB18030 = String.Encoding(rawValue: 0x8000_0632)

    public var description: String { rawValue }

    var foundation: String.Encoding {
        switch self {
        case .utf8: .utf8
        case .gb18030: Self.foundationGB18030
        case .utf16LittleEndian: .utf16LittleEndian
        case .utf16BigEndian: .utf16BigEndian
        }
    }

    /// The encoding a user asks for with `--encoding`: `auto` is nil; `gbk` and `gb2312` mean GB18030.
    public static func named(_ name: String) -> TextEncoding?? {
        switch name.lowercased() {
        case "auto": .some(nil)
        case "utf-8", "utf8": .some(.utf8)
        case "gb18030", "gbk", "gb2312": .some(.gb18030)
        case "utf-16", "utf16", "utf-16le": .some(.utf16LittleEndian)
        case "utf-16be": .some(.utf16BigEndian)
        default: .none
        }
    }

    /// The encoding a file's first bytes show, and how many bytes of byte-order mark to skip:
    /// a BOM decides; otherwise valid UTF-8 is UTF-8 and anything else is taken for GB18030.
    static func detect(_ head: Data) -> (TextEncoding, bomLength: Int) {
        let bytes = [UInt8](head.prefix(3))
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, 3) }
        if bytes.starts(with: [0xFF, 0xFE]) { return (.utf16LittleEndian, 2) }
        if bytes.starts(with: [0xFE, 0xFF]) { return (.utf16BigEndian, 2) }
        return (isUTF8(head, allowingTruncatedEnd: true) ? .utf8 : .gb18030, 0)
    }

    /// Whether `data` is valid UTF-8; a sequence cut by the end of a sample is allowed when asked.
    static func isUTF8(_ data: Data, allowingTruncatedEnd: Bool) -> Bool {
        var bytes = [UInt8](data)
        if allowingTruncatedEnd, let cut = incompleteTail(bytes) { bytes.removeLast(cut) }
        return String(validating: bytes, as: UTF8.self) != nil
    }

    /// The length of an incomplete UTF-8 sequence at the end of `bytes`, if there is one.
    static func incompleteTail(_ bytes: [UInt8]) -> Int? {
        for back in 1...min(3, bytes.count) {
            let byte = bytes[bytes.count - back]
            if byte & 0xC0 == 0x80 { continue }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            return length > back ? back : nil
        }
        return nil
    }
}
