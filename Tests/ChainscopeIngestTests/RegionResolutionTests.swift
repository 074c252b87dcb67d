import ChainscopeCore
import ChainscopeIngest
import Testing

@Suite("Hangzhou's 2021 district reorganisation")
struct RegionResolutionTests {
    static let directory = Result { try RegionTableReader().readBuiltin() }

    func regions() throws -> RegionDirectory { try Self.directory.get() }

    func code(_ text: String) -> RegionCode { RegionCode(rawValue: text)! }

    @Test("The tables hold China's provinces, prefectures and counties, old and new")
    func tables() throws {
        let regions = try regions()
        #expect(regions.regions.values.filter { $0.level == .province }.count == 31)
        #expect(regions.children(of: .hangzhou).filter(\.isCurrent).count == 13)
        #expect(regions.region(code("330103"))?.names.zh == "下城区")
        #expect(regions.region(code("330103"))?.isCurrent == false)
        #expect(regions.region(code("330104"))?.validTo == CalendarDate(year: 2021, month: 4, day: 8))
        #expect(regions.region(code("330114"))?.validFrom == CalendarDate(year: 2021, month: 4, day: 9))
        #expect(regions.region(code("330113"))?.names.ko == "린핑구")
        #expect(regions.streets(in: code("330114")).count == 7)
    }

    @Test(
        "Old and current district names resolve to today's district",
        arguments: [
            ("下城区", nil, "330105"),
            ("杭州市下城区", "", "330105"),
            ("江干区", "杭州市江干区下沙街道1号", "330114"),
            ("江干区", "杭州市江干区凯旋街道凤起东路", "330102"),
            ("余杭区", "杭州市余杭区临平街道人民大道", "330113"),
            ("余杭区", "浙江省杭州市余杭区闲林街道", "330110"),
            ("萧山区", "萧山区义蓬街道", "330114"),
            ("萧山区", "萧山区北干街道", "330109"),
            ("西湖区", nil, "330106"),
            ("330104", "江干区白杨街道", "330114"),
            ("Xihu District", nil, "330106"), ("LIN'AN", nil, "330112"), ("linan qu", nil, "330112"),
            ("시후구", nil, "330106"), ("Xiacheng District", nil, "330105"),
        ] as [(String, String?, String)])
    func resolves(district: String, address: String?, expected: String) throws {
        let resolution = try regions().resolveDistrict(district, address: address, city: .hangzhou)
        #expect(resolution.code == code(expected), "\(resolution)")
    }

    @Test("The memo an import resolves through gives what the directory gives, row after row")
    func memo() throws {
        let regions = try regions()
        let memo = DistrictMemo(regions)
        let after = CalendarDate(year: 2022, month: 5, day: 1)
        // The same names again and again, with addresses and dates that decide differently each time.
        let rows: [(String, String?, CalendarDate?)] = [
            ("江干区", "杭州市江干区下沙街道1号", nil), ("江干区", "杭州市江干区凯旋街道凤起东路", nil), ("江干区", "钱江路", nil),
            ("余杭区", "余杭区临平街道人民大道", nil), ("余杭区", nil, nil), ("余杭区", nil, after), ("下城区", nil, nil),
            ("西湖区", nil, nil), ("杭州市下城区", "", nil), ("不存在区", nil, nil),
        ]
        for (name, address, date) in rows + rows {
            #expect(
                memo.resolveDistrict(name, address: address, city: .hangzhou, on: date)
                    == regions.resolveDistrict(name, address: address, city: .hangzhou, on: date),
                "\(name) \(address ?? "")")
        }
        #expect(memo.prefecture(named: "杭州市") == .hangzhou)
        #expect(memo.prefecture(named: "Hangzhou City") == .hangzhou)
        #expect(memo.prefecture(named: "西湖区") == nil)
        #expect(memo.prefecture(named: "杭州市") == .hangzhou)
    }

    @Test("A split district without a street is ambiguous, never a guess")
    func ambiguous() throws {
        let regions = try regions()
        #expect(
            regions.resolveDistrict("江干区", address: "杭州市江干区钱江路", city: .hangzhou)
                == .ambiguous(candidates: [code("330102"), code("330114")], district: code("330104")))
        #expect(
            regions.resolveDistrict("余杭区", address: nil, city: .hangzhou)
                == .ambiguous(candidates: [code("330110"), code("330113")], district: code("330110")))
    }

    @Test("A reduced district named after the change means the reduced district")
    func afterTheChange() throws {
        let after = CalendarDate(year: 2022, month: 5, day: 1)
        let before = CalendarDate(year: 2020, month: 5, day: 1)
        let regions = try regions()
        #expect(regions.resolveDistrict("余杭区", city: .hangzhou, on: after) == .resolved(code("330110"), rule: .current))
        #expect(regions.resolveDistrict("余杭区", city: .hangzhou, on: before).code == nil)
    }

    @Test("The rule says why: the sole successor, or the street")
    func rules() throws {
        let regions = try regions()
        #expect(regions.resolveDistrict("下城区") == .resolved(code("330105"), rule: .soleSuccessor(from: code("330103"))))
        guard case .resolved(_, .street(let street, let from)) = regions.resolveDistrict("江干区", address: "下沙街道")
        else {
            Issue.record("expected a street rule")
            return
        }
        #expect(street.name == "下沙街道")
        #expect(from == code("330104"))
    }

    @Test("Unknown names are unknown")
    func unknown() throws {
        #expect(try regions().resolveDistrict("东城区", city: .hangzhou) == .unknown("东城区"))
        #expect(try regions().resolveDistrict("朝阳区") == .unknown("朝阳区"))
        #expect(try regions().resolveDistrict("Xihu Lake District", city: .hangzhou) == .unknown("Xihu Lake District"))
        #expect(try regions().resolveDistrict("District", city: .hangzhou) == .unknown("District"))
    }
}
