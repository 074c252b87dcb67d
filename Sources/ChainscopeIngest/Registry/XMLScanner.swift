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
        let problem: FileRefusal.XMLProblem
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
            throw Failure(problem: .endsInsideTag)
        }
    }

    /// Markup that is not a tag, with what closes it: declarations, comments, CDATA, a DOCTYPE.
    private static let specials: [(opening: [UInt8], closing: [UInt8])] = [
        ("<?", "?>"), ("<!--", "-->"), ("<![CDATA[", "]]>"), ("<!", ">"),
    ].map { (Array($0.utf8), Array($1.utf8)) }

    /// The markup starting at `start` and the index after it; nil when it is not complete yet.
    private func markup(at start: Int) throws -> (Event?, Int)? {
        guard start + 1 < buffer.count else { return nil }
        if buffer[start + 1] == UInt8(ascii: "?") || buffer[start + 1] == UInt8(ascii: "!") {
            for (opening, closing) in Self.specials where hasPrefix(opening, at: start) {
                guard let end = find(closing, from: start + opening.count) else { return nil }
                let next = end + closing.count
                if opening.count == 9 {  // <![CDATA[
                    return (.text(String(decoding: buffer[(start + 9)..<end], as: UTF8.self)), next)
                }
                return (nil, next)
            }
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

    /// A tag's name and attributes, read on bytes: sheets hold a start and an end tag for every cell.
    private func tag(_ body: ArraySlice<UInt8>) throws -> Event {
        if body.first == UInt8(ascii: "/") { return .end(Self.localName(Self.trimmed(body.dropFirst()))) }
        let content = body.last == UInt8(ascii: "/") ? body.dropLast() : body
        let nameEnd = content.firstIndex(where: Self.isSpace) ?? content.endIndex
        var attributes: [String: String] = [:]
        var index = nameEnd
        while true {
            while index < content.endIndex && Self.isSpace(content[index]) { index += 1 }
            guard index < content.endIndex else { break }
            guard let equals = content[index...].firstIndex(of: UInt8(ascii: "=")) else {
                throw malformed(content)
            }
            let key = Self.localName(Self.trimmed(content[index..<equals]))
            var open = equals + 1
            while open < content.endIndex && Self.isSpace(content[open]) { open += 1 }
            guard open < content.endIndex, content[open] == UInt8(ascii: "\"") || content[open] == UInt8(ascii: "'"),
                let close = content[(open + 1)...].firstIndex(of: content[open])
            else { throw malformed(content) }
            attributes[key] = Self.decodeEntities(content[(open + 1)..<close])
            index = close + 1
        }
        return .start(Self.localName(content[..<nameEnd]), attributes)
    }

    private func malformed(_ content: ArraySlice<UInt8>) -> Failure {
        Failure(problem: .malformedAttribute(tag: String(decoding: content.prefix(40), as: UTF8.self)))
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }

    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) })
        else { return bytes[bytes.startIndex..<bytes.startIndex] }
        return bytes[first...last]
    }

    private func hasPrefix(_ bytes: [UInt8], at index: Int) -> Bool {
        buffer.count - index >= bytes.count && buffer[index..<index + bytes.count].elementsEqual(bytes)
    }

    private func find(_ bytes: [UInt8], from start: Int) -> Int? {
        guard buffer.count >= bytes.count else { return nil }
        var index = start
        while index <= buffer.count - bytes.count {
            if buffer[index] == bytes[0] && buffer[index..<index + bytes.count].elementsEqual(bytes) { return index }
            index += 1
        }
        return nil
    }

    /// `x:row` → `row`.
    static func localName(_ name: ArraySlice<UInt8>) -> String {
        let start = name.lastIndex(of: UInt8(ascii: ":")).map { $0 + 1 } ?? name.startIndex
        return String(decoding: name[start...], as: UTF8.self)
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
