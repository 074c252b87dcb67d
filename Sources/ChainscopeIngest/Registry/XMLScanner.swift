/// A streaming XML scanner for spreadsheet parts: fed bytes in any chunks, it reports start tags with
/// their attributes, end tags and text, holding only an unfinished tag between chunks. It skips the
/// declaration, comments and processing instructions and reads CDATA as text.
struct XMLScanner {
    enum Event {
        case start(String, [String: String])
        case end(String)
        case text(String)
    }

    struct Failure: Error {
        let reason: String
    }

    private var buffer: [UInt8] = []

    mutating func feed(_ bytes: some Collection<UInt8>, _ handle: (Event) throws -> Void) throws {
        buffer.append(contentsOf: bytes)
        var position = 0
        defer { buffer.removeFirst(position) }
        while position < buffer.count {
            guard buffer[position] == UInt8(ascii: "<") else {
                let end = buffer[position...].firstIndex(of: UInt8(ascii: "<")) ?? buffer.count
                if end == buffer.count && !bytes.isEmpty { return }  // text may continue in the next chunk
                try handle(.text(Self.decodeEntities(buffer[position..<end])))
                position = end
                continue
            }
            guard let (event, next) = try markup(at: position) else { return }
            if let event { try handle(event) }
            if case .start(let name, _)? = event, buffer[next - 2] == UInt8(ascii: "/") { try handle(.end(name)) }
            position = next
        }
    }

    /// Checks that nothing unfinished is left at the end of the part.
    func finish() throws {
        guard buffer.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else {
            throw Failure(reason: "the XML ends inside a tag")
        }
    }

    /// The markup starting at `start` and the index after it; nil when it is not complete yet.
    private func markup(at start: Int) throws -> (Event?, Int)? {
        for (opening, closing) in [("<?", "?>"), ("<!--", "-->"), ("<![CDATA[", "]]>"), ("<!", ">")]
        where hasPrefix(opening, at: start) {
            guard let end = find(closing, from: start + opening.utf8.count) else { return nil }
            let next = end + closing.utf8.count
            if opening == "<![CDATA[" {
                return (.text(String(decoding: buffer[(start + 9)..<end], as: UTF8.self)), next)
            }
            return (nil, next)
        }
        var index = start + 1
        var quote: UInt8?
        while index < buffer.count {
            let byte = buffer[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return (try tag(buffer[(start + 1)..<index]), index + 1)
            }
            index += 1
        }
        return nil
    }

    private func tag(_ body: ArraySlice<UInt8>) throws -> Event {
        if body.first == UInt8(ascii: "/") {
            return .end(Self.localName(String(decoding: body.dropFirst(), as: UTF8.self).trimmingSpaces))
        }
        let content = body.last == UInt8(ascii: "/") ? body.dropLast() : body
        let text = String(decoding: content, as: UTF8.self)
        let nameEnd = text.firstIndex { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" } ?? text.endIndex
        var attributes: [String: String] = [:]
        var rest = text[nameEnd...]
        while let equals = rest.firstIndex(of: "=") {
            let key = Self.localName(rest[..<equals].trimmingSpaces)
            let afterEquals = rest[rest.index(after: equals)...].drop { $0 == " " }
            guard let quote = afterEquals.first, quote == "\"" || quote == "'",
                let close = afterEquals.dropFirst().firstIndex(of: quote)
            else { throw Failure(reason: "a malformed attribute in <\(text.prefix(40))>") }
            let value = afterEquals[afterEquals.index(after: afterEquals.startIndex)..<close]
            attributes[key] = Self.decodeEntities(Array(value.utf8)[...])
            rest = afterEquals[afterEquals.index(after: close)...]
        }
        return .start(Self.localName(String(text[..<nameEnd])), attributes)
    }

    private func hasPrefix(_ prefix: String, at index: Int) -> Bool {
        let bytes = Array(prefix.utf8)
        return buffer.count - index >= bytes.count && buffer[index..<index + bytes.count].elementsEqual(bytes)
    }

    private func find(_ needle: String, from start: Int) -> Int? {
        let bytes = Array(needle.utf8)
        guard buffer.count >= bytes.count else { return nil }
        var index = start
        while index <= buffer.count - bytes.count {
            if buffer[index] == bytes[0] && buffer[index..<index + bytes.count].elementsEqual(bytes) { return index }
            index += 1
        }
        return nil
    }

    /// `x:row` → `row`.
    static func localName(_ name: some StringProtocol) -> String {
        let text = String(name)
        guard let colon = text.lastIndex(of: ":") else { return text }
        return String(text[text.index(after: colon)...])
    }

    static func decodeEntities(_ bytes: ArraySlice<UInt8>) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            guard let semicolon = rest[amp...].firstIndex(of: ";") else { break }
            let entity = rest[rest.index(after: amp)..<semicolon]
            switch entity {
            case "lt": result += "<"
            case "gt": result += ">"
            case "amp": result += "&"
            case "quot": result += "\""
            case "apos": result += "'"
            default:
                let number =
                    entity.hasPrefix("#x")
                    ? UInt32(entity.dropFirst(2), radix: 16)
                    : entity.hasPrefix("#") ? UInt32(entity.dropFirst()) : nil
                if let number, let scalar = Unicode.Scalar(number) {
                    result.unicodeScalars.append(scalar)
                } else {
                    result += "&\(entity);"
                }
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return result + rest
    }
}

extension StringProtocol {
    var trimmingSpaces: String { String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed()) }
}
