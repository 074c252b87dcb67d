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

    var isUTF16: Bool { self == .utf16LittleEndian || self == .utf16BigEndian }

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
    static func incompleteTail(_ bytes: some BidirectionalCollection<UInt8>) -> Int? {
        var back = 0
        for byte in bytes.reversed().prefix(3) {
            back += 1
            if byte & 0xC0 == 0x80 { continue }
            guard (0xC2...0xF4).contains(byte) else { return nil }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            return length > back ? back : nil
        }
        return nil
    }

    /// How many bytes of a character cut short end `data`, when everything before them reads as this
    /// encoding: the mark of a file cut off while it was downloaded or copied. Nil for text that is whole, or
    /// that does not decode before its last bytes either.
    func incompleteEnd(of data: Data) -> Int? {
        guard !data.isEmpty else { return nil }
        let cut: Int?
        switch self {
        case .utf8:
            cut = Self.incompleteTail(data)
        case .gb18030:
            // A character is 1, 2 or 4 bytes; what is left of a cut one starts with a lead byte (0x81…0xFE).
            cut = (1...min(3, data.count)).first { back in
                data[data.endIndex - back] >= 0x81 && decodes(data.dropLast(back))
            }
        case .utf16LittleEndian, .utf16BigEndian:
            guard data.count >= 2 else { return data.count == 1 ? 1 : nil }
            let odd = data.count % 2
            let last = data.endIndex - odd - 2
            let unit =
                self == .utf16LittleEndian
                ? UInt16(data[last]) | UInt16(data[last + 1]) << 8 : UInt16(data[last]) << 8 | UInt16(data[last + 1])
            // A high surrogate waits for the low one that would follow it.
            cut = (0xD800...0xDBFF).contains(unit) ? odd + 2 : odd == 1 ? 1 : nil
        }
        guard let cut, cut > 0, decodes(data.dropLast(cut)) else { return nil }
        return cut
    }

    /// `data` as text in this encoding, nil when it does not decode (UTF-8 is validated strictly).
    func decoded(_ data: Data) -> String? {
        self == .utf8 ? String(validating: [UInt8](data), as: UTF8.self) : String(data: data, encoding: foundation)
    }

    private func decodes(_ data: Data) -> Bool { decoded(data) != nil }

    /// The encodings other than `self` to suggest for a file whose first bytes are `sample`: those that read
    /// it as text an export could hold (`readingAlternatives`), or, when none does, every other one but UTF-16BE
    /// (which a byte-order mark would have made `self`).
    func alternatives(for sample: Data) -> [TextEncoding] {
        let plausible = readingAlternatives(of: sample)
        return plausible.isEmpty ? Self.allCases.filter { $0 != self && $0 != .utf16BigEndian } : plausible
    }

    /// The encodings other than `self` that read `sample` as text an export could hold (see `readsAsText`).
    func readingAlternatives(of sample: Data) -> [TextEncoding] {
        Self.allCases.filter { $0 != self && $0.readsAsText(sample) }
    }

    /// Whether `sample`, a file's first bytes, reads as text in this encoding: it decodes (the last character
    /// may be cut by the end of the sample) without NUL or U+FFFD characters, and read as UTF-16 it has line
    /// ends (text in a one-byte encoding read as UTF-16 pairs its bytes into ideographs and has none).
    func readsAsText(_ sample: Data) -> Bool {
        let cut = incompleteEnd(of: sample) ?? 0
        let data = sample.dropLast(cut)
        guard !data.isEmpty, let text = decoded(data),
            !text.unicodeScalars.contains(where: { $0 == "\0" || $0 == "\u{FFFD}" })
        else { return false }
        return self == .utf8 || self == .gb18030 || text.unicodeScalars.contains("\n")
    }
}
