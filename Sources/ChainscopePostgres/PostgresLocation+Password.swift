import Foundation

extension PostgresLocation {
    /// The location with the password libpq would use when its URL gives none: `PGPASSWORD`, else the first line
    /// of the password file (`PGPASSFILE`, else `~/.pgpass`) that matches its host, port, database and user. So a
    /// password need not be written on a command line, where other users of the machine can see it.
    public func findingPassword(environment: [String: String]) -> PostgresLocation {
        guard password == nil else { return self }
        var location = self
        if let password = environment["PGPASSWORD"], !password.isEmpty {
            location.password = password
        } else if let file = environment["PGPASSFILE"] ?? environment["HOME"].map({ $0 + "/.pgpass" }) {
            location.password = passwordFile(at: file)
        }
        return location
    }

    /// The password of the first matching line of a password file. As libpq does, a file that others than its
    /// owner may read is ignored, and `localhost` matches a unix-socket connection.
    func passwordFile(at path: String) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let permissions = attributes[.posixPermissions] as? NSNumber, permissions.intValue & 0o077 == 0,
            let text = try? String(contentsOfFile: path, encoding: .utf8)
        else { return nil }
        let host = socketFolder == nil ? host : "localhost"
        let wanted = [host, String(port), database, user]
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = Self.passwordFileFields(line)
            guard fields.count == 5 else { continue }
            if zip(fields, wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }

    /// `host:port:database:user:password`, with `\:` and `\\` escaped.
    static func passwordFileFields(_ line: Substring) -> [String] {
        var fields = [""]
        var isEscaped = false
        for character in line {
            if isEscaped {
                fields[fields.count - 1].append(character)
                isEscaped = false
            } else if character == "\\" {
                isEscaped = true
            } else if character == ":" && fields.count < 5 {
                fields.append("")
            } else {
                fields[fields.count - 1].append(character)
            }
        }
        return fields
    }
}
