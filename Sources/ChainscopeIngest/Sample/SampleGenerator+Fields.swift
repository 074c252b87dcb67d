import ChainscopeCore

extension SampleGenerator {
    func companyName(_ random: inout SampleRandom, kind: EntityKind, isAI: Bool, district: String) -> String {
        let brand = String((0..<2).map { _ in SampleVocabulary.brands[random.below(SampleVocabulary.brands.count)] })
        if kind == .individualBusiness {
            let shops = ["小吃店", "便利店", "理发店", "五金店", "水果店", "电子产品经营部"]
            return "杭州市\(district)\(person(&random))\(shops[random.below(shops.count)])"
        }
        let trades = SampleVocabulary.trades.filter { !isAI || $0.1 }
        let trade = trades[random.below(trades.count)].0
        let base = "杭州\(brand)\(trade)有限公司"
        return kind == .branch ? "\(base)\(district.dropLast())分公司" : base
    }

    func businessScope(_ random: inout SampleRandom, aiItems: [String], decoy: Bool, kind: EntityKind) -> String {
        var items: [String] = []
        if kind == .individualBusiness {
            items = ["餐饮服务", "日用百货销售", "食品销售（仅销售预包装食品）"].shuffled(using: &random)
        } else {
            items = aiItems
            if decoy { items.append(SampleVocabulary.decoys[random.below(SampleVocabulary.decoys.count)]) }
            for _ in 0..<(2 + random.below(5)) {
                let item = SampleVocabulary.generic[random.below(SampleVocabulary.generic.count)]
                if !items.contains(item) { items.append(item) }
            }
            if aiItems.isEmpty || random.below(3) == 0 { items.shuffle(using: &random) }
        }
        if random.below(2) == 0 {
            var text = "一般项目：" + items.joined(separator: "；") + "（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）。"
            if random.below(3) == 0 {
                let licence = SampleVocabulary.licensed[random.below(SampleVocabulary.licensed.count)]
                text += "许可项目：\(licence)（依法须经批准的项目，经相关部门批准后方可开展经营活动，具体经营项目以审批结果为准）。"
            }
            return text
        }
        return items.joined(separator: "、") + "。（依法须经批准的项目，经相关部门批准后方可开展经营活动）"
    }

    func foundingDate(_ random: inout SampleRandom) -> String {
        var roll = random.below(1000)
        var year = 2022
        for entry in SampleVocabulary.years {
            if roll < entry.weight {
                year = entry.year
                break
            }
            roll -= entry.weight
        }
        let month = 1 + random.below(year == 2022 ? 10 : 12)
        let day = 1 + random.below(CalendarDate.days(inMonth: month, year: year))
        switch random.below(10) {
        case 0: return "\(year)/\(month)/\(day)"
        case 1: return "\(year)年\(month)月\(day)日"
        default: return CalendarDate(year: year, month: month, day: day)!.description
        }
    }

    func status(_ random: inout SampleRandom, kind: EntityKind) -> String {
        let roll = random.below(100)
        switch roll {
        case 0..<70: return "存续"
        case 70..<80: return "存续（在营、开业、在册）"
        case 80..<88: return "在业"
        case 88..<90: return "开业"
        case 90..<97: return "注销"
        default: return "吊销，未注销"
        }
    }

    func person(_ random: inout SampleRandom) -> String {
        let surname = SampleVocabulary.surnames[random.below(SampleVocabulary.surnames.count)]
        let given = (0..<(1 + random.below(2))).map { _ in
            SampleVocabulary.givenNames[random.below(SampleVocabulary.givenNames.count)]
        }
        return String(surname) + String(given)
    }

    func capital(_ random: inout SampleRandom, kind: EntityKind) -> String {
        if kind == .individualBusiness { return random.below(2) == 0 ? "-" : "\(1 + random.below(10))万元人民币" }
        let choices = [
            "10万元人民币", "50万元人民币", "100万元人民币", "100万元", "200万元人民币", "500万元人民币", "1000万元人民币",
            "3,000万元人民币", "5000万元", "1亿元人民币", "100万美元", "50万港元", "300万(元)",
        ]
        return choices[random.below(choices.count)]
    }

    func companyType(_ kind: EntityKind) -> String {
        switch kind {
        case .individualBusiness: "个体工商户"
        case .branch: "有限责任公司分公司(自然人投资或控股)"
        default: "有限责任公司(自然人投资或控股)"
        }
    }

    func industry(isAI: Bool, _ segments: [String]) -> (String, String) {
        let made = ["chips", "sensors", "robots", "drones", "smart_home", "autonomous_driving", "storage"]
        if isAI, let first = segments.first, made.contains(first) { return ("制造业", "计算机、通信和其他电子设备制造业") }
        if isAI { return ("信息传输、软件和信息技术服务业", "软件和信息技术服务业") }
        return ("批发和零售业", "批发业")
    }

    /// The district as an export writes it: a few use the names abolished in 2021.
    func districtCell(_ random: inout SampleRandom, _ district: (name: String, code: String, weight: Int)) -> String {
        guard random.below(20) == 0 else { return district.name }
        switch district.code {
        case "330105": return "下城区"
        case "330102", "330114": return "江干区"
        default: return district.name
        }
    }

    func address(
        _ random: inout SampleRandom, _ district: (name: String, code: String, weight: Int), shownAs name: String
    ) -> String {
        let streets = self.streets[RegionCode(rawValue: district.code)!] ?? []
        let street = streets.isEmpty ? "" : streets[random.below(streets.count)]
        let road = SampleVocabulary.roads[random.below(SampleVocabulary.roads.count)]
        return "浙江省杭州市\(name)\(street)\(road)\(1 + random.below(999))号"
    }
}

/// SplitMix64: small, fast and the same on every platform, so a seed always gives the same file.
struct SampleRandom: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// SplitMix64's finaliser; also turns (seed, row) into a row's own starting state, so that rows
    /// are not shifted copies of one stream.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E4B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
