/// People and company names: simplified Chinese with the pinyin used for slugs and e-mails.
/// All names are combinations; any resemblance to a real company or person is chance.
enum Names {
    /// Surnames with pinyin.
    static let surnames: [(String, String)] = [
        ("王", "wang"), ("李", "li"), ("张", "zhang"), ("刘", "liu"), ("陈", "chen"), ("杨", "yang"),
        ("黄", "huang"), ("赵", "zhao"), ("吴", "wu"), ("周", "zhou"), ("徐", "xu"), ("孙", "sun"),
        ("马", "ma"), ("朱", "zhu"), ("胡", "hu"), ("郭", "guo"), ("何", "he"), ("高", "gao"),
        ("林", "lin"), ("罗", "luo"), ("郑", "zheng"), ("梁", "liang"), ("谢", "xie"), ("宋", "song"),
        ("唐", "tang"), ("许", "xu"), ("韩", "han"), ("冯", "feng"), ("邓", "deng"), ("曹", "cao"),
        ("彭", "peng"), ("曾", "zeng"), ("肖", "xiao"), ("田", "tian"), ("董", "dong"), ("袁", "yuan"),
        ("潘", "pan"), ("于", "yu"), ("蒋", "jiang"), ("蔡", "cai"), ("余", "yu"), ("杜", "du"),
        ("叶", "ye"), ("程", "cheng"), ("苏", "su"), ("魏", "wei"), ("吕", "lv"), ("丁", "ding"),
        ("任", "ren"), ("沈", "shen"), ("姚", "yao"), ("卢", "lu"), ("姜", "jiang"), ("崔", "cui"),
        ("钟", "zhong"), ("谭", "tan"), ("陆", "lu"), ("汪", "wang"), ("范", "fan"), ("金", "jin"),
        ("石", "shi"), ("廖", "liao"), ("贾", "jia"), ("夏", "xia"), ("韦", "wei"), ("付", "fu"),
        ("方", "fang"), ("白", "bai"), ("邹", "zou"), ("孟", "meng"), ("熊", "xiong"), ("秦", "qin"),
        ("邱", "qiu"), ("江", "jiang"), ("尹", "yin"), ("薛", "xue"), ("闫", "yan"), ("段", "duan"),
        ("雷", "lei"), ("侯", "hou"), ("龙", "long"), ("史", "shi"), ("陶", "tao"), ("黎", "li"),
        ("贺", "he"), ("顾", "gu"), ("毛", "mao"), ("郝", "hao"), ("龚", "gong"), ("邵", "shao"),
        ("万", "wan"), ("钱", "qian"), ("严", "yan"), ("武", "wu"), ("戴", "dai"), ("孔", "kong"),
        ("汤", "tang"), ("欧阳", "ouyang"), ("司马", "sima"), ("上官", "shangguan"),
    ]

    /// Given names with pinyin.
    static let givenNames: [(String, String)] = [
        ("伟", "wei"), ("芳", "fang"), ("娜", "na"), ("敏", "min"), ("静", "jing"), ("丽", "li"),
        ("强", "qiang"), ("磊", "lei"), ("军", "jun"), ("洋", "yang"), ("勇", "yong"), ("艳", "yan"),
        ("杰", "jie"), ("娟", "juan"), ("涛", "tao"), ("明", "ming"), ("超", "chao"), ("秀兰", "xiulan"),
        ("霞", "xia"), ("平", "ping"), ("刚", "gang"), ("桂英", "guiying"), ("建华", "jianhua"),
        ("志强", "zhiqiang"), ("晓东", "xiaodong"), ("海燕", "haiyan"), ("建国", "jianguo"),
        ("丽华", "lihua"), ("志明", "zhiming"), ("小红", "xiaohong"), ("晓明", "xiaoming"),
        ("振宇", "zhenyu"), ("子涵", "zihan"), ("雨萱", "yuxuan"), ("浩然", "haoran"), ("思远", "siyuan"),
        ("佳怡", "jiayi"), ("俊杰", "junjie"), ("欣怡", "xinyi"), ("文博", "wenbo"), ("宇航", "yuhang"),
        ("婷婷", "tingting"), ("志伟", "zhiwei"), ("国华", "guohua"), ("德明", "deming"), ("雪梅", "xuemei"),
        ("红梅", "hongmei"), ("海波", "haibo"), ("立新", "lixin"), ("春燕", "chunyan"), ("文静", "wenjing"),
        ("晓燕", "xiaoyan"), ("鹏", "peng"), ("斌", "bin"), ("峰", "feng"), ("辉", "hui"), ("亮", "liang"),
        ("波", "bo"), ("宁", "ning"), ("琳", "lin"), ("倩", "qian"), ("颖", "ying"), ("璐", "lu"),
        ("瑶", "yao"), ("晨", "chen"), ("昊", "hao"), ("凯", "kai"), ("鑫", "xin"), ("帆", "fan"),
        ("楠", "nan"), ("蕾", "lei"), ("薇", "wei"), ("慧", "hui"), ("嘉欣", "jiaxin"), ("子轩", "zixuan"),
        ("一鸣", "yiming"), ("天宇", "tianyu"), ("梦琪", "mengqi"), ("可馨", "kexin"), ("永刚", "yonggang"),
        ("卫东", "weidong"), ("国强", "guoqiang"), ("玉兰", "yulan"), ("建军", "jianjun"), ("秀英", "xiuying"),
        ("振华", "zhenhua"), ("晓峰", "xiaofeng"), ("美玲", "meiling"), ("宏伟", "hongwei"), ("少华", "shaohua"),
        ("丹", "dan"), ("健", "jian"), ("毅", "yi"), ("翔", "xiang"), ("雯", "wen"), ("欢", "huan"),
    ]

    /// Cities with their sales region.
    static let cities: [(name: String, region: String)] = [
        ("上海", "华东"), ("南京", "华东"), ("苏州", "华东"), ("杭州", "华东"), ("宁波", "华东"), ("无锡", "华东"),
        ("合肥", "华东"), ("济南", "华东"), ("青岛", "华东"), ("福州", "华东"), ("厦门", "华东"), ("南昌", "华东"),
        ("温州", "华东"), ("常州", "华东"), ("烟台", "华东"), ("绍兴", "华东"), ("嘉兴", "华东"), ("徐州", "华东"),
        ("北京", "华北"), ("天津", "华北"), ("石家庄", "华北"), ("太原", "华北"), ("呼和浩特", "华北"),
        ("唐山", "华北"), ("保定", "华北"), ("廊坊", "华北"),
        ("广州", "华南"), ("深圳", "华南"), ("东莞", "华南"), ("佛山", "华南"), ("珠海", "华南"),
        ("南宁", "华南"), ("海口", "华南"), ("中山", "华南"), ("惠州", "华南"), ("汕头", "华南"),
        ("武汉", "华中"), ("长沙", "华中"), ("郑州", "华中"), ("洛阳", "华中"), ("宜昌", "华中"),
        ("株洲", "华中"), ("襄阳", "华中"),
        ("成都", "西南"), ("重庆", "西南"), ("昆明", "西南"), ("贵阳", "西南"), ("绵阳", "西南"), ("南充", "西南"),
        ("西安", "西北"), ("兰州", "西北"), ("银川", "西北"), ("西宁", "西北"), ("乌鲁木齐", "西北"), ("宝鸡", "西北"),
        ("沈阳", "东北"), ("大连", "东北"), ("长春", "东北"), ("哈尔滨", "东北"), ("吉林", "东北"), ("鞍山", "东北"),
    ]

    static let regions = ["华东", "华北", "华南", "华中", "西南", "西北", "东北"]

    /// First character of a company's core name (disjoint from `coreSecond`, so that every
    /// pair is two different characters).
    static let coreFirst: [(String, String)] = [
        ("华", "hua"), ("恒", "heng"), ("博", "bo"), ("中", "zhong"), ("天", "tian"), ("金", "jin"),
        ("鼎", "ding"), ("宏", "hong"), ("瑞", "rui"), ("嘉", "jia"), ("汇", "hui"), ("永", "yong"),
        ("东", "dong"), ("新", "xin"), ("科", "ke"), ("创", "chuang"), ("启", "qi"), ("卓", "zhuo"),
        ("远", "yuan"), ("广", "guang"), ("正", "zheng"), ("德", "de"), ("安", "an"), ("万", "wan"),
        ("泰", "tai"), ("隆", "long"), ("海", "hai"), ("云", "yun"), ("星", "xing"), ("蓝", "lan"),
        ("银", "yin"), ("明", "ming"), ("聚", "ju"), ("合", "he"), ("长", "chang"), ("百", "bai"),
        ("九", "jiu"), ("弘", "hong"), ("凯", "kai"), ("誉", "yu"), ("润", "run"), ("顺", "shun"),
        ("腾", "teng"), ("盈", "ying"), ("兴", "xing"), ("众", "zhong"), ("同", "tong"), ("亿", "yi"),
        ("宇", "yu"), ("国", "guo"), ("精", "jing"), ("环", "huan"), ("易", "yi"), ("锦", "jin"),
        ("美", "mei"), ("诚", "cheng"), ("优", "you"), ("立", "li"), ("致", "zhi"), ("三", "san"),
        ("思", "si"), ("尚", "shang"), ("领", "ling"), ("旭", "xu"), ("北", "bei"), ("南", "nan"),
        ("青", "qing"), ("绿", "lv"), ("紫", "zi"), ("君", "jun"), ("世", "shi"), ("大", "da"),
        ("开", "kai"), ("华", "hua"),
    ].reduce(into: [(String, String)]()) { list, item in
        if !list.contains(where: { $0.0 == item.0 }) { list.append(item) }
    }

    static let coreSecond: [(String, String)] = [
        ("达", "da"), ("力", "li"), ("信", "xin"), ("通", "tong"), ("盛", "sheng"), ("源", "yuan"),
        ("丰", "feng"), ("利", "li"), ("成", "cheng"), ("航", "hang"), ("威", "wei"), ("峰", "feng"),
        ("辰", "chen"), ("拓", "tuo"), ("智", "zhi"), ("讯", "xun"), ("联", "lian"), ("鑫", "xin"),
        ("阳", "yang"), ("川", "chuan"), ("原", "yuan"), ("晟", "sheng"), ("越", "yue"), ("驰", "chi"),
        ("展", "zhan"), ("图", "tu"), ("辉", "hui"), ("迈", "mai"), ("捷", "jie"), ("策", "ce"),
        ("数", "shu"), ("峻", "jun"), ("岳", "yue"), ("磊", "lei"), ("帆", "fan"), ("凌", "ling"),
        ("澜", "lan"), ("骏", "jun"), ("途", "tu"), ("森", "sen"), ("晖", "hui"), ("宸", "chen"),
        ("翔", "xiang"), ("康", "kang"), ("荣", "rong"), ("佳", "jia"), ("邦", "bang"), ("福", "fu"),
        ("祥", "xiang"), ("和", "he"), ("能", "neng"), ("特", "te"), ("维", "wei"), ("赛", "sai"),
        ("昌", "chang"), ("泽", "ze"), ("业", "ye"), ("茂", "mao"), ("坤", "kun"), ("锐", "rui"),
        ("恺", "kai"), ("耀", "yao"), ("胜", "sheng"), ("飞", "fei"), ("宝", "bao"), ("舟", "zhou"),
        ("仪", "yi"), ("安", "an"), ("泓", "hong"), ("骐", "qi"), ("朗", "lang"), ("禾", "he"),
    ].reduce(into: [(String, String)]()) { list, item in
        if !list.contains(where: { $0.0 == item.0 }) && !coreFirst.contains(where: { $0.0 == item.0 }) { list.append(item) }
    }

    /// Referring companies (for referral sources and partners).
    static let partnerKinds = ["信息技术有限公司", "咨询有限公司", "系统集成有限公司", "软件服务有限公司", "数字科技有限公司"]

    /// Exhibition booth halls.
    static let halls = ["A", "B", "C", "D", "E", "N1-", "N3-", "W2-", "S5-", "H"]
}
