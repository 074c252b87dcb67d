import ChainscopeCore

/// A company as `explain` takes it: its credit code, its key as `changes` and the dashboard print it
/// (`regno:…`, `name:330106:…`), the registration number (注册号) that keys a company without a credit code,
/// or its name.
enum CompanyReference {
    case key(CompanyKey, described: String)
    case name(String)

    /// Reads `text`; one that reads as a credit code but is not a valid one is a usage error saying why.
    init(_ text: String) throws(CommandError) {
        let trimmed = text.trimmed
        switch CreditCode.validate(trimmed) {
        case .success(let code):
            self = .key(.creditCode(code.value), described: "the credit code \(code.value)")
            return
        case .failure(.length):
            break
        case .failure(let problem):
            throw CommandError(
                "'\(trimmed)' is not a valid credit code: \(problem); copy it again from the registry.", exitCode: 64)
        }
        // Registration numbers are digits (15 since 2007, 13 before), some with letters; older ones in other
        // forms are reached by their key.
        let number = TextFolding.textMarkerDropped(TextFolding.halfWidth(trimmed))
        let isNumber =
            number.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } && number.contains(where: \.isNumber)
        if let key = CompanyKey(trimmed) {
            self = .key(key, described: "the key \(key)")
        } else if isNumber, number.count >= 8 {
            self = .key(.registrationNumber(number), described: "the registration number \(number)")
        } else if !isNumber, trimmed.count >= 2 {
            self = .name(trimmed)
        } else {
            throw CommandError(
                "'\(trimmed)' is not a credit code (18 characters), a registration number (注册号), a company key "
                    + "(uscc:…, regno:…, name:REGION:…) or a company name.", exitCode: 64)
        }
    }

    /// The stored company it names; a name must name one company exactly, else the error lists the candidates.
    func company(in store: any Store) async throws(CommandError) -> Company {
        switch self {
        case .key(let key, let described):
            guard let company = try await CommandError.storing({ try await store.company(key: key) }) else {
                throw CommandError("No stored company has \(described); import an export that holds it.", exitCode: 65)
            }
            return company
        case .name(let name):
            let exact = try await Self.companies(named: name, in: store)
            if exact.count == 1 { return exact[0] }
            let companies: [Company]
            if exact.isEmpty {
                companies = try await CommandError.storing {
                    try await store.companies(matching: CompanyQuery(text: name, limit: Self.candidates + 1))
                }.companies.map(\.company)
            } else {
                companies = exact
            }
            guard !companies.isEmpty else {
                throw CommandError("No stored company's name contains '\(name)'.", exitCode: 65)
            }
            let listed = companies.prefix(Self.candidates).map { company in
                "  \(company.key)  \(company.names.zh ?? company.names.en ?? "")"
            }
            let more = companies.count > Self.candidates ? "\n  …" : ""
            let what =
                exact.isEmpty
                ? "No stored company is named '\(name)'; these names contain it"
                : "\(exact.count > Self.candidates ? "More than \(Self.candidates)" : "\(exact.count)") stored "
                    + "companies are named '\(name)'"
            throw CommandError(
                "\(what). Pass a credit code or key:\n\(listed.joined(separator: "\n"))\(more)", exitCode: 65)
        }
    }

    /// The stored companies named `name` however its brackets and full-width forms are spelt (up to one more than
    /// `candidates`), asked of the store by name: a company's name is also part of its branches' and of other
    /// companies' names, which a search lists too, often before it.
    private static func companies(named name: String, in store: any Store) async throws(CommandError) -> [Company] {
        var companies: [Company] = []
        for spelling in [name] + TextFolding.otherSpellings(of: name) {
            let found = try await CommandError.storing {
                try await store.companies(matching: CompanyQuery(name: spelling, limit: candidates + 1))
            }
            for listing in found.companies where !companies.contains(where: { $0.key == listing.company.key }) {
                companies.append(listing.company)
            }
        }
        return companies
    }

    /// How many companies an ambiguous name lists.
    static let candidates = 10
}
