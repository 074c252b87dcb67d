import ChainscopeCore

/// A company as `explain` takes it: its credit code, its key as `changes` and the dashboard print it
/// (`regno:…`, `name:330106:…`), the registration number (注册号) that keys a company without a credit code,
/// or its name.
enum CompanyReference {
    case key(CompanyKey, described: Described)
    case name(String)

    /// How a company was named, for saying that no stored company has it.
    enum Described {
        case creditCode(String), key(String), registrationNumber(String)

        /// What the company was named by, and the value: `신용코드가 X`, `信用代码为 X`, `the credit code X`.
        func text(in language: Language) -> String {
            switch self {
            case .creditCode(let code): language.pick("신용코드가 \(code)", "信用代码为 \(code)", "the credit code \(code)")
            case .key(let key): language.pick("키가 \(key)", "键为 \(key)", "the key \(key)")
            case .registrationNumber(let number):
                language.pick("등록번호(注册号)가 \(number)", "注册号为 \(number)", "the registration number \(number)")
            }
        }
    }

    /// Reads `text`; one that reads as a credit code but is not a valid one is a usage error saying why.
    init(_ text: String) throws(CommandError) {
        let trimmed = text.trimmed
        switch CreditCode.validate(trimmed) {
        case .success(let code):
            self = .key(.creditCode(code.value), described: .creditCode(code.value))
            return
        case .failure(.length):
            break
        case .failure(let problem):
            throw CommandError(
                ko: "'\(trimmed)'은(는) 유효한 신용코드가 아닙니다: \(problem.text(in: .ko)). 등기부에서 다시 복사하세요.",
                zh: "“\(trimmed)”不是有效的统一社会信用代码：\(problem.text(in: .zh))；请从登记信息重新复制。",
                en:
                    "'\(trimmed)' is not a valid credit code: \(problem.text(in: .en)); copy it again from the registry.",
                exitCode: 64)
        }
        // Registration numbers are digits (15 since 2007, 13 before), some with letters; older ones in other
        // forms are reached by their key.
        let number = TextFolding.textMarkerDropped(TextFolding.halfWidth(trimmed))
        let isNumber =
            number.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } && number.contains(where: \.isNumber)
        if let key = CompanyKey(trimmed) {
            self = .key(key, described: .key(key.description))
        } else if isNumber, number.count >= 8 {
            self = .key(.registrationNumber(number), described: .registrationNumber(number))
        } else if !isNumber, trimmed.count >= 2 {
            self = .name(trimmed)
        } else {
            throw CommandError(
                ko: "'\(trimmed)'은(는) 신용코드(18자), 등록번호(注册号), 기업 키(uscc:…, regno:…, name:REGION:…), "
                    + "기업명 중 어느 것도 아닙니다.",
                zh: "“\(trimmed)”既不是统一社会信用代码（18 位）、注册号、企业键（uscc:…、regno:…、name:REGION:…），"
                    + "也不是企业名称。",
                en: "'\(trimmed)' is not a credit code (18 characters), a registration number (注册号), a company key "
                    + "(uscc:…, regno:…, name:REGION:…) or a company name.", exitCode: 64)
        }
    }

    /// The stored company it names; a name must name one company exactly, else the error lists the candidates.
    func company(in store: any Store) async throws(CommandError) -> Company {
        switch self {
        case .key(let key, let described):
            guard let company = try await CommandError.storing({ try await store.company(key: key) }) else {
                throw CommandError(
                    ko: "\(described.text(in: .ko))인 기업이 저장되어 있지 않습니다. 그 기업이 든 파일을 가져오세요.",
                    zh: "没有\(described.text(in: .zh)) 的已存储企业；请导入包含该企业的文件。",
                    en: "No stored company has \(described.text(in: .en)); import an export that holds it.",
                    exitCode: 65)
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
                throw CommandError(
                    ko: "이름에 '\(name)'이(가) 들어간 기업이 저장되어 있지 않습니다.",
                    zh: "没有名称包含“\(name)”的已存储企业。",
                    en: "No stored company's name contains '\(name)'.", exitCode: 65)
            }
            let listed = companies.prefix(Self.candidates).map { company in
                "  \(company.key)  \(company.names.zh ?? company.names.en ?? "")"
            }
            let list = "\n" + listed.joined(separator: "\n") + (companies.count > Self.candidates ? "\n  …" : "")
            let many = exact.count > Self.candidates
            let count = many ? "\(Self.candidates)" : "\(exact.count)"
            if exact.isEmpty {
                throw CommandError(
                    ko: "이름이 '\(name)'인 기업은 저장되어 있지 않고, 다음 기업의 이름에 들어 있습니다. 신용코드나 키를 "
                        + "지정하세요:" + list,
                    zh: "没有名为“\(name)”的已存储企业；以下企业的名称包含它。请指定信用代码或键：" + list,
                    en: "No stored company is named '\(name)'; these names contain it. Pass a credit code or key:"
                        + list,
                    exitCode: 65)
            }
            throw CommandError(
                ko: "이름이 '\(name)'인 기업이 \(count)개\(many ? " 넘게" : "") 저장되어 있습니다. 신용코드나 키를 지정하세요:"
                    + list,
                zh: "已存储\(many ? "超过 " : " ")\(count) 家名为“\(name)”的企业。请指定信用代码或键：" + list,
                en:
                    "\(many ? "More than \(count)" : count) stored companies are named '\(name)'. Pass a credit code or "
                    + "key:" + list, exitCode: 65)
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
