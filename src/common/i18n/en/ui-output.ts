import type { Shape } from '../shape.ts';
import type { outputUi as zh } from '../zh-CN/ui-output.ts';

/** Output of every page: Excel exports of lists, printing, saving charts as images. */
export const outputUi: Shape<typeof zh> = {
  exportedLine: 'Exported by {name} ({organisation}) at {at} · {rows} rows',
  truncated: 'Export limit of {limit} rows reached; filter and export in parts',
  export: 'Export to Excel',
  exported: 'Exported',
  print: 'Print',
  printedOn: 'Printed on {date}',
  saveImage: 'Save as image',
  moreFilters: 'More filters',
  fewerFilters: 'Fewer filters',
  columns: 'Columns',
  columnsTitle: 'Columns to show',
  periodSummaryButton: 'Export period summary',
  yes: 'Yes',
  inWan: '{label} (10k yuan)',
  pairings: { sheet: 'Pairings', title: 'Pairings', file: 'Pairings' },
  parks: { sheet: 'Parks', title: 'Cooperation parks', file: 'Parks' },
  events: { sheet: 'Events', title: 'Investment events', file: 'Events' },
  cycles: { sheet: 'Periods', title: 'Reporting periods', file: 'Reporting periods' },
  stats: {
    sheet: 'Project statistics',
    stagesSheet: 'By stage',
    title: 'Project statistics ({group})',
    stagesTitle: 'Projects and money by stage (10k yuan)',
    file: 'Project statistics',
  },
  periodSummary: {
    unitsSheet: 'By unit',
    reportsSheet: 'Reports',
    title: '{pairing} {period} progress summary',
    unitsTitle: '{pairing} {period} reports by unit',
    file: '{period} progress summary',
    reviewComment: 'Review comment',
    reviewedAt: 'Reviewed at',
    role: 'Lead / co-operating',
    taskCode: 'Task no.',
    taskTitle: 'Task',
  },
  chartFile: '{title}-{date}',
  namedChart: '{name} – {chart}',
  mapSource:
    'Schematic map: base map from Apache ECharts 4.9.0 map data, not a standard map of the Ministry of Natural Resources, with no map review number (审图号); not authoritative for borders or administrative boundaries.',
};
