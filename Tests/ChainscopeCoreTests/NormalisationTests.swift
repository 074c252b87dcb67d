import ChainscopeCore
import Foundation
import Testing

@Suite("Registry value normalisation")
struct NormalisationTests {
    @Test(
        "Dates in every spelling exports use",
        arguments: [
            ("2022-01-05", "2022-01-05"), ("2022/1/5", "2022-01-05"), ("2022.01.05", "2022-01-05"),
            ("2022年1月5日", "2022-01-05"), ("20220105", "2022-01-05"), ("44566", "2022-01-05"),
            ("44566.0", "2022-01-05"), ("44264.604166666664", "2021-03-09"), ("44264.999", "2021-03-09"),
            ("1423065600000", "2015-02-05"), ("1423065600", "2015-02-05"), ("-315648000000", "1960-01-01"),
            ("583686000000", "1988-07-01"),
            ("2022-01-05 00:00:00", "2022-01-05"), ("２０２２－０１－０５", "2022-01-05"),
            ("2020/2/29", "2020-02-29"), ("61", "1900-03-01"), ("59", "1900-02-28"), ("1", "1900-01-01"),
            (" 2015-12-31 ", "2015-12-31"), ("2022 年 1 月 5 日", "2022-01-05"), ("2022 - 01 - 05", "2022-01-05"),
        ])
    func dates(text: String, expected: String) throws {
        #expect(try RegistryDate.parse(text).get() == CalendarDate(iso: expected))
    }

    @Test(
        "Empty markers are unknown dates, never a day",
        arguments: ["", "-", "--", "N/A", "无", "暂无", "  ", "未公开", "不详", "未知", "暂未公开", " 未公开 "])
    func emptyDates(text: String) throws {
        #expect(try RegistryDate.parse(text).get() == nil)
    }

    @Test(
        "Impossible or unreadable dates are problems with the value in the reason",
        arguments: [
            "2021-02-29", "2022-13-01", "2022/1", "yesterday", "60", "22-01-05", "202201", "2022.01", "2022.5",
            "44264.5x", "2022 01 05", "20 22-01-05", "2022-0 1-05",
        ])
    func badDates(text: String) {
        guard case .failure(let problem) = RegistryDate.parse(text) else {
            Issue.record("'\(text)' was accepted")
            return
        }
        #expect(problem.description.contains("'\(text)'"))
    }

    @Test("Excel serials and days round-trip over two centuries")
    func excelSerials() throws {
        for serial in stride(from: 61, through: 73_050, by: 97) {
            let date = try #require(RegistryDate.excelSerial(String(serial)))
            #expect(date.daysSince1899December30 == serial)
        }
        #expect(RegistryDate.excelSerial("45657") == CalendarDate(year: 2024, month: 12, day: 31))
    }

    @Test(
        "Registered capital to an exact amount and currency",
        arguments: [
            ("1000万元人民币", "10000000", "CNY"), ("500万美元", "5000000", "USD"), ("1.2亿元", "120000000", "CNY"),
            ("100万(元)", "1000000", "CNY"), ("13,400万元", "134000000", "CNY"), ("50万人民币", "500000", "CNY"),
            ("100万（元）", "1000000", "CNY"), ("3000", "30000000", "CNY"), ("200万港币", "2000000", "HKD"),
            ("0.5万元", "5000", "CNY"), ("8888元", "8888", "CNY"), ("10万欧元", "100000", "EUR"),
            ("123.4567万元", "1234567", "CNY"), ("人民币100万元", "1000000", "CNY"), ("￥100万元", "1000000", "CNY"),
            ("RMB 50万", "500000", "CNY"), ("USD 1,000,000", "1000000", "USD"), ("1,000,000 usd", "1000000", "USD"),
            ("1亿2000万元", "120000000", "CNY"), ("1千万元", "10000000", "CNY"), ("100万元整", "1000000", "CNY"),
            ("100万澳大利亚元", "1000000", "AUD"), ("100万新台币", "1000000", "TWD"), ("100万元美元", "1000000", "USD"),
            ("100万(元)人民币", "1000000", "CNY"), ("1000000", "10000000000", "CNY"),
        ])
    func capital(text: String, amount: String, currency: String) throws {
        #expect(
            try RegisteredCapital.parse(text).get() == Money(Decimal(string: amount)!, Currency(rawValue: currency)))
    }

    @Test(
        "A bare number counts the unit its header names; a cell's own unit wins",
        arguments: [
            ("万元", "1000", "10000000", "CNY"), ("元", "1000", "1000", "CNY"), ("万美元", "50", "500000", "USD"),
            ("单位:万元人民币", "3", "30000", "CNY"), ("亿元", "1.5", "150000000", "CNY"), ("万美元", "100万", "1000000", "USD"),
            ("元", "100万元", "1000000", "CNY"), ("元", "2万美元", "20000", "USD"),
        ])
    func capitalInHeaderUnit(qualifier: String, text: String, amount: String, currency: String) throws {
        let unit = try #require(RegisteredCapital.Unit(qualifier: qualifier))
        #expect(
            try RegisteredCapital.parse(text, bareNumbersIn: unit).get()
                == Money(Decimal(string: amount)!, Currency(rawValue: currency)))
    }

    @Test("A qualifier that names no unit is none", arguments: ["原币", "说明", "1万元", "币种"])
    func notAUnit(qualifier: String) {
        #expect(RegisteredCapital.Unit(qualifier: qualifier) == nil)
    }

    @Test("Capital markers and junk", arguments: ["-", "N/A", "", "未公开", "不详", "暂未公开"])
    func emptyCapital(text: String) throws {
        #expect(try RegisteredCapital.parse(text).get() == nil)
    }

    @Test(
        "Unreadable capital is a problem",
        arguments: ["很多", "万元", "100万比特币", "1.2.3万元", "100万元abc", "2000万1亿元", "1亿2000", "万元100", "壹佰万元"])
    func badCapital(text: String) {
        #expect(throws: ValueProblem.self) { try RegisteredCapital.parse(text).get() }
    }

    @Test(
        "Registration numbers: a spreadsheet's .0 and text mark are dropped, its scientific notation refused",
        arguments: [
            ("330100000012345", "330100000012345"), ("330100000012345.0", "330100000012345"),
            (" ３３０１００００００１２３４５ ", "330100000012345"), ("E1234", "E1234"), ("3301000000.12", "3301000000.12"),
            ("'330100000012345", "330100000012345"), ("＇330100000012345", "330100000012345"),
            ("3.30100000012345E+14", nil), ("3.301E+14", nil), ("3e14", nil), ("3.3E-2", nil),
        ] as [(String, String?)])
    func registrationNumbers(text: String, expected: String?) {
        switch RegistrationNumber.parse(text) {
        case .success(let number): #expect(number == expected)
        case .failure(let problem):
            #expect(expected == nil && problem.description.contains("scientific notation"), "\(problem)")
        }
    }

    @Test(
        "Registration statuses",
        arguments: [
            ("存续", RegistrationStatus.active), ("在业", .active), ("开业", .active),
            ("存续（在营、开业、在册）", .active), ("注销", .deregistered), ("吊销", .revoked),
            ("吊销，未注销", .revoked), ("吊销，已注销", .deregistered), ("迁出", .movedOut), ("撤销", .cancelled),
            ("停业", .suspended), ("清算", .liquidating), ("Active", .active), ("撤消", .cancelled),
            ("责令关闭", .revoked), ("仍注册", .active), ("已告解散", .deregistered), ("解散", .liquidating),
            ("In Business", .active), (" Registered ", .active), ("Live", .active), ("De-registered", .deregistered),
            ("Struck Off", .deregistered), ("Business License Revoked", .revoked), ("Moved-Out", .movedOut),
            ("In Liquidation", .liquidating), ("ＡＣＴＩＶＥ", .active),
        ])
    func statuses(text: String, expected: RegistrationStatus) throws {
        #expect(try RegistrationStatus.parse(text).get() == expected)
    }

    @Test("Unknown statuses are problems; empty ones unknown")
    func badStatus() throws {
        #expect(throws: ValueProblem.self) { try RegistrationStatus.parse("很好").get() }
        #expect(throws: ValueProblem.self) { try RegistrationStatus.parse("Not active").get() }
        #expect(try RegistrationStatus.parse("-").get() == nil)
        #expect(try RegistrationStatus.parse("未知").get() == nil)
    }

    @Test(
        "The reason for an unknown status names only words that are read, in every language",
        arguments: Language.allCases)
    func statusReason(language: Language) throws {
        let reason = QuarantineReason.status(text: "很好").text(in: language)
        let named =
            ["存续", "在业", "开业", "注销", "吊销", "迁出", "撤销", "停业"]
            + ["Active", "Deregistered", "Revoked", "Moved out", "Suspended", "In liquidation"]
        for word in named {
            #expect(reason.contains(word), "\(word) in \(reason)")
            #expect(try RegistrationStatus.parse(word).get() != nil)
        }
    }

    @Test("No empty marker is longer than the length the scan checks cells against")
    func markerLength() {
        #expect(TextFolding.emptyMarkers.map(\.utf8.count).max() == TextFolding.emptyMarkerBytes)
        #expect(!TextFolding.isEmptyMarker("未公开的信息"))
    }

    @Test(
        "Texts that differ only in full-width forms or white space are one text",
        arguments: [
            ("杭州甲（中国）有限公司", "杭州甲(中国)有限公司", true), ("文三路１２号", "文三路 12 号", true),
            ("ＡＢＣ Co.,Ltd", "ABC Co., Ltd", true), ("杭州甲有限公司", "杭州乙有限公司", false),
            ("文三路12号", "文三路21号", false), ("杭州甲（中国）有限公司", "杭州甲有限公司", false),
        ])
    func respellings(text: String, other: String, isRespelling: Bool) {
        #expect(TextFolding.isRespelling(text, of: other) == isRespelling)
        #expect(TextFolding.isRespelling(other, of: text) == isRespelling)
    }

    @Test("A name's other spellings write its brackets and full-width forms the other way")
    func otherSpellings() {
        #expect(TextFolding.otherSpellings(of: "杭州甲(中国)有限公司") == ["杭州甲（中国）有限公司"])
        #expect(TextFolding.otherSpellings(of: "杭州甲（中国）有限公司") == ["杭州甲(中国)有限公司"])
        #expect(TextFolding.otherSpellings(of: "ＡＢＣ（中国）") == ["ABC(中国)", "ABC（中国）"])
        #expect(TextFolding.otherSpellings(of: "杭州甲有限公司").isEmpty)
    }

    @Test(
        "Entity kinds",
        arguments: [
            ("92330106MA2AXXXX1X", "杭州某某小吃店", nil, EntityKind.individualBusiness),
            ("91330106MA2AXXXX1X", "杭州某某科技有限公司滨江分公司", nil, .branch),
            (nil, "某某银行杭州营业部", nil, .branch),
            (nil, "某某店", "个体工商户", .individualBusiness),
            ("91330106MA2AXXXX1X", "杭州某某科技有限公司", "有限责任公司(非自然人投资或控股的法人独资)", .company),
            (nil, "某某科技", "有限责任公司分公司(自然人投资或控股)", .branch),
        ] as [(String?, String, String?, EntityKind)])
    func kinds(code: String?, name: String, type: String?, expected: EntityKind) {
        #expect(EntityKind.classify(creditCode: code, name: name, companyType: type) == expected)
    }
}

@Suite("Unified social credit codes")
struct CreditCodeTests {
    @Test(
        "Valid codes pass both checks, with case, width, spaces and a text mark folded",
        arguments: [
            "91330000733796106P", "91330100799655058B", "91110000802100433B", "91350100M000100Y43",
            "91330100799655058b", "９１３３０１００７９９６５５０５８Ｂ", "9133 0100 7996 5505 8B",
            "'91330100799655058B", "＇９１３３０１００７９９６５５０５８Ｂ",
        ])
    func valid(text: String) throws {
        let code = try CreditCode.validate(text).get()
        #expect(code.value.count == 18)
        #expect(code.value == code.value.uppercased())
    }

    @Test(
        "Invalid codes say what is wrong",
        arguments: [
            ("9133010079965505", "has 16 characters"), ("91330100799655058I", "'I' is not allowed"),
            ("91330100799655058A", "check character (position 18) is 'A', GB 32100 gives 'B'"),
            ("91330100799655068B", "organisation-code check character (position 17) is '8', GB 11714 gives '6'"),
            ("9.13301E+17", "a spreadsheet wrote it as a number in scientific notation"),
            ("9.13301e17", "scientific notation"), ("9.13301", "has 7 characters"),
            ("''91330100799655058B", "has 19 characters"), ("91330100799655058B'", "has 19 characters"),
        ])
    func invalid(text: String, reason: String) {
        guard case .failure(let problem) = CreditCode.validate(text) else {
            Issue.record("'\(text)' was accepted")
            return
        }
        #expect(problem.description.contains(reason), "\(problem)")
    }

    @Test("Generated codes validate, and changing any one character breaks them")
    func generatorAgrees() throws {
        var generator = SplitMix(seed: 7)
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
        for _ in 0..<300 {
            let body = "9" + "1" + "330106" + String((0..<8).map { _ in alphabet[Int(generator.next() % 31)] })
            let code = try #require(CreditCode.completing(body))
            #expect(try CreditCode.validate(code.value).get() == code)
            let position = Int(generator.next() % 18)
            var characters = Array(code.value)
            let original = characters[position]
            characters[position] = alphabet.first { $0 != original && alphabet.firstIndex(of: $0)! > 9 }!
            #expect((try? CreditCode.validate(String(characters)).get()) == nil, "\(String(characters))")
        }
    }

    @Test("The byte-level reading of ASCII codes agrees with the character-level one")
    func asciiPathAgrees() throws {
        var generator = SplitMix(seed: 11)
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
        // Full-width input takes the character-level path; the same code in ASCII takes the byte-level one.
        func fullWidth(_ text: String) -> String {
            String(String.UnicodeScalarView(text.unicodeScalars.map { Unicode.Scalar($0.value + 0xFEE0)! }))
        }
        for _ in 0..<300 {
            let body = "91330106" + String((0..<8).map { _ in alphabet[Int(generator.next() % 31)] })
            var characters = Array(try #require(CreditCode.completing(body)).value)
            if generator.next() % 2 == 0 {
                characters[Int(generator.next() % 18)] = alphabet[Int(generator.next() % 31)]
            }
            let text = String(characters)
            #expect(CreditCode.validate(text) == CreditCode.validate(fullWidth(text)), "\(text)")
        }
    }

    @Test("The code names the registering province and region")
    func parts() throws {
        let code = try CreditCode.validate("91330100799655058B").get()
        #expect(code.provinceKey == "33")
        #expect(code.registrationRegion == .hangzhou)
        #expect(!code.isIndividualBusiness)
    }
}

/// A small deterministic generator for tests.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E4B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
