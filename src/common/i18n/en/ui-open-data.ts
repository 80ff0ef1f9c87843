import type { Shape } from '../shape.ts';
import type { openDataUi as zh } from '../zh-CN/ui-open-data.ts';

/** Open data: the data dictionary, CSV header rows and the data page. zh-CN/ui-open-data.ts has exactly these keys. */
export const openDataUi: Shape<typeof zh> = {
  pageTitle: 'Open data',
  pageDescription:
    'Published project totals, figures from the press and official reports, and evaluation results of paired cooperation, as CSV (opens in Excel) and JSON, with a data dictionary.',
  intro:
    'These data come only from records the pairing offices published: published projects, published figures (with their source) and published evaluation results. Money is in 10,000 yuan (万元), written as decimal text. Rows marked "demo" are demonstration data.',
  downloads: 'Downloads',
  downloadCsv: 'Download CSV',
  downloadJson: 'Download JSON',
  dictionary: 'Data dictionary',
  iati: 'IATI 2.03 activity file',
  iatiNote:
    'Published projects as an activity file of the International Aid Transparency Initiative (IATI) standard 2.03.',
  apiNote:
    'No account needed; requests are limited per address. Filter with programme (its id), pairing (id or exact name), year and side.',
  columns: {
    field: 'Field',
    name: 'Name',
    type: 'Type',
    unit: 'Unit',
    definition: 'Definition',
    nullable: 'May be empty',
  },
  types: {
    uuid: 'Identifier (UUID)',
    text: 'Text',
    integer: 'Integer',
    decimal: 'Decimal (as text)',
    date: 'Date (YYYY-MM-DD)',
    boolean: 'Yes/no',
  },
  units: { wan: '10,000 yuan (万元)', count: 'count', year: 'year', score: 'points', figure: 'see the "unit" field' },
  yes: 'yes',
  no: 'no',
  demo: 'demo',
  datasets: {
    projects: {
      title: 'Project totals',
      description: 'Published cooperation projects, totalled by programme, pairing, host side and signing year.',
    },
    figures: {
      title: 'Published figures',
      description:
        'Figures the offices recorded from the press and official reports, with source, date and link, kept apart from figures computed by the system.',
    },
    evaluations: {
      title: 'Evaluation results',
      description: 'Score, rank and grade of each pairing (or side) in the published evaluation rounds.',
    },
  },
  fields: {
    programmeId: { label: 'Programme id', definition: 'Identifier of the paired-cooperation programme.' },
    programmeName: { label: 'Programme', definition: 'Name of the paired-cooperation programme.' },
    pairingId: { label: 'Pairing id', definition: 'Identifier of the pairing.' },
    pairingName: { label: 'Pairing', definition: 'Name of the pairing (e.g. 吉林省—浙江省).' },
    pairingLevel: {
      label: 'Level',
      definition: 'Level of the pairing: province, city, county, zone (a park or development zone) or department.',
    },
    side: {
      label: 'Side',
      definition:
        'One side of the pairing: a is the side named first, b the second (in evaluation results, both is the two sides together).',
    },
    year: {
      label: 'Year',
      definition:
        'For project totals the signing year (empty: not signed yet); for figures the year described; for evaluation results the year evaluated.',
    },
    projects: { label: 'Projects', definition: 'Number of published projects.' },
    signedWan: { label: 'Signed amount', definition: 'Sum of the signed amounts (签约额) of the published projects.' },
    arrivedWan: {
      label: 'Funds arrived',
      definition: 'Sum of the funds arrived (到位资金, cumulative) of the published projects.',
    },
    demo: { label: 'Demo data', definition: 'Whether the row is demonstration data (not real).' },
    id: { label: 'Id', definition: 'Identifier of the published figure.' },
    topic: {
      label: 'Topic',
      definition: 'Topic of the figure: replication, cadres, projects or general.',
    },
    label: { label: 'Measure', definition: 'What the figure describes, e.g. "cadres sent".' },
    value: { label: 'Value', definition: 'The published value.' },
    unit: { label: 'Unit', definition: 'Unit of the value, e.g. 名 (persons), 项 (items), 亿元 (100 million yuan).' },
    sourceTitle: { label: 'Source', definition: 'Title of the article or report.' },
    sourceDate: { label: 'Source date', definition: 'Date the article or report was published.' },
    sourceLink: { label: 'Source link', definition: 'Address of the article or report.' },
    roundId: { label: 'Round id', definition: 'Identifier of the evaluation round.' },
    roundTitle: { label: 'Round', definition: 'Name of the evaluation round.' },
    score: { label: 'Score', definition: 'Score in the evaluation (the adjusted score where it was adjusted).' },
    rank: { label: 'Rank', definition: 'Rank in the round.' },
    grade: { label: 'Grade', definition: "Grade on the round's grade scale." },
  },
  iatiText: {
    fallbackDescription: 'Cooperation project of the pairing {pairing}',
    accountable: 'Paired cooperation {pairing}',
    firstDateNote: 'Signing date (not started yet)',
    publishedDateNote: 'Date published (no signing or start date yet)',
    signedNote: 'Signed amount (签约额)',
    arrivedNote: 'Funds arrived (到位资金, cumulative)',
  },
};
