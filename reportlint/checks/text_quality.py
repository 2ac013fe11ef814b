"""Text that did not survive conversion: garbled text (RL601) and traditional characters (RL602).

Both rules read the whole text with compiled regular expressions and `str` methods that run in C;
Python-level work happens only per line that holds a candidate, never per character, so a report
of several megabytes is checked in a fraction of a second.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from ..api import Finding, Message, rule
from ..document import Document, Span
from .examples import TITLE

# ============================================================================ traditional characters

# Traditional-only characters and their simplified forms, pair by pair (sorted by the simplified form).
# Generated once from OpenCC's t2s character table and kept only where
#   - t2s changes the character (it is a traditional form),
#   - the character is not in GB2312 (so not a standard simplified character: 乾 著 於 後 夥 麽 … stay
#     out), and never appears as a simplified form in CC-CEDICT (no name or variant use: 啓 産 眞 …),
#   - its simplified form is a GB2312 level-1 (common) character.
# 1,455 characters; a test checks that none of them encodes in GB2312.
TRADITIONAL = (
    "皚藹礙愛闇骯襖奧垻壩罷擺敗頒闆辦絆幫綁鎊謗剝飽寶報鮑盃輩貝鋇狽備憊綳繃筆畢斃幣閉闢邊編貶變辯辮標錶鱉別彆癟瀕濱賓擯餅並併撥缽鉢鉑"
    "駁蔔補佈纔財採綵參蠶殘慚慘燦蒼艙倉滄厠廁側冊測層詫攙摻蟬饞讒纏剷鏟產闡顫場嘗嚐長償腸廠暢鈔車徹塵陳襯撐稱懲誠騁喫癡遲馳恥齒熾沖衝"
    "蟲寵疇躊籌綢醜齣櫥廚鋤雛礎儲觸處傳瘡闖創錘純綽辭詞賜聰蔥囪從叢湊躥竄錯達帶貸擔單鄲撣膽憚誕彈噹當擋黨盪蕩檔搗島禱導盜燈鄧敵滌遞締"
    "顛點墊電澱彫鵰弔釣調諜疊釘頂錠訂丟東鼕動棟凍鬥犢獨讀賭鍍鍛斷緞兌隊對噸頓鈍奪墮鵝額訛噁惡餓兒爾餌貳發髮罰閥琺礬釩煩範販飯訪紡飛誹"
    "廢費紛墳奮憤糞豐楓峯鋒風瘋馮縫諷鳳彿膚輻撫輔賦復複負訃婦縛該鈣蓋幹桿趕稈贛岡剛鋼綱崗槓鎬擱鴿閣鉻個箇給龔宮鞏貢鈎鉤溝構購夠蠱穀顧"
    "僱颳剮掛關觀舘館慣貫廣規歸龜閨軌詭櫃貴劊輥滾鍋國過駭韓漢號覈閡鶴賀橫恆轟鬨鴻紅壺衚鬍餬護滬戶嘩譁華畫劃話懷壞歡環還緩換喚瘓煥渙黃"
    "謊揮輝迴毀燬譭賄穢會燴匯彙滙諱誨繪葷渾獲穫貨禍擊機積飢饑跡蹟譏雞績緝極輯級擠幾薊劑濟計記際繼紀夾莢頰賈鉀價駕殲監堅箋間艱姦緘繭檢"
    "鹼揀撿簡儉減薦檻鑑鑒踐賤見鍵艦劍餞漸濺澗殭薑將漿蔣槳獎講醬膠澆驕嬌攪鉸矯僥腳餃繳絞轎較階節傑潔結誡屆緊錦僅謹進晉燼儘盡勁荊莖鯨驚"
    "經頸靜鏡徑逕痙競凈淨糾廄舊駒侷舉據鉅鋸懼劇鵑捲絹覺決訣絕絶鈞軍駿開凱顆殼剋課墾懇摳釦庫褲誇塊儈寬礦曠況虧巋窺饋潰崑綑睏擴闊蠟臘萊"
    "來賴藍欄攔籃闌蘭瀾讕攬覽懶纜爛濫撈勞澇樂鐳纍壘類淚稜釐籬貍離灕裏裡鯉禮慄麗厲勵礫曆歷瀝隸倆聯蓮連鐮憐漣簾斂臉鏈戀煉鍊練糧涼兩輛諒"
    "療遼鐐獵臨鄰鱗凜賃齡鈴靈嶺領餾劉龍聾嚨籠壟攏隴樓婁摟簍蘆盧顱廬爐擄滷鹵虜魯賂祿錄陸驢呂鋁侶屢縷慮濾綠巒攣孿灤亂掄輪倫侖崙淪綸論蘿"
    "羅邏鑼籮騾駱絡媽瑪碼螞馬罵駡嗎買麥賣邁脈瞞饅蠻滿謾貓錨鉚貿麼黴沒鎂門悶們濛矇錳夢謎彌瀰覓冪綿緬麪麵廟衊滅憫閩鳴銘謬謀畝吶鈉納難撓"
    "腦惱鬧餒內擬膩攆孃釀鳥聶嚙鑷鎳檸獰寧擰濘鈕紐膿濃農瘧諾歐鷗毆嘔漚盤龐拋賠噴鵬騙飄頻貧蘋憑評潑頗撲舖鋪僕樸譜棲慼悽淒棊臍齊旂騎豈啟"
    "氣棄訖牽釺鉛韆遷簽籤謙錢鉗潛淺譴塹槍嗆墻牆薔強搶鍬橋喬僑翹竅竊欽親寢輕氫傾頃請慶瓊窮鞦趨區軀驅齲顴權勸卻鵲確讓饒擾繞遶熱韌認紉榮"
    "絨軟銳閏潤灑薩鰓賽傘喪騷掃澀殺剎紗篩曬刪閃陝贍繕傷賞燒紹賒捨攝懾設紳瀋審嬸腎滲聲陞繩勝聖師獅濕詩屍蝨時蝕實識駛勢適釋飾視試壽獸樞"
    "輸書贖屬術樹竪豎數帥雙誰稅順說碩爍俬絲飼鬆聳慫頌訟誦擻囌蘇遡訴肅雖隨綏嵗歲孫損筍縮瑣鎖獺撻檯臺颱態攤貪癱灘壇罈譚談嘆歎湯燙濤絛縧"
    "討騰謄銻題體屜條貼鐵廳聽烴衕銅統頭禿圖塗團糰頹頽蛻託脫鴕馱駝橢窪襪彎灣頑輓萬網韋違圍為爲濰維葦偉偽僞緯餵謂衛溫聞紋穩問甕撾蝸渦窩"
    "臥嗚鎢烏誣無蕪吳塢霧務誤錫犧谿襲習銑係繫戲細蝦轄峽俠狹廈嚇鍁鮮縴纖鹹賢銜閑顯險現獻縣餡羨憲綫線廂鑲鄉詳響項蕭囂銷曉嘯蠍協挾攜脅諧"
    "寫瀉謝鋅釁興倖兇洶銹綉繡虛噓須鬚許敘卹緒續軒懸鏇選癬絢學勛勳詢尋馴訓訊遜壓鴉鴨啞亞訝嚥閹煙鹽嚴巖顏顔閻艷厭硯彥諺驗鴦楊揚瘍陽癢養"
    "樣瑤搖堯遙窯謠葯藥爺頁業葉醫銥頤遺儀蟻藝億憶義詣議誼譯異繹廕蔭陰銀飲隱櫻嬰鷹應纓瑩螢營熒蠅贏穎喲擁傭癰踴詠湧優憂郵鈾猶遊誘輿餘踰"
    "魚漁娛與嶼語鬱籲禦癒慾獄譽預馭鴛淵轅園員圓緣遠願約躍鈅鑰嶽粵悅閱雲鄖勻隕運蘊醞暈韻雜災載攢暫讚贊贓贜臟髒鑿棗譟責擇則澤賊贈紮劄箚"
    "軋鍘閘柵詐齋債氈霑盞斬輾嶄棧佔戰綻張漲帳賬脹趙蟄轍鍺這貞針鍼偵診鎮陣掙睜猙爭幀癥鄭証證織職執隻紙誌摯擲緻幟製質滯鈡鍾鐘終種腫眾衆"
    "週謅軸皺晝驟硃豬諸誅燭矚囑貯鑄築註駐專磚轉賺樁莊裝妝壯狀錐贅墜綴諄準濁茲諮資漬蹤綜總縱鄒詛組鑽"
)
SIMPLIFIED = (
    "皑蔼碍爱暗肮袄奥坝坝罢摆败颁板办绊帮绑镑谤剥饱宝报鲍杯辈贝钡狈备惫绷绷笔毕毙币闭辟边编贬变辩辫标表鳖别别瘪濒滨宾摈饼并并拨钵钵铂"
    "驳卜补布才财采彩参蚕残惭惨灿苍舱仓沧厕厕侧册测层诧搀掺蝉馋谗缠铲铲产阐颤场尝尝长偿肠厂畅钞车彻尘陈衬撑称惩诚骋吃痴迟驰耻齿炽冲冲"
    "虫宠畴踌筹绸丑出橱厨锄雏础储触处传疮闯创锤纯绰辞词赐聪葱囱从丛凑蹿窜错达带贷担单郸掸胆惮诞弹当当挡党荡荡档捣岛祷导盗灯邓敌涤递缔"
    "颠点垫电淀雕雕吊钓调谍叠钉顶锭订丢东冬动栋冻斗犊独读赌镀锻断缎兑队对吨顿钝夺堕鹅额讹恶恶饿儿尔饵贰发发罚阀珐矾钒烦范贩饭访纺飞诽"
    "废费纷坟奋愤粪丰枫峰锋风疯冯缝讽凤佛肤辐抚辅赋复复负讣妇缚该钙盖干杆赶秆赣冈刚钢纲岗杠镐搁鸽阁铬个个给龚宫巩贡钩钩沟构购够蛊谷顾"
    "雇刮剐挂关观馆馆惯贯广规归龟闺轨诡柜贵刽辊滚锅国过骇韩汉号核阂鹤贺横恒轰哄鸿红壶胡胡糊护沪户哗哗华画划话怀坏欢环还缓换唤痪焕涣黄"
    "谎挥辉回毁毁毁贿秽会烩汇汇汇讳诲绘荤浑获获货祸击机积饥饥迹迹讥鸡绩缉极辑级挤几蓟剂济计记际继纪夹荚颊贾钾价驾歼监坚笺间艰奸缄茧检"
    "碱拣捡简俭减荐槛鉴鉴践贱见键舰剑饯渐溅涧僵姜将浆蒋桨奖讲酱胶浇骄娇搅铰矫侥脚饺缴绞轿较阶节杰洁结诫届紧锦仅谨进晋烬尽尽劲荆茎鲸惊"
    "经颈静镜径径痉竞净净纠厩旧驹局举据巨锯惧剧鹃卷绢觉决诀绝绝钧军骏开凯颗壳克课垦恳抠扣库裤夸块侩宽矿旷况亏岿窥馈溃昆捆困扩阔蜡腊莱"
    "来赖蓝栏拦篮阑兰澜谰揽览懒缆烂滥捞劳涝乐镭累垒类泪棱厘篱狸离漓里里鲤礼栗丽厉励砾历历沥隶俩联莲连镰怜涟帘敛脸链恋炼炼练粮凉两辆谅"
    "疗辽镣猎临邻鳞凛赁龄铃灵岭领馏刘龙聋咙笼垄拢陇楼娄搂篓芦卢颅庐炉掳卤卤虏鲁赂禄录陆驴吕铝侣屡缕虑滤绿峦挛孪滦乱抡轮伦仑仑沦纶论萝"
    "罗逻锣箩骡骆络妈玛码蚂马骂骂吗买麦卖迈脉瞒馒蛮满谩猫锚铆贸么霉没镁门闷们蒙蒙锰梦谜弥弥觅幂绵缅面面庙蔑灭悯闽鸣铭谬谋亩呐钠纳难挠"
    "脑恼闹馁内拟腻撵娘酿鸟聂啮镊镍柠狞宁拧泞钮纽脓浓农疟诺欧鸥殴呕沤盘庞抛赔喷鹏骗飘频贫苹凭评泼颇扑铺铺仆朴谱栖戚凄凄棋脐齐旗骑岂启"
    "气弃讫牵钎铅千迁签签谦钱钳潜浅谴堑枪呛墙墙蔷强抢锹桥乔侨翘窍窃钦亲寝轻氢倾顷请庆琼穷秋趋区躯驱龋颧权劝却鹊确让饶扰绕绕热韧认纫荣"
    "绒软锐闰润洒萨鳃赛伞丧骚扫涩杀刹纱筛晒删闪陕赡缮伤赏烧绍赊舍摄慑设绅沈审婶肾渗声升绳胜圣师狮湿诗尸虱时蚀实识驶势适释饰视试寿兽枢"
    "输书赎属术树竖竖数帅双谁税顺说硕烁私丝饲松耸怂颂讼诵擞苏苏溯诉肃虽随绥岁岁孙损笋缩琐锁獭挞台台台态摊贪瘫滩坛坛谭谈叹叹汤烫涛绦绦"
    "讨腾誊锑题体屉条贴铁厅听烃同铜统头秃图涂团团颓颓蜕托脱鸵驮驼椭洼袜弯湾顽挽万网韦违围为为潍维苇伟伪伪纬喂谓卫温闻纹稳问瓮挝蜗涡窝"
    "卧呜钨乌诬无芜吴坞雾务误锡牺溪袭习铣系系戏细虾辖峡侠狭厦吓锨鲜纤纤咸贤衔闲显险现献县馅羡宪线线厢镶乡详响项萧嚣销晓啸蝎协挟携胁谐"
    "写泻谢锌衅兴幸凶汹锈绣绣虚嘘须须许叙恤绪续轩悬旋选癣绚学勋勋询寻驯训讯逊压鸦鸭哑亚讶咽阉烟盐严岩颜颜阎艳厌砚彦谚验鸯杨扬疡阳痒养"
    "样瑶摇尧遥窑谣药药爷页业叶医铱颐遗仪蚁艺亿忆义诣议谊译异绎荫荫阴银饮隐樱婴鹰应缨莹萤营荧蝇赢颖哟拥佣痈踊咏涌优忧邮铀犹游诱舆余逾"
    "鱼渔娱与屿语郁吁御愈欲狱誉预驭鸳渊辕园员圆缘远愿约跃钥钥岳粤悦阅云郧匀陨运蕴酝晕韵杂灾载攒暂赞赞赃赃脏脏凿枣噪责择则泽贼赠扎札札"
    "轧铡闸栅诈斋债毡沾盏斩辗崭栈占战绽张涨帐账胀赵蛰辙锗这贞针针侦诊镇阵挣睁狰争帧症郑证证织职执只纸志挚掷致帜制质滞钟钟钟终种肿众众"
    "周诌轴皱昼骤朱猪诸诛烛瞩嘱贮铸筑注驻专砖转赚桩庄装妆壮状锥赘坠缀谆准浊兹咨资渍踪综总纵邹诅组钻"
)
# Simplified forms above that are also ordinary traditional characters (干 后 里 台 面 …): they do not
# tell a simplified text from a traditional one.
_ALSO_TRADITIONAL = (
    "暗板杯辟表卜布才采彩厂吃痴丑出淀雕吊冬斗范丰峰佛干杆杠谷雇刮柜核恒哄胡糊划回迹几奸僵姜杰局据巨卷克扣夸昆捆困腊累棱厘狸离漓里栗帘"
    "么霉蒙面蔑娘宁苹仆朴戚凄棋旗千秋确晒舍沈升尸虱适私松溯台同涂托洼挽万喂瓮溪系咸蝎幸凶恤旋咽岩痒叶佣踊涌游余逾郁吁御愈欲岳云噪扎札"
    "沾占症只志致制周朱筑注庄准咨"
)
assert len(TRADITIONAL) == len(SIMPLIFIED) == len(set(TRADITIONAL))

TO_SIMPLIFIED = str.maketrans(TRADITIONAL, SIMPLIFIED)
_TRADITIONAL_SET = frozenset(TRADITIONAL)
_TRADITIONAL_RE = re.compile(f"[{TRADITIONAL}]")
_SIMPLIFIED_ONLY_RE = re.compile(f"[{''.join(sorted(set(SIMPLIFIED) - set(_ALSO_TRADITIONAL)))}]")
_SHOWN = 5  # distinct characters named in the message


# ===================================================================================== garbled text

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PLAIN = str.maketrans(_TONED, "aaaaeeeeiiiioooouuuuüüüü")
# One pinyin syllable with a tone mark, in parentheses: what converters ("拼音版" pages, some
# traditional/simplified tools) leave after characters: 交通運(yùn)輸(shū)局.
_RUBY = rf"[(（](?=[a-zü{_TONED}]{{1,6}}[)）])(?P<syllable>[a-zü]{{0,5}}[{_TONED}][a-zü]{{0,5}})[)）]"
_SYLLABLE = re.compile(
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:a|ai|an|ang|ao|e|ei|en|eng|er|i|ia|ian|iang|iao|ie|in|ing|iong|iu|o|ong|ou|"
    r"u|ua|uai|uan|uang|ue|ui|un|uo|ü|üe|üan|ün|n|ng|m)"
)
# A text with this many annotations went through a converter. Fewer may be deliberate reading aids for
# a rare character (亳(bó)州, 濉(suī)溪县): those are flagged only after a traditional character.
_RUBY_BULK = 5

# Windows-1252 shows the bytes 0x80–0x9F as these characters (Latin-1 as C1 controls): with Latin-1
# they turn text "decoded as Western" back into its bytes, one character per byte.
_CP1252 = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_TO_LATIN1 = str.maketrans({char: chr(char.encode("cp1252")[0]) for char in _CP1252})
_LATIN_LETTER = re.compile(r"[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff]")  # not × ÷
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _gbk_leads() -> str:
    """The characters GBK reads from a UTF-8 lead byte (E2–E9, EF) and a continuation byte.

    UTF-8 Chinese read as GBK has one of these at least every second character (鏂囦欢 for 文件);
    real text rarely has them (GB2312 level-2 and GBK extension characters), and every hit is verified.
    """
    found = []
    for first in (*range(0xE2, 0xEA), 0xEF):
        for second in range(0x80, 0xC0):
            try:
                found.append(bytes((first, second)).decode("gbk"))
            except UnicodeDecodeError:
                pass
    return "".join(found)


_GBK_LEADS = _gbk_leads()
_CHINESE = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff01-\uffef]+")
_IDEOGRAPHS = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_NON_ASCII = re.compile(r"[^\x00-\x7f\s]+")
_LEVEL_1 = range(0xB0, 0xD8)  # GB2312 lead bytes of the 3,755 common characters

# A date whose 年 and 月 were lost, digits run together: 2017210日 for 2017年2月10日 (or 2017年210日).
_DATE = (
    r"(?<![0-9０-９.\-/:A-Za-z_])(?:19|20)[0-9]{2}年?(?P<tail>[0-9]{2,4})日"
)

# The first-character class up front lets the engine skip ordinary text quickly (ten times faster
# than trying every branch at every position).
_CANDIDATE = re.compile(
    rf"(?=[(（\ufffd锟烫屯12\u0080-\u00ff{_CP1252}{re.escape(_GBK_LEADS)}])(?:"
    + "|".join(
        (
            rf"(?P<ruby>{_RUBY})",
            r"(?P<fffd>\ufffd+)",
            r"(?P<lost>(?:锟斤拷)+|烫{3,}|屯{3,})",
            rf"(?P<latin>[\u0080-\u00ff{_CP1252}]{{2,}})",
            rf"(?P<gbk>[{re.escape(_GBK_LEADS)}])",
            rf"(?P<date>{_DATE})",
        )
    )
    + ")"
)

_MAX_LINES = 20  # garbled lines reported one by one; the others in one summary finding
_MAX_COUNT = 100  # occurrences counted on one line
_MAX_REST = 10_000  # further garbled lines counted for the summary

_MESSAGES = {
    "ruby": Message(
        "拼音注音「{text}」（转换工具或“拼音版”网页留下的注音，应删除）",
        "pinyin annotation '{text}' (left by a converter or a 'pinyin' web page; delete it)",
    ),
    "fffd": Message(
        "替换字符「{text}」：原来的字符在转换时已丢失",
        "replacement character '{text}': the original character was lost in conversion",
    ),
    "lost": Message(
        "乱码「{text}」：丢失的字符又被错误解码，原文无法恢复",
        "garbled text '{text}': lost characters decoded wrongly once more; the original cannot be recovered",
    ),
    "utf8-as-gbk": Message(
        "乱码「{text}」：UTF-8 文字被当作 GBK 解码，原文应为「{original}」",
        "garbled text '{text}': UTF-8 text decoded as GBK; it said '{original}'",
    ),
    "utf8-as-latin": Message(
        "乱码「{text}」：UTF-8 文字被当作西文编码解码，原文应为「{original}」",
        "garbled text '{text}': UTF-8 text decoded as Latin-1/Windows-1252; it said '{original}'",
    ),
    "gbk-as-latin": Message(
        "乱码「{text}」：GBK 文字被当作西文编码解码，原文应为「{original}」",
        "garbled text '{text}': GBK text decoded as Latin-1/Windows-1252; it said '{original}'",
    ),
    "date": Message(
        "残缺的日期「{text}」：“年”“月”等字丢失，数字连在了一起",
        "broken date '{text}': 年/月 were lost and the digits ran together",
    ),
}
_MORE = Message("（本行共 {count} 处）", " ({count} on this line)")
_MORE_MANY = Message("（本行至少 {count} 处）", " (at least {count} on this line)")


@dataclass(frozen=True)
class _Garble:
    kind: str
    start: int
    end: int  # exclusive, offsets in the line
    text: str
    original: str = ""  # what the bytes said, when they can be read again


def _common(text: str) -> bool:
    """GB2312 characters only: what simplified Chinese text is made of."""
    try:
        text.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _level_1(char: str) -> bool:
    try:
        return char.encode("gb2312")[0] in _LEVEL_1
    except UnicodeEncodeError:
        return False


def _is_pinyin(syllable: str) -> bool:
    return _SYLLABLE.fullmatch(syllable.translate(_PLAIN)) is not None


def _ruby_in_bulk(text: str) -> bool:
    found = 0
    for match in re.finditer(_RUBY, text):
        if _is_pinyin(match.group("syllable")):
            found += 1
            if found >= _RUBY_BULK:
                return True
    return False


def _readable(char: str) -> bool:
    """A character a decoded byte sequence may fairly be: Chinese/common (GB2312) or a Latin letter."""
    return _common(char) or "\u00a0" <= char <= "\u024f"


def _latin(run: str, start: int) -> _Garble | None:
    """A run of Western characters that are really the bytes of UTF-8 or GBK text (æ–‡, ÕþÎñ)."""
    if not _LATIN_LETTER.search(run):
        return None  # ×× ±° “—…” and the like are ordinary punctuation
    try:
        data = run.translate(_TO_LATIN1).encode("latin-1")
    except UnicodeEncodeError:
        return None
    sequences = list(_UTF8_SEQUENCE.finditer(data))
    if sequences:  # one character per byte: byte offsets are offsets in `run`
        decoded = []
        for sequence in sequences:
            try:
                char = sequence.group(0).decode("utf-8")
            except UnicodeDecodeError:
                return None
            if not _readable(char):
                return None
            decoded.append(char)
        first, last = sequences[0].start(), sequences[-1].end()
        return _Garble("utf8-as-latin", start + first, start + last, run[first:last], "".join(decoded))
    for skip in (0, 1):
        text = data[skip:].decode("gbk", errors="replace")
        words = _IDEOGRAPHS.findall(text)
        if len(words) >= 2 and all(_level_1(c) for c in words) and text.count("\ufffd") <= 1:
            return _Garble("gbk-as-latin", start, start + len(run), run, text.replace("\ufffd", ""))
    return None


def _utf8_as_gbk(line: str, start: int) -> _Garble | None:
    """From a GBK 'lead' character on: do the GBK bytes read as UTF-8 Chinese? (鏂囦欢 -> 文件)."""
    run = _NON_ASCII.match(line, start)
    if run is None:
        return None
    chars = run.group(0)[:120]
    try:
        data = chars.encode("gbk")
    except UnicodeEncodeError as error:  # up to the first character GBK does not have
        chars = chars[: error.start]
        data = chars.encode("gbk")
    text = data.decode("utf-8", errors="replace")
    chinese = _CHINESE.match(text)  # the readable Chinese at the start
    if chinese is None:
        return None
    original = chinese.group(0)
    words = _IDEOGRAPHS.findall(original)
    if len(words) < 2 or not _common(original):
        return None
    used = len(original.encode("utf-8"))
    if len(data) == 2 * len(chars):  # two bytes a character: the usual case
        count = (used + 1) // 2
    else:
        count, size = 0, 0  # the garbled characters: those whose bytes make up `original`
        while size < used:
            size += len(chars[count].encode("gbk"))
            count += 1
    garbled = line[start : start + count]
    if len(words) < 3 and _common(garbled) and not all(_level_1(c) for c in words):
        # made only of real (if rare) characters, and reads as two uncommon ones: a chance match
        return None
    return _Garble("utf8-as-gbk", start, start + count, garbled, original)


def _date(match: re.Match[str]) -> bool:
    """The digits after the year read as a month and a day (210 = 2月10日, 1231 = 12月31日)."""
    tail = match.group("tail")
    splits = [(tail[:1], tail[1:])] + ([(tail[:2], tail[2:])] if len(tail) > 2 else [])
    return any(d and 1 <= int(m) <= 12 and 1 <= int(d) <= 31 and len(d) <= 2 for m, d in splits)


def _garbles(line: str, bulk_ruby: bool, limit: int) -> list[_Garble]:
    """The garbled stretches of one line, in order, at most `limit` of them."""
    found: list[_Garble] = []
    covered = 0
    for match in _CANDIDATE.finditer(line):
        if match.start() < covered:
            continue
        kind = match.lastgroup
        garble = None
        if kind == "ruby":
            before = line[match.start() - 1] if match.start() else ""
            if _is_pinyin(match.group("syllable")) and (bulk_ruby or before in _TRADITIONAL_SET):
                garble = _Garble("ruby", match.start(), match.end(), match.group(0))
        elif kind in ("fffd", "lost"):
            garble = _Garble(kind, match.start(), match.end(), match.group(0))
        elif kind == "latin":
            garble = _latin(match.group(0), match.start())
        elif kind == "gbk":
            garble = _utf8_as_gbk(line, match.start())
        elif kind == "date" and _date(match):
            garble = _Garble("date", match.start(), match.end(), match.group(0))
        if garble is not None:
            found.append(garble)
            covered = garble.end
            if len(found) >= limit:
                break
    return found


def _garbled_finding(number: int, garbles: list[_Garble]) -> Finding:
    first = garbles[0]
    message = _MESSAGES[first.kind]
    if len(garbles) > 1:
        more = _MORE_MANY if len(garbles) >= _MAX_COUNT else _MORE
        message = Message(message.zh + more.zh, message.en + more.en)
    return Finding(
        message,
        Span(number, first.start + 1, number, first.end + 1),
        args={"text": first.text, "original": first.original, "count": len(garbles)},
        expected=first.original or None,
        actual=first.text,
        fingerprint_text=f"{first.kind}:{first.text}",
    )


@rule(
    code="RL601",
    name="garbled-text",
    severity="error",
    summary_zh="乱码：拼音注音残留（運(yùn)）、替换字符 �、编码错乱（锟斤拷、鏂囦欢、æ–‡）、残缺日期（2017210日）",
    summary_en="garbled text: pinyin annotations (運(yùn)), replacement characters, mojibake (锟斤拷, 鏂囦欢, æ–‡), broken dates (2017210日)",
    explanation_zh=(
        "年度报告应“文字严谨、格式规范”，发布前须逐字核对。网页、PDF 或 Word 转换、编码选错时常留下乱码："
        "字后的拼音注音（交通運(yùn)輸局），替换字符“�”，UTF-8 文字被当作 GBK 或西文编码读出的乱码"
        "（“锟斤拷”“鏂囦欢”“æ–‡”），以及“年”“月”丢失后连在一起的日期（2017210日）。"
        "每行报告第一处并注明本行共有几处；能还原的乱码给出原文。乱码行较多时只逐行列出前 20 行，其余合并为一条。"
    ),
    explanation_en=(
        "Reports must be carefully worded and formatted, and are proof-read before publication. Converting web "
        "pages, PDFs or Word files, or opening a file in the wrong encoding, leaves garbled text: pinyin after "
        "characters (交通運(yùn)輸局), the replacement character '�', UTF-8 text decoded as GBK or a Western "
        "encoding ('锟斤拷', '鏂囦欢', 'æ–‡'), and dates whose 年/月 were lost (2017210日). The first stretch on "
        "each line is reported with the line's count, and the original text where it can be recovered; beyond "
        "20 garbled lines the rest are summed up in one finding."
    ),
    bad=TITLE + "一、总体情况\n2023年，我局主动公开政府信息386条，其中交通運(yùn)輸(shū)类信息42条。\n（发布日期：2024120日）",
    good=TITLE + "一、总体情况\n2023年，我局主动公开政府信息386条，其中交通运输类信息42条。\n（发布日期：2024年1月20日）",
)
def garbled_text(doc: Document, ctx, options) -> Iterator[Finding]:
    text = doc.text
    if text.isascii() or not _CANDIDATE.search(text):
        return
    bulk_ruby = _ruby_in_bulk(text)
    reported = 0
    rest: list[int] = []  # garbled lines past the ones reported one by one
    first_rest: _Garble | None = None
    for number, line in enumerate(doc.lines, start=1):
        if line.isascii():
            continue
        if reported < _MAX_LINES:
            garbles = _garbles(line, bulk_ruby, _MAX_COUNT)
            if garbles:
                reported += 1
                yield _garbled_finding(number, garbles)
        else:
            garbles = _garbles(line, bulk_ruby, 1)
            if garbles:
                rest.append(number)
                first_rest = first_rest or garbles[0]
                if len(rest) >= _MAX_REST:
                    break  # a text garbled throughout: counting further says nothing new
    if rest and first_rest is not None:
        if len(rest) >= _MAX_REST:
            message = Message(
                "另有至少 {count} 行含乱码（第 {first} 行起），不再逐行列出：请检查全文的转换和编码",
                "at least {count} more lines hold garbled text (from line {first} on), not listed one by one: "
                "check how the whole text was converted or decoded",
            )
        else:
            message = Message(
                "另有 {count} 行含乱码（第 {first} 行至第 {last} 行），不再逐行列出：请检查全文的转换和编码",
                "{count} more lines hold garbled text (lines {first} to {last}), not listed one by one: "
                "check how the whole text was converted or decoded",
            )
        yield Finding(
            message,
            Span(rest[0], first_rest.start + 1, rest[0], first_rest.end + 1),
            args={"count": len(rest), "first": rest[0], "last": rest[-1]},
            actual=first_rest.text,
            fingerprint_text="more-garbled-lines",
        )


# ============================================================================ RL602 traditional


def _position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of `offset` in `text`."""
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)


def _first_distinct(text: str, start: int, limit: int) -> list[str]:
    """The first `limit` distinct traditional characters from `start` on, in order of appearance."""
    seen: list[str] = []
    pattern = _TRADITIONAL_RE
    position = start
    while len(seen) < limit:
        match = pattern.search(text, position)
        if match is None:
            break
        seen.append(match.group(0))
        position = match.end()
        remaining = _TRADITIONAL_SET.difference(seen)
        if not remaining:
            break
        pattern = re.compile(f"[{''.join(sorted(remaining))}]")
    return seen


@rule(
    code="RL602",
    name="traditional-characters",
    severity="warning",
    summary_zh="简体中文报告中出现繁体字",
    summary_en="traditional characters in a simplified-Chinese report",
    explanation_zh=(
        "《中华人民共和国国家通用语言文字法》规定国家机关以规范汉字为公务用字；政府信息公开工作年度报告应使用简体字。"
        "繁体字多来自从繁体网页复制、繁简转换出错或输入法设置。本规则只认“只在繁体中使用”的字（如 報 務 資 開 據），"
        "乾、著、於 等在简体中也规范使用的字不算；每个文件报告一次，给出数量和最先出现的几个字；全文基本为繁体时报告全文。"
    ),
    explanation_en=(
        "The national language law makes standard (simplified) characters the official script of state bodies, so "
        "annual reports are written in simplified Chinese. Traditional characters come from text copied from "
        "traditional-script pages, failed conversions or input-method settings. Only characters used exclusively "
        "in traditional script count (報 務 資 開 據 …); characters that are also standard simplified characters "
        "(乾, 著, 於 …) do not. One finding per file with the count and the first few characters, or one saying the "
        "whole report is in traditional characters."
    ),
    bad=TITLE + "一、总体情况\n2023年，我局主動公開政府資訊386條，其中行政許可1328條。",
    good=TITLE + "一、总体情况\n2023年，我局主动公开政府信息386条，其中行政许可1328条。",
)
def traditional_characters(doc: Document, ctx, options) -> Iterator[Finding]:
    text = doc.text
    first = _TRADITIONAL_RE.search(text)
    if first is None:
        return
    count = _TRADITIONAL_RE.subn("", text)[1]  # counted in C, no match objects
    simple = _SIMPLIFIED_ONLY_RE.subn("", text)[1]
    line, column = _position(text, first.start())
    span = Span(line, column, line, column + 1)
    chars = "".join(_first_distinct(text, first.start(), _SHOWN))
    args = {"count": count, "simple": simple, "chars": chars, "simplified": chars.translate(TO_SIMPLIFIED)}
    if count > simple:
        yield Finding(
            Message(
                "全文基本为繁体字（繁体字 {count} 个，简体字 {simple} 个，如「{chars}」）：年度报告应使用规范的简体字",
                "the report is written in traditional characters ({count} traditional, {simple} simplified, "
                "e.g. '{chars}'): annual reports use standard simplified characters",
            ),
            span,
            args=args,
            expected=args["simplified"],
            actual=chars,
            fingerprint_text="traditional-text",
        )
        return
    yield Finding(
        Message(
            "出现繁体字 {count} 个，如「{chars}」（简体为「{simplified}」）",
            "{count} traditional character(s), e.g. '{chars}' (simplified: '{simplified}')",
        ),
        span,
        args=args,
        expected=args["simplified"],
        actual=chars,
        fingerprint_text=f"traditional:{chars}",
    )


# ===================================================================================== half-width punctuation

_AFTER_CHINESE = "\u3400-\u4dbf\u4e00-\u9fff”’》）」』)"
_BEFORE_CHINESE = "\u3400-\u4dbf\u4e00-\u9fff“‘《（「『"
# `,` `;` `:` `?` `!` right after Chinese and before Chinese, a figure or the line's end; `.` after
# Chinese at a sentence's end; a `(…)` pair around Chinese. Times (8:30), decimals, URLs and English
# keep their ASCII marks: each of those has an ASCII character next to the mark.
_HALF_WIDTH = re.compile(
    rf"(?<=[{_AFTER_CHINESE}])[,;:?!](?=\s*(?:[{_BEFORE_CHINESE}0-9]|$))"
    rf"|(?<=[\u3400-\u4dbf\u4e00-\u9fff])\.(?=\s*(?:[{_BEFORE_CHINESE}]|$))"
    r"|\((?=[^()\n]{0,40}?[\u3400-\u4dbf\u4e00-\u9fff][^()\n]{0,40}\))"
    r"|(?<=[\u3400-\u4dbf\u4e00-\u9fff”’》」』])\)",
    re.MULTILINE,  # `$`: the end of each line of the document
)
_ASCII_MARK = re.compile(r"[,;:?!.()]")  # found in C; each is then tried against _HALF_WIDTH in place
_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", ".": "。", "(": "（", ")": "）"}
_LINES_SHOWN = 5


@rule(
    code="RL603",
    name="half-width-punctuation",
    severity="info",
    summary_zh="中文正文使用了半角标点（, ; : ? ! . ( )）",
    summary_en="half-width punctuation (, ; : ? ! . ( )) in Chinese text",
    explanation_zh=(
        "《标点符号用法》（GB/T 15834—2011）规定中文文本使用全角标点；公文和政府网站发布的年度报告也应如此。"
        "本规则只看正文和标题（不看表格），只报告紧挨着汉字的半角标点，时间（8:30）、小数、网址和英文不算；"
        "全文合并为一条提示，指出第一处和所在各行。从 PDF 或网页复制的文本，标点可能在转换中被改成了半角，请对照原文核实。"
    ),
    explanation_en=(
        "Chinese text uses full-width punctuation (GB/T 15834-2011), and so do official documents and the reports "
        "published on government sites. Only body text and headings are read (not tables), and only marks next to "
        "Chinese characters count: times (8:30), decimals, URLs and English keep ASCII marks. One note per file gives "
        "the first place and the lines. Text copied from a PDF or a web page may have had its punctuation converted; "
        "check the original."
    ),
    bad=TITLE + "一、总体情况\n2023年,我局主动公开政府信息126条(其中政策解读12条),无收费情况.",
    good=TITLE + "一、总体情况\n2023年，我局主动公开政府信息126条（其中政策解读12条），无收费情况。",
)
def half_width_punctuation(doc: Document, ctx, options) -> Iterator[Finding]:
    found = list(_half_width_marks(doc))
    if not found:
        return
    line, column, mark = found[0]
    lines = list(dict.fromkeys(number for number, _, _ in found))
    shown = "、".join(map(str, lines[:_LINES_SHOWN])) + ("…" if len(lines) > _LINES_SHOWN else "")
    yield Finding(
        Message(
            "中文正文中有 {count} 处半角标点（第 {lines} 行），如第 {line} 行的「{mark}」应为「{full}」",
            "{count} half-width punctuation mark(s) in Chinese text (lines {lines_en}), e.g. '{mark}' on line {line} "
            "should be '{full}'",
        ),
        Span(line, column, line, column + 1),
        args={"count": len(found), "lines": shown, "lines_en": shown.replace("、", ", "), "line": line, "mark": mark,
              "full": _FULL_WIDTH[mark]},
        expected=_FULL_WIDTH[mark],
        actual=mark,
        fingerprint_text="half-width-punctuation",
    )


def _table_lines(doc: Document) -> set[int]:
    """Line numbers inside tables: their cells keep their own conventions (ASCII marks, terse labels)."""
    return {n for table in doc.tables for n in range(table.span.line, table.span.end_line + 1)}


def _half_width_marks(doc: Document) -> Iterator[tuple[int, int, str]]:
    """(line, column, mark) of each half-width mark in Chinese context outside tables, in order."""
    text = doc.text
    in_tables = _table_lines(doc)
    line, counted = 1, 0
    for candidate in _ASCII_MARK.finditer(text):
        at = candidate.start()
        if not _HALF_WIDTH.match(text, at):  # the lookbehinds see the text before `at`
            continue
        line += text.count("\n", counted, at)
        counted = at
        if line not in in_tables:
            yield line, at - text.rfind("\n", 0, at), candidate.group()


# ===================================================================================== run-together sentences

# "一是…二是…三是…" lists the points of a paragraph; each "N是" opens a sentence, so punctuation
# comes before it. Straight after a character or a figure, the sentence before it lost its end:
# "确保民众及时获取关键信息二是依申请公开方面…" (corpus/real/33). 第二是/其二是/之二是 are words, and
# "一是" is left out (统一是, 之一是).
_RUN_ON = re.compile(r"(?<=[\u3400-\u4dbf\u4e00-\u9fff0-9%）)”》])(?<![第其之十百千又再])[二三四五六七八九十]是")
_FIRST_POINT = "一是"
_LOOK_BACK = 3000  # characters: the "一是" that starts the list is in the same passage


@rule(
    code="RL604",
    name="run-together-sentences",
    severity="warning",
    summary_zh="分项叙述的“二是、三是……”前缺少标点，句子连在一起",
    summary_en="no punctuation before 二是/三是…: sentences of a 一是…二是… list run together",
    explanation_zh=(
        "年度报告常用“一是……二是……三是……”分项叙述，每个“N是”开始一句新话，前面应有句号或分号。"
        "“获取关键信息二是依申请公开方面”“共收到依申请公开事项0三是政府信息管理”这样直接连写，是标点在编辑或复制中丢失了，"
        "读者分不清句子的界限，数字也会和后文粘连。只在前文出现过“一是”时检查；“第二是”“其二是”等词语不算。"
    ),
    explanation_en=(
        "Reports list their points as 一是…二是…三是…; each N是 opens a new sentence and follows a full stop or a "
        "semicolon. Written straight after a character or a figure ('获取关键信息二是…', '事项0三是…'), the "
        "punctuation was lost in editing or copying: the sentences run together and a figure sticks to the next "
        "words. Checked only after an earlier 一是; words such as 第二是 and 其二是 are not counted."
    ),
    bad=TITLE + "一、总体情况\n2023年，我局全面推进政务公开。一是主动公开政府信息386条二是办理依申请公开12件。",
    good=TITLE + "一、总体情况\n2023年，我局全面推进政务公开。一是主动公开政府信息386条；二是办理依申请公开12件。",
)
def run_together_sentences(doc: Document, ctx, options) -> Iterator[Finding]:
    text = doc.text
    if _FIRST_POINT not in text:
        return
    in_tables = _table_lines(doc)
    for match in _RUN_ON.finditer(text):
        start = match.start()
        if _FIRST_POINT not in text[max(0, start - _LOOK_BACK):start]:
            continue
        line, column = _position(text, start)
        if line in in_tables:
            continue
        joined = text[start - 1] + match.group()
        yield Finding(
            Message(
                "“{point}”前缺少标点，前后两句连在一起（「{joined}」）",
                "no punctuation before '{point}': two sentences run together ('{joined}')",
            ),
            Span(line, column, line, column + 2),
            args={"point": match.group(), "joined": joined},
            expected=text[start - 1] + "；" + match.group(),
            actual=joined,
            fingerprint_text=f"run-on:{text[max(0, start - 6):start + 2]}",
        )
