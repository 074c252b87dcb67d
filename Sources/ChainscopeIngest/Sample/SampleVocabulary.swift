/// The words the synthetic registry is made of: business-scope items in the registry's standard
/// wording (经营范围规范表述), grouped by the AI-chain segment they show, and decoys that only look like AI.
enum SampleVocabulary {
    /// Items that show a segment, by segment id, with the segment's layer.
    static let segments: [(id: String, layer: String, items: [String])] = [
        ("chips", "foundation", ["集成电路芯片设计及服务", "集成电路设计", "集成电路芯片及产品制造", "集成电路芯片及产品销售"]),
        ("sensors", "foundation", ["敏感元件及传感器制造", "敏感元件及传感器销售", "智能传感器研发"]),
        ("storage", "foundation", ["计算机存储设备制造", "数据存储设备销售", "数据存储服务"]),
        ("big_data", "foundation", ["大数据服务", "数据处理和存储支持服务", "互联网数据服务"]),
        ("cloud", "foundation", ["云计算装备技术服务", "云计算设备制造", "云计算设备销售"]),
        ("machine_learning", "technology", ["机器学习算法研发", "深度学习技术研发", "神经网络技术开发"]),
        ("ai_software", "technology", ["人工智能应用软件开发", "人工智能基础软件开发", "人工智能理论与算法软件开发", "人工智能基础资源与技术平台"]),
        ("vision", "technology", ["计算机视觉技术研发", "人脸识别技术开发", "图像识别技术服务", "智能视觉检测设备研发"]),
        ("speech_language", "technology", ["语音识别技术开发", "自然语言处理技术研发", "智能语音技术服务"]),
        ("robots", "application", ["工业机器人制造", "服务消费机器人制造", "智能机器人的研发", "智能机器人销售", "特殊作业机器人制造"]),
        ("drones", "application", ["智能无人飞行器制造", "智能无人飞行器销售", "无人机技术服务"]),
        ("smart_home", "application", ["智能家庭消费设备制造", "智能家居系统研发", "智能门锁研发"]),
        ("autonomous_driving", "application", ["智能车载设备制造", "自动驾驶系统研发", "智能网联汽车技术研发"]),
        ("bci", "application", ["脑机接口技术研发", "脑机接口设备研发"]),
        ("ai_integration", "application", ["人工智能行业应用系统集成服务", "人工智能通用应用系统", "人工智能公共服务平台技术咨询服务"]),
    ]

    /// The catalogue's data-processing item, which many IT scopes carry as boilerplate.
    static let boilerplateDataItem = "数据处理和存储支持服务"

    /// Items that look like AI and are not, by the chain definition.
    static let decoys = [
        "人工智能培训", "机器人玩具销售", "智能手机销售", "芯片贴膜", "人工智能双创服务平台", "人工智能硬件销售",
        "楼宇智能化工程施工", "智能家庭消费设备销售", "人工智能教育咨询", "智能仪器仪表销售", "智能农机装备销售",
    ]

    /// Ordinary items of every kind of business.
    static let generic = [
        "技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广", "软件开发", "信息系统集成服务", "计算机系统服务",
        "网络技术服务", "物联网技术服务", "信息技术咨询服务", "市场营销策划", "企业管理咨询", "日用百货销售", "办公用品销售",
        "电子产品销售", "货物进出口", "技术进出口", "会议及展览服务", "广告设计、代理", "五金产品批发", "服装服饰零售",
        "家用电器销售", "机械设备租赁", "工程管理服务", "物业管理", "包装服务", "餐饮管理", "食品销售（仅销售预包装食品）",
    ]

    static let licensed = ["第二类增值电信业务", "餐饮服务", "食品经营", "建设工程施工", "道路货物运输（不含危险货物）"]

    static let brands = Array("云智联创数星海辰恒瑞达宏科腾飞鼎新华泰越禾启明若谷远图灵犀森微睿芯航")
    static let trades = [
        ("智能科技", true), ("人工智能科技", true), ("信息技术", true), ("网络科技", true), ("数据科技", true),
        ("电子科技", true), ("机器人", true), ("微电子", true), ("视觉技术", true), ("贸易", false), ("餐饮管理", false),
        ("商贸", false), ("文化传媒", false), ("建筑工程", false), ("教育咨询", false), ("电子商务", false),
    ]
    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐")
    static let givenNames = Array("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂")
    static let roads = ["文三路", "江南大道", "网商路", "学院路", "古墩路", "莫干山路", "解放路", "钱江路", "金城路", "文一西路"]

    /// Hangzhou's county-level divisions with their share of registrations (they add up to 1,000).
    static let districts: [(name: String, code: String, weight: Int)] = [
        ("余杭区", "330110", 160), ("西湖区", "330106", 140), ("滨江区", "330108", 140), ("拱墅区", "330105", 100),
        ("上城区", "330102", 95), ("萧山区", "330109", 100), ("钱塘区", "330114", 60), ("临平区", "330113", 60),
        ("富阳区", "330111", 50), ("临安区", "330112", 40), ("桐庐县", "330122", 20), ("建德市", "330182", 20),
        ("淳安县", "330127", 15),
    ]

    /// Share of registrations per founding year, per thousand: Jan–Oct 2022 outgrows all of 2021.
    static let years: [(year: Int, weight: Int)] = [
        (2015, 40), (2016, 50), (2017, 70), (2018, 90), (2019, 110), (2020, 140), (2021, 220), (2022, 280),
    ]
}
