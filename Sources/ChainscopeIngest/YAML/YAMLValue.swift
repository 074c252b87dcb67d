import ChainscopeCore
import Foundation
import Yams

/// A node of a YAML file with its location, and typed accessors whose errors say file, line and field.
struct YAMLValue {
    let node: Node
    let file: String
    let field: String

    /// The line the node starts on.
    var line: Int? { node.mark?.line }

    var location: IngestError.Location {
        IngestError.Location(file: file, line: node.mark?.line, column: node.mark?.column, field: field)
    }

    /// Reads and parses a YAML file; a syntax error names its line.
    static func load(_ url: URL, displayName: String) throws(IngestError) -> YAMLValue {
        let text = try Self.text(of: url, displayName: displayName)
        do {
            // The basic resolver tags every plain scalar as text: Chainscope parses values itself (exact
            // decimals, dates, codes), so running the default resolver's regular expressions is wasted work.
            guard let node = try Yams.compose(yaml: text, .basic) else {
                throw IngestError(
                    .malformedYAML, at: .init(file: displayName), expected: "content", found: "an empty file")
            }
            return YAMLValue(node: node, file: displayName, field: "")
        } catch let error as IngestError {
            throw error
        } catch {
            throw syntaxError(error, file: displayName)
        }
    }

    private static func syntaxError(_ error: any Error, file: String) -> IngestError {
        var location = IngestError.Location(file: file)
        var problem = String(describing: error)
        if case YamlError.parser(_, let problemText, let mark, _) = error {
            (location.line, location.column, problem) = (mark.line, mark.column, problemText)
        } else if case YamlError.scanner(_, let problemText, let mark, _) = error {
            (location.line, location.column, problem) = (mark.line, mark.column, problemText)
        }
        return IngestError(.malformedYAML, at: location, expected: "valid YAML", found: problem, underlying: error)
    }

    func error(_ code: IngestError.Code, expected: String, found: String? = nil) -> IngestError {
        IngestError(code, at: location, expected: expected, found: found)
    }

    private func child(_ node: Node, _ name: String) -> YAMLValue {
        YAMLValue(node: node, file: file, field: field.isEmpty ? name : "\(field).\(name)")
    }

    /// The mapping's entries, after checking that every key is one of `allowed`.
    func mapping(allowing allowed: Set<String>) throws(IngestError) -> YAMLMapping {
        guard case .mapping(let mapping) = node else {
            throw error(.wrongType, expected: "a mapping (key: value lines)", found: kindName)
        }
        var entries: [String: YAMLValue] = [:]
        for (key, value) in mapping {
            guard let name = key.string else { throw error(.wrongType, expected: "text keys", found: "\(key)") }
            guard allowed.contains(name) else {
                let keyValue = child(key, name)
                throw keyValue.error(
                    .unknownField, expected: "one of \(allowed.sorted().joined(separator: ", "))", found: "'\(name)'")
            }
            entries[name] = child(value, name)
        }
        return YAMLMapping(owner: self, entries: entries)
    }

    /// The entries of a mapping whose keys are data (such as division codes), in file order.
    func entries() throws(IngestError) -> [(key: String, value: YAMLValue)] {
        guard case .mapping(let mapping) = node else {
            throw error(.wrongType, expected: "a mapping (key: value lines)", found: kindName)
        }
        var entries: [(key: String, value: YAMLValue)] = []
        for (key, value) in mapping {
            guard let name = key.string else { throw error(.wrongType, expected: "text keys", found: "\(key)") }
            entries.append((name, child(value, name)))
        }
        return entries
    }

    /// The keys of a mapping; empty for other nodes.
    var keys: [String] {
        guard case .mapping(let mapping) = node else { return [] }
        return mapping.keys.compactMap(\.string)
    }

    /// The items of a sequence.
    func list() throws(IngestError) -> [YAMLValue] {
        guard case .sequence(let sequence) = node else {
            throw error(.wrongType, expected: "a list", found: kindName)
        }
        return sequence.enumerated().map { index, item in
            YAMLValue(node: item, file: file, field: "\(field)[\(index)]")
        }
    }

    func string() throws(IngestError) -> String {
        guard case .scalar(let scalar) = node, !scalar.string.isEmpty else {
            throw error(.wrongType, expected: "a text", found: kindName)
        }
        return scalar.string
    }

    func int() throws(IngestError) -> Int {
        let text = try string()
        guard let value = Int(text) else { throw error(.invalidValue, expected: "a whole number", found: "'\(text)'") }
        return value
    }

    /// An exact decimal, read from the scalar's text so no binary floating point is involved.
    func decimal() throws(IngestError) -> Decimal {
        let text = try string()
        guard let value = Money.decimal(text.replacingOccurrences(of: "_", with: "")) else {
            throw error(.invalidValue, expected: "a decimal number such as 207200000000 or 8.7", found: "'\(text)'")
        }
        return value
    }

    func bool() throws(IngestError) -> Bool {
        let text = try string()
        switch text {
        case "true": return true
        case "false": return false
        default: throw error(.invalidValue, expected: "true or false", found: "'\(text)'")
        }
    }

    func date() throws(IngestError) -> CalendarDate {
        let text = try string()
        guard let date = CalendarDate(iso: text) else {
            throw error(.invalidValue, expected: "a date as YYYY-MM-DD", found: "'\(text)'")
        }
        return date
    }

    func regionCode() throws(IngestError) -> RegionCode {
        let text = try string()
        guard let code = RegionCode(rawValue: text) else {
            throw error(
                .invalidValue, expected: "a six-digit GB/T 2260 code in quotes, such as \"330100\"", found: "'\(text)'")
        }
        return code
    }

    func period() throws(IngestError) -> Period {
        let text = try string()
        guard let period = Period(text) else {
            throw error(
                .invalidValue, expected: "a period: 2021, 2022-01..2022-10, as of 2022-10, since 2021 or reported 2022",
                found: "'\(text)'")
        }
        return period
    }

    func oneOf<Value: RawRepresentable & CaseIterable>(_ type: Value.Type) throws(IngestError) -> Value
    where Value.RawValue == String {
        let text = try string()
        guard let value = Value(rawValue: text) else {
            let choices = Value.allCases.map(\.rawValue).joined(separator: ", ")
            throw error(.invalidValue, expected: "one of \(choices)", found: "'\(text)'")
        }
        return value
    }

    /// A text in several languages: a mapping with any of `zh`, `ko`, `en`, at least one of them.
    func localized() throws(IngestError) -> LocalizedText {
        let mapping = try mapping(allowing: ["zh", "ko", "en"])
        let text = LocalizedText(
            zh: try mapping.optional("zh")?.string(), ko: try mapping.optional("ko")?.string(),
            en: try mapping.optional("en")?.string())
        guard !text.isEmpty else { throw error(.missingField, expected: "a text in at least one of zh, ko, en") }
        return text
    }

    private var kindName: String {
        switch node {
        case .scalar(let scalar): scalar.string.isEmpty ? "nothing" : "'\(scalar.string)'"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }
}

/// The checked entries of a YAML mapping.
struct YAMLMapping {
    let owner: YAMLValue
    let entries: [String: YAMLValue]

    func required(_ key: String) throws(IngestError) -> YAMLValue {
        guard let value = entries[key] else {
            throw IngestError(
                .missingField, at: .init(file: owner.file, line: owner.node.mark?.line, field: path(key)),
                expected: "a field '\(key)'")
        }
        return value
    }

    /// The value of `key`, or nil when it is absent or empty (`key:` or `key: ~`).
    func optional(_ key: String) -> YAMLValue? {
        guard let value = entries[key] else { return nil }
        if case .scalar(let scalar) = value.node, scalar.string.isEmpty || scalar.string == "~" { return nil }
        return value
    }

    private func path(_ key: String) -> String { owner.field.isEmpty ? key : "\(owner.field).\(key)" }
}

extension YAMLValue {
    /// A YAML file's text: UTF-8, with or without a byte-order mark, as YAML asks; UTF-16 with one; or GB18030,
    /// which Notepad on a Chinese Windows saves a mapping file in when told 'ANSI', as exports are read.
    static func text(of url: URL, displayName: String) throws(IngestError) -> String {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw IngestError(
                .unreadableFile, at: .init(file: displayName), expected: "a readable UTF-8 YAML file",
                found: IngestError.systemReason(error), underlying: error)
        }
        let (encoding, bomLength) = TextEncoding.detect(data)
        guard let text = encoding.decoded(data.dropFirst(bomLength)) else {
            let bytes = encoding == .gb18030 ? "neither UTF-8 nor GB18030" : "not \(encoding)"
            throw IngestError(
                .undecodableText, at: .init(file: displayName), expected: "a UTF-8 YAML file",
                found: "bytes that are \(bytes); save it as UTF-8")
        }
        return text
    }
}
