import fs from 'node:fs';
import { repoPath } from '../repo-path.ts';

/** GB/T 4754-2017 门类 (section) and 大类 (division), shipped in resources/industries (see docs/DATA-SOURCES.md). */
export interface IndustryDivision {
  code: string;
  name: string;
  nameEn: string;
  sectionCode: string;
}
export interface IndustrySection {
  code: string;
  name: string;
  nameEn: string;
  divisions: IndustryDivision[];
}

interface IndustryFile {
  standard: string;
  sections: {
    code: string;
    name: string;
    nameEn: string;
    divisions: { code: string; name: string; nameEn: string }[];
  }[];
}

export interface IndustryCatalogue {
  standard: string;
  sections: IndustrySection[];
  section(code: string): IndustrySection | undefined;
  division(code: string): IndustryDivision | undefined;
  /**
   * A spreadsheet cell naming an industry: a code ("C", "36", "C36"), a name ("汽车制造业") or both
   * ("36 汽车制造业", "C36-汽车制造业"). Returns the division, or the section alone when only a 门类 is named.
   */
  resolve(text: string): { section: IndustrySection; division: IndustryDivision | null } | null;
}

export function buildIndustryCatalogue(file: IndustryFile): IndustryCatalogue {
  const sections: IndustrySection[] = file.sections.map((s) => ({
    code: s.code,
    name: s.name,
    nameEn: s.nameEn,
    divisions: s.divisions.map((d) => ({ ...d, sectionCode: s.code })),
  }));
  const sectionByCode = new Map(sections.map((s) => [s.code, s]));
  const divisionByCode = new Map(sections.flatMap((s) => s.divisions.map((d) => [d.code, d] as const)));
  const byName = new Map<string, { section: IndustrySection; division: IndustryDivision | null }>();
  // A 大类 whose name is its 门类's (房地产业, 教育, 国际组织) resolves to the 大类: it is the more precise answer.
  for (const s of sections)
    byName.set(s.name, {
      section: s,
      division: s.divisions.length === 1 && s.divisions[0]!.name === s.name ? s.divisions[0]! : null,
    });
  for (const s of sections) for (const d of s.divisions) byName.set(d.name, { section: s, division: d });

  function resolve(raw: string) {
    const text = raw
      .replace(/[\uFF10-\uFF19\uFF21-\uFF3A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
      .trim();
    if (!text) return null;
    const m = /^([A-Ta-t])?\s*(\d{2})?(?:\s*[-—:：、.\s]\s*|\s*)(.*)$/.exec(text);
    const letter = m?.[1]?.toUpperCase();
    const digits = m?.[2];
    const rest = (m?.[3] ?? '').trim();
    if (digits) {
      const d = divisionByCode.get(digits);
      if (!d || (letter && d.sectionCode !== letter) || (rest && rest !== d.name)) return null;
      return { section: sectionByCode.get(d.sectionCode)!, division: d };
    }
    if (letter && (!rest || sectionByCode.get(letter)?.name === rest)) {
      const s = sectionByCode.get(letter);
      return s ? { section: s, division: null } : null;
    }
    return byName.get(text) ?? null;
  }

  return {
    standard: file.standard,
    sections,
    section: (code) => sectionByCode.get(code),
    division: (code) => divisionByCode.get(code),
    resolve,
  };
}

let cached: IndustryCatalogue | undefined;

export function industries(): IndustryCatalogue {
  cached ??= buildIndustryCatalogue(
    JSON.parse(fs.readFileSync(repoPath('resources/industries/gbt4754-2017.json'), 'utf8')) as IndustryFile,
  );
  return cached;
}
