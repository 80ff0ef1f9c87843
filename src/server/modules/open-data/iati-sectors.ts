/**
 * GB/T 4754-2017 大类 (division) → OECD DAC 5-digit purpose code (IATI sector vocabulary 1), only where the division
 * and the purpose code describe the same activity. A division left out has no defensible single code (e.g. 39
 * computers and electronics, 44 power — generation and grids are different DAC codes — or 批发和零售): its project
 * carries only the reporting organisation's own classification (vocabulary 99, the GB/T 4754 code and name).
 * Sections are never mapped as a whole: within one section the divisions fall under different DAC codes.
 */
export const DAC_BY_GBT4754_DIVISION: Readonly<Record<string, string>> = {
  // A 农、林、牧、渔业
  '01': '31120', // 农业 → Agricultural development
  '02': '31220', // 林业 → Forestry development
  '03': '31163', // 畜牧业 → Livestock
  '04': '31320', // 渔业 → Fishery development
  '05': '31191', // 农、林、牧、渔专业及辅助性活动 → Agricultural services
  // B 采矿业
  '06': '32261', // 煤炭开采和洗选业 → Coal
  '07': '32262', // 石油和天然气开采业 → Oil and gas (upstream)
  '08': '32263', // 黑色金属矿采选业 → Ferrous metals
  '09': '32264', // 有色金属矿采选业 → Nonferrous metals
  '10': '32266', // 非金属矿采选业 → Industrial minerals
  // C 制造业
  '13': '32161', // 农副食品加工业 → Agro-industries
  '14': '32161', // 食品制造业 → Agro-industries
  '15': '32161', // 酒、饮料和精制茶制造业 → Agro-industries (beverages from farm produce)
  '17': '32163', // 纺织业 → Textiles, leather and substitutes
  '18': '32163', // 纺织服装、服饰业 → Textiles, leather and substitutes
  '19': '32163', // 皮革、毛皮、羽毛及其制品和制鞋业 → Textiles, leather and substitutes
  '20': '32162', // 木材加工和木、竹、藤、棕、草制品业 → Forest industries
  '22': '32162', // 造纸和纸制品业 → Forest industries (pulp and paper)
  '26': '32164', // 化学原料和化学制品制造业 → Chemicals
  '27': '32168', // 医药制造业 → Pharmaceutical production
  '31': '32169', // 黑色金属冶炼和压延加工业 → Basic metal industries (iron and steel)
  '32': '32170', // 有色金属冶炼和压延加工业 → Non-ferrous metal industries
  '34': '32171', // 通用设备制造业 → Engineering (machinery)
  '35': '32171', // 专用设备制造业 → Engineering (machinery)
  '36': '32172', // 汽车制造业 → Transport equipment industry
  '37': '32172', // 铁路、船舶、航空航天和其他运输设备制造业 → Transport equipment industry
  // D 电力、热力、燃气及水生产和供应业
  '46': '14020', // 水的生产和供应业 → Water supply and sanitation - large systems
  // G 交通运输、仓储和邮政业
  '53': '21030', // 铁路运输业 → Rail transport
  '54': '21020', // 道路运输业 → Road transport
  '55': '21040', // 水上运输业 → Water transport
  '56': '21050', // 航空运输业 → Air transport
  '59': '21061', // 装卸搬运和仓储业 → Storage
  // I 信息传输、软件和信息技术服务业
  '63': '22020', // 电信、广播电视和卫星传输服务 → Telecommunications
  '64': '22040', // 互联网和相关服务 → Information and communication technology (ICT)
  '65': '22040', // 软件和信息技术服务业 → Information and communication technology (ICT)
  // J 金融业
  '66': '24030', // 货币金融服务 → Formal sector financial intermediaries
  // M 科学研究和技术服务业
  '73': '43082', // 研究和试验发展 → Research/scientific institutions
  // P 教育
  '83': '11120', // 教育 → Education facilities and training (a project here builds or runs a school)
  // Q 卫生和社会工作
  '84': '12191', // 卫生 → Medical services
  '85': '16010', // 社会工作 → Social protection
  // R 文化、体育和娱乐业
  '88': '16061', // 文化艺术业 → Culture and recreation
  '89': '16061', // 体育 → Culture and recreation
  '90': '16061', // 娱乐业 → Culture and recreation
};
