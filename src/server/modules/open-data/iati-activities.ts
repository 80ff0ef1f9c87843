import type { ProjectStage } from '../../../common/api/enums.ts';
import { translate } from '../../../common/i18n/messages.ts';
import { chinaToday } from '../../kernel/dates.ts';
import { decimalString } from '../../kernel/decimal.ts';
import { industries } from '../../kernel/industries.ts';
import { DAC_BY_GBT4754_DIVISION } from './iati-sectors.ts';
import type { IatiProjectRow } from './open-data.repository.ts';
import { type XmlElement, xmlDocument } from './xml-writer.ts';

/** Who reports: the identifier every activity's iati-identifier starts with, its name and organisation type. */
export interface IatiReporter {
  orgRef: string;
  orgName?: string;
  orgType: string;
}

/**
 * IATI ActivityStatus of a project stage. Until construction starts a project is in its pipeline (1); under
 * construction it is being implemented (2); once producing, the physical work is done and only follow-up remains
 * (3, finalisation); paused is suspended (6) and terminated cancelled (5).
 */
const ACTIVITY_STATUS: Record<ProjectStage, string> = {
  planning: '1',
  signed: '1',
  sited: '1',
  started: '2',
  producing: '3',
  paused: '6',
  terminated: '5',
};

/**
 * ISO 3166-2:CN subdivision codes (the letter codes in use since 2017) by the first two digits of the GB/T 2260 code,
 * for location/administrative with vocabulary A4 (ISO 3166-2).
 */
const ISO_3166_2_CN: Readonly<Record<string, string>> = {
  '11': 'CN-BJ',
  '12': 'CN-TJ',
  '13': 'CN-HE',
  '14': 'CN-SX',
  '15': 'CN-NM',
  '21': 'CN-LN',
  '22': 'CN-JL',
  '23': 'CN-HL',
  '31': 'CN-SH',
  '32': 'CN-JS',
  '33': 'CN-ZJ',
  '34': 'CN-AH',
  '35': 'CN-FJ',
  '36': 'CN-JX',
  '37': 'CN-SD',
  '41': 'CN-HA',
  '42': 'CN-HB',
  '43': 'CN-HN',
  '44': 'CN-GD',
  '45': 'CN-GX',
  '46': 'CN-HI',
  '50': 'CN-CQ',
  '51': 'CN-SC',
  '52': 'CN-GZ',
  '53': 'CN-YN',
  '54': 'CN-XZ',
  '61': 'CN-SN',
  '62': 'CN-GS',
  '63': 'CN-QH',
  '64': 'CN-NX',
  '65': 'CN-XJ',
  '71': 'CN-TW',
  '81': 'CN-HK',
  '82': 'CN-MO',
};

/** IATI codes used below, named (TransactionType, ActivityDateType, OrganisationRole, OrganisationType…). */
const IATI = {
  incomingFunds: '1',
  incomingCommitment: '11',
  plannedStart: '1',
  actualStart: '2',
  actualEnd: '4',
  roleFunding: '1',
  roleAccountable: '2',
  privateSector: '70',
  descriptionGeneral: '1',
  otherIdentifierOther: 'A3',
  locationReachActivity: '1',
  sectorDac5: '1',
  sectorOwn: '99',
  isoSubdivision: 'A4',
  firstAdministrativeLevel: '1',
} as const;

const narrative = (text: string) => ({ name: 'narrative', children: [text] });
const zh = (key: string, params: Record<string, string> = {}) => translate('zh-CN', key, params);

/**
 * iati-identifier: the reporting organisation's identifier, a hyphen, and the project's id in this system. The id
 * never changes (a 项目代码 may be added or corrected later, so it goes in other-identifier instead).
 */
export const iatiIdentifier = (reporter: IatiReporter, projectId: string) => `${reporter.orgRef}-${projectId}`;

/** The date(s) of the activity: started (actual start), producing (actual end); else signed or published (planned). */
function activityDates(p: IatiProjectRow): XmlElement[] {
  const dates: XmlElement[] = [];
  if (p.startedOn) dates.push({ name: 'activity-date', attrs: { type: IATI.actualStart, 'iso-date': p.startedOn } });
  else
    dates.push({
      name: 'activity-date',
      attrs: { type: IATI.plannedStart, 'iso-date': p.signedOn ?? p.publishedOn },
      children: [
        narrative(zh(p.signedOn ? 'ui.openData.iatiText.firstDateNote' : 'ui.openData.iatiText.publishedDateNote')),
      ],
    });
  if (p.producingOn) dates.push({ name: 'activity-date', attrs: { type: IATI.actualEnd, 'iso-date': p.producingOn } });
  return dates;
}

/**
 * The host region as a location: its code as the reporter's own reference (GB/T 2260, or for a development zone the
 * Z… code of resources/regions), name and code as the location's name, its province as ISO 3166-2 (vocabulary A4).
 */
function location(p: IatiProjectRow): XmlElement {
  const iso = p.provinceCode ? ISO_3166_2_CN[p.provinceCode.slice(0, 2)] : undefined;
  return {
    name: 'location',
    attrs: { ref: p.hostRegionCode },
    children: [
      { name: 'location-reach', attrs: { code: IATI.locationReachActivity } },
      { name: 'name', children: [narrative(`${p.hostRegionName}（${p.hostRegionCode}）`)] },
      iso && {
        name: 'administrative',
        attrs: { vocabulary: IATI.isoSubdivision, level: IATI.firstAdministrativeLevel, code: iso },
      },
    ],
  };
}

/** GB/T 4754 as the reporter's own vocabulary (99), and the DAC 5-digit code where iati-sectors.ts maps one. */
function sectors(p: IatiProjectRow): XmlElement[] {
  const catalogue = industries();
  const division = p.industryDivision ? catalogue.division(p.industryDivision) : undefined;
  const section = catalogue.section(division?.sectionCode ?? p.industrySection ?? '');
  if (!section) return [];
  const out: XmlElement[] = [];
  const dac = division ? DAC_BY_GBT4754_DIVISION[division.code] : undefined;
  if (dac) out.push({ name: 'sector', attrs: { vocabulary: IATI.sectorDac5, code: dac, percentage: 100 } });
  out.push({
    name: 'sector',
    attrs: {
      vocabulary: IATI.sectorOwn,
      code: `GB/T 4754-2017:${section.code}${division?.code ?? ''}`,
      percentage: 100,
    },
    children: [narrative(division?.name ?? section.name)],
  });
  return out;
}

function transaction(type: string, yuan: string, date: string, note: string, investor: string): XmlElement {
  return {
    name: 'transaction',
    children: [
      { name: 'transaction-type', attrs: { code: type } },
      { name: 'transaction-date', attrs: { 'iso-date': date } },
      { name: 'value', attrs: { currency: 'CNY', 'value-date': date }, children: [decimalString(yuan)!] },
      { name: 'description', children: [narrative(note)] },
      { name: 'provider-org', attrs: { type: IATI.privateSector }, children: [narrative(investor)] },
    ],
  };
}

/**
 * The money of a project as the investor's flows into it (the reporting office funds none of it): 签约额 is the
 * investor's written commitment to the project, an incoming commitment (11) dated the signing; 到位资金 is what has
 * arrived, incoming funds (1), cumulative, dated the end of the period of its latest report.
 */
function transactions(p: IatiProjectRow): XmlElement[] {
  const out: XmlElement[] = [];
  if (p.signedOn && Number(p.signedYuan) > 0)
    out.push(
      transaction(IATI.incomingCommitment, p.signedYuan, p.signedOn, zh('ui.openData.iatiText.signedNote'), p.investor),
    );
  if (Number(p.arrivedYuan) > 0)
    out.push(
      transaction(
        IATI.incomingFunds,
        p.arrivedYuan,
        p.arrivedAsOf ?? chinaToday(p.updatedAt),
        zh('ui.openData.iatiText.arrivedNote'),
        p.investor,
      ),
    );
  return out;
}

/** A demo project's title carries 演示 (demo fill writes it; a demo record made otherwise gets it here). */
const demoMarked = (p: IatiProjectRow) =>
  p.isDemo && !p.title.includes('演示') ? `【${zh('ui.openData.demo')}】${p.title}` : p.title;

function activity(p: IatiProjectRow, reporter: IatiReporter): XmlElement {
  const reportingName = reporter.orgName ?? p.programmeOwner ?? p.programmeName;
  return {
    name: 'iati-activity',
    attrs: {
      'last-updated-datetime': p.updatedAt.toISOString(),
      'xml:lang': 'zh',
      'default-currency': 'CNY',
      hierarchy: 1,
    },
    children: [
      { name: 'iati-identifier', children: [iatiIdentifier(reporter, p.id)] },
      {
        name: 'reporting-org',
        attrs: { ref: reporter.orgRef, type: reporter.orgType },
        children: [narrative(reportingName)],
      },
      { name: 'title', children: [narrative(demoMarked(p))] },
      {
        name: 'description',
        attrs: { type: IATI.descriptionGeneral },
        children: [
          narrative(p.publicSummary ?? zh('ui.openData.iatiText.fallbackDescription', { pairing: p.pairingName })),
        ],
      },
      {
        name: 'participating-org',
        attrs: { role: IATI.roleFunding, type: IATI.privateSector },
        children: [narrative(p.investor)],
      },
      {
        name: 'participating-org',
        attrs: { role: IATI.roleAccountable, type: reporter.orgType },
        children: [narrative(zh('ui.openData.iatiText.accountable', { pairing: p.pairingName }))],
      },
      p.projectCode && {
        name: 'other-identifier',
        attrs: { ref: p.projectCode, type: IATI.otherIdentifierOther },
      },
      { name: 'activity-status', attrs: { code: ACTIVITY_STATUS[p.stage] } },
      ...activityDates(p),
      { name: 'recipient-country', attrs: { code: 'CN', percentage: 100 } },
      location(p),
      ...sectors(p),
      ...transactions(p),
    ],
  };
}

/** An IATI 2.03 activity file of published projects. */
export function iatiActivitiesXml(rows: IatiProjectRow[], reporter: IatiReporter, generatedAt: Date): string {
  return xmlDocument({
    name: 'iati-activities',
    attrs: { version: '2.03', 'generated-datetime': generatedAt.toISOString() },
    children: rows.map((p) => activity(p, reporter)),
  });
}
