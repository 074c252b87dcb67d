import Foundation

/// The JSON of a classification's segments and evidence as stores keep it, written by hand: one row per
/// imported company is classified, and `JSONEncoder` dominated the import's profile. `JSONDecoder` reads it back.
public enum ClassificationJSON {
    public static func segments(_ segments: [SegmentScore]) -> String {
        objects(segments) { segment, field in
            field("layer") { JSONString.append(segment.layer, to: &$0) }
            field("score") { number(segment.score, to: &$0) }
            field("segment") { JSONString.append(segment.segment, to: &$0) }
        }
    }

    public static func evidence(_ evidence: [Evidence]) -> String {
        objects(evidence) { item, field in
            field("clause") { JSONString.append(item.clause, to: &$0) }
            field("clauseIndex") { $0 += Array(String(item.clauseIndex).utf8) }
            field("field") { JSONString.append(item.field.rawValue, to: &$0) }
            field("offset") { $0 += Array(String(item.offset).utf8) }
            field("rule") { JSONString.append(item.rule.rawValue, to: &$0) }
            if let segment = item.segment { field("segment") { JSONString.append(segment, to: &$0) } }
            field("term") { JSONString.append(item.term, to: &$0) }
            if let trigger = item.trigger { field("trigger") { JSONString.append(trigger, to: &$0) } }
            field("weight") { number(item.weight, to: &$0) }
        }
    }

    /// Writes `[{"key":value,…},…]`, an object per item; `body` names each item's fields in order.
    private static func objects<Item>(
        _ items: [Item], _ body: (Item, (String, (inout [UInt8]) -> Void) -> Void) -> Void
    ) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        for (index, item) in items.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(UInt8(ascii: "{"))
            var isFirst = true
            body(item) { key, value in
                if !isFirst { bytes.append(UInt8(ascii: ",")) }
                isFirst = false
                JSONString.append(key, to: &bytes)
                bytes.append(UInt8(ascii: ":"))
                value(&bytes)
            }
            bytes.append(UInt8(ascii: "}"))
        }
        bytes.append(UInt8(ascii: "]"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A finite number, whole numbers without a fraction.
    private static func number(_ value: Double, to bytes: inout [UInt8]) {
        let text = value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        bytes += Array(text.utf8)
    }
}
