import Foundation

/// The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-symbol
/// alphabet, whose characters 9–17 are the organisation code of GB 11714 with its own check character,
/// and whose 18th character checks the first 17.
public struct CreditCode: Hashable, Sendable, CustomStringConvertible {
    public let value: String

    /// The 31 symbols, in value order (no I, O, S, V, Z).
    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    static let organisationWeights = [3, 7, 9, 10, 5, 8, 4, 2]

    /// What is wrong with a text that is not a valid code.
    public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
        case length(Int)
        /// `9.13301E+17`: a spreadsheet took the column for numbers.
        case scientific
        case character(Character, position: Int)
        case organisationCheck(expected: Character, found: Character)
        case check(expected: Character, found: Character)

        /// What is wrong, in English (`text(in:)` in each language).
        public var description: String { text(in: .en) }
    }

    /// Validates `text` after folding case, full-width characters and spaces, and dropping the apostrophe an
    /// export writes before a long number to keep Excel from reading it as one (`'91330106…`).
    public static func validate(_ text: String) -> Result<CreditCode, Problem> {
        if let code = validASCIICode(text) { return .success(code) }
        let folded = Array(
            TextFolding.textMarkerDropped(TextFolding.halfWidth(text).uppercased().filter { !$0.isWhitespace }))
        guard folded.count == 18 else {
            let isScientific = RegistrationNumber.isScientific(Array(String(folded).utf8))
            return .failure(isScientific ? .scientific : .length(folded.count))
        }
        var values: [Int] = []
        for (index, character) in folded.enumerated() {
            guard let value = alphabet.firstIndex(of: character) else {
                return .failure(.character(character, position: index + 1))
            }
            values.append(value)
        }
        let organisation = Array(folded[8..<16])
        if let expected = organisationCheck(organisation), expected != folded[16] {
            return .failure(.organisationCheck(expected: expected, found: folded[16]))
        }
        let expected = check(Array(values[0..<17]))
        guard expected == folded[17] else { return .failure(.check(expected: expected, found: folded[17])) }
        return .success(CreditCode(value: String(folded)))
    }

    /// The value of each ASCII byte in `alphabet`, -1 for bytes outside it.
    static let asciiValues: [Int] = (0..<128).map { byte in
        alphabet.firstIndex(of: Character(Unicode.Scalar(UInt8(byte)))) ?? -1
    }

    /// The same rules on the bytes of an ASCII text, for the common case: the valid code, or nil for
    /// anything else, which `validate` then examines character by character to say what is wrong.
    static func validASCIICode(_ text: String) -> CreditCode? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(18)
        for byte in text.utf8 {
            switch byte {
            case 0x80...: return nil
            case 0x20, 0x09...0x0D: continue
            case UInt8(ascii: "a")...UInt8(ascii: "z"): bytes.append(byte - 0x20)
            default: bytes.append(byte)
            }
        }
        guard bytes.count == 18 else { return nil }
        var sum = 0
        for index in 0..<17 {
            let value = asciiValues[Int(bytes[index])]
            guard value >= 0 else { return nil }
            sum += value * weights[index]
        }
        guard asciiValues[Int(bytes[17])] == (31 - sum % 31) % 31 else { return nil }
        // GB 11714 over characters 9–16: digits count their value, capitals 10–35.
        var organisationSum = 0
        for (byte, weight) in zip(bytes[8..<16], organisationWeights) {
            organisationSum += (byte <= UInt8(ascii: "9") ? Int(byte) - 48 : Int(byte) - 55) * weight
        }
        let expected: UInt8 =
            switch 11 - organisationSum % 11 {
            case 10: UInt8(ascii: "X")
            case 11: UInt8(ascii: "0")
            case let digit: UInt8(48 + digit)
            }
        guard bytes[16] == expected else { return nil }
        return CreditCode(value: String(decoding: bytes, as: UTF8.self))
    }

    /// The 18th character for the values of the first 17.
    static func check(_ values: [Int]) -> Character {
        let sum = zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return alphabet[(31 - sum % 31) % 31]
    }

    /// The GB 11714 check character for an 8-character organisation code body; nil when the body holds
    /// a symbol GB 11714 has no value for.
    static func organisationCheck(_ body: [Character]) -> Character? {
        var sum = 0
        for (character, weight) in zip(body, organisationWeights) {
            guard let value = character.wholeNumberValue ?? letterValue(character) else { return nil }
            sum += value * weight
        }
        switch 11 - sum % 11 {
        case 10: return "X"
        case 11: return "0"
        case let digit: return Character(String(digit))
        }
    }

    private static func letterValue(_ character: Character) -> Int? {
        guard let ascii = character.asciiValue, (65...90).contains(ascii) else { return nil }
        return Int(ascii) - 55
    }

    /// Builds a valid code from its first 16 characters, adding both check characters (for sample data).
    public static func completing(_ prefix: String) -> CreditCode? {
        let characters = Array(prefix)
        guard characters.count == 16, characters.allSatisfy({ alphabet.contains($0) }),
            let organisation = organisationCheck(Array(characters[8..<16]))
        else { return nil }
        let first17 = characters + [organisation]
        let values = first17.compactMap { alphabet.firstIndex(of: $0) }
        guard values.count == 17 else { return nil }
        return CreditCode(value: String(first17 + [check(values)]))
    }

    /// Characters 3–8: the division code where the company was registered.
    public var registrationRegion: RegionCode? { RegionCode(rawValue: String(value.dropFirst(2).prefix(6))) }

    /// Characters 3–4: the registering province, which never changes when a company moves.
    public var provinceKey: String { String(value.dropFirst(2).prefix(2)) }

    /// Codes beginning `92` belong to individual businesses (个体工商户).
    public var isIndividualBusiness: Bool { value.hasPrefix("92") }

    public var description: String { value }
}

/// Folding of text as registry exports write it.
public enum TextFolding {
    /// Full-width ASCII forms (Ａ, １, （) and the ideographic space become their half-width forms.
    public static func halfWidth(_ text: String) -> String {
        // The forms are EF BC xx / EF BD xx (U+FF00…U+FF7F) and E3 80 80 (U+3000); Chinese ideographs
        // (lead bytes E4–E9) and 、。 (E3 80 81/82) never match, so most cells need no copy.
        guard Self.mayHaveFullWidth(text) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF01...0xFF5E: scalars.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            case 0x3000: scalars.append(" ")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Whether two texts say the same but for full-width forms and white space: `杭州甲（中国）有限公司` and
    /// `杭州甲(中国)有限公司`, `文三路１２号` and `文三路 12 号`, as different exports write one name or address.
    public static func isRespelling(_ text: String, of other: String) -> Bool {
        func folded(_ text: String) -> String { halfWidth(text).filter { !$0.isWhitespace } }
        return text == other || folded(text) == folded(other)
    }

    /// `text` with its full-width forms half-width, and with its brackets full-width (as registry names write
    /// them: 杭州甲（中国）有限公司), where either differs from `text`.
    public static func otherSpellings(of text: String) -> [String] {
        let half = halfWidth(text)
        // Most names have no brackets: no copy (the import's writer asks this of every row in some stores).
        guard half.utf8.contains(where: { $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: ")") }) else {
            return half == text ? [] : [half]
        }
        let full = String(
            String.UnicodeScalarView(half.unicodeScalars.map { $0 == "(" ? "（" : $0 == ")" ? "）" : $0 }))
        return [half, full].reduce(into: []) { spellings, spelling in
            if spelling != text, !spellings.contains(spelling) { spellings.append(spelling) }
        }
    }

    /// `text` without the apostrophe that marks a cell as text in Excel (`'330100000012345`), which some exports
    /// write into the file before a code or number; no code or number has one.
    public static func textMarkerDropped(_ text: String) -> String {
        text.first == "'" ? String(text.dropFirst()) : text
    }

    static func mayHaveFullWidth(_ text: String) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            if previous.1 == 0xEF && (byte == 0xBC || byte == 0xBD) { return true }
            if previous == (0xE3, 0x80) && byte == 0x80 { return true }
            previous = (previous.1, byte)
        }
        return false
    }

    /// True for the markers exports use for "no value": empty, `-`, `--`, `—`, `N/A`, `NA`, `无`, `暂无`,
    /// `null`, and the words for a value the registry does not disclose (`未公开`, `不详`, `未知`).
    public static func isEmptyMarker(_ text: String) -> Bool {
        // Longer text is only a marker when padded with spaces.
        if text.utf8.count > emptyMarkerBytes, let first = text.utf8.first, first != 0x20, text.utf8.last != 0x20 {
            return false
        }
        // Most cells (浙江省, 2022-01-05) begin with a character no marker does: no folding, no allocation.
        if let first = text.unicodeScalars.first, !first.properties.isWhitespace,
            !markerFirstScalars.contains(first), !(0xFF01...0xFF5E).contains(first.value)
        {
            return false
        }
        return emptyMarkers.contains(halfWidth(text).trimmed.lowercased())
    }

    public static let emptyMarkers: Set<String> = [
        "", "-", "--", "—", "——", "n/a", "na", "null", "none", "无", "暂无", "/", "未公开", "暂未公开", "不公开",
        "未披露", "不详", "未知", "空",
    ]

    /// The first characters of the markers, in either case (full-width forms are folded to them).
    static let markerFirstScalars = Set(
        emptyMarkers.flatMap { [$0.uppercased(), $0] }.compactMap(\.unicodeScalars.first))

    /// The longest marker's length in UTF-8 (`暂未公开`): a cell longer than that without padding is a value.
    /// A literal, so that the scan's check of every cell needs no lazy initialisation; a test compares it.
    public static let emptyMarkerBytes = 12
}
