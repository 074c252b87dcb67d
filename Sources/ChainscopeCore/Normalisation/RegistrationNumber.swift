/// Registration numbers (注册号) as exports write them. A spreadsheet that took the column for numbers
/// writes `330100000012345` as `3.30100000012345E+14` or `3.301E+14` (digits lost) or `330100000012345.0`;
/// the first two cannot identify a company.
public enum RegistrationNumber {
    /// The number as text (`.0` and an apostrophe before it dropped), or the reason it cannot identify a company.
    public static func parse(_ text: String) -> Result<String, ValueProblem> {
        let folded = TextFolding.textMarkerDropped(TextFolding.halfWidth(text).trimmed)
        let bytes = Array(folded.utf8)
        if let point = bytes.firstIndex(of: UInt8(ascii: ".")), point > 0,
            bytes[..<point].allSatisfy(isDigit), bytes[(point + 1)...].allSatisfy({ $0 == UInt8(ascii: "0") })
        {
            return .success(String(decoding: bytes[..<point], as: UTF8.self))
        }
        guard !isScientific(bytes) else {
            return .failure(ValueProblem(.scientificRegistrationNumber(text: text)))
        }
        return .success(folded)
    }

    /// The division code of the authority that registered the company: the first six digits of a 15-digit number
    /// (the numbering rules of 2007, GS15-2006); nil for other forms, whose first digits are not known to be one.
    public static func registrationRegion(of number: String) -> RegionCode? {
        let bytes = number.utf8
        guard bytes.count == 15, bytes.allSatisfy(isDigit) else { return nil }
        return RegionCode(rawValue: String(number.prefix(6)))
    }

    /// `3.301E+14`, `3E14`: digits with at most one point, `E` or `e`, an optional sign and digits.
    static func isScientific(_ bytes: [UInt8]) -> Bool {
        guard let e = bytes.firstIndex(where: { $0 == UInt8(ascii: "E") || $0 == UInt8(ascii: "e") }), e > 0,
            isDigit(bytes[0])
        else { return false }
        let mantissa = bytes[..<e]
        var exponent = bytes[(e + 1)...]
        if let sign = exponent.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            exponent = exponent.dropFirst()
        }
        return mantissa.allSatisfy { isDigit($0) || $0 == UInt8(ascii: ".") }
            && mantissa.count { $0 == UInt8(ascii: ".") } <= 1 && !exponent.isEmpty && exponent.allSatisfy(isDigit)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
}
