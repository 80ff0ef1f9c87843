import type { Shape } from '../shape.ts';
import type { programmesUi as zh } from '../zh-CN/ui-programmes.ts';

export const programmesUi: Shape<typeof zh> = {
  menu: 'Programmes',
  title: 'Programmes',
  intro:
    'Each programme has its own names for its two sides, its levels, document basis and period; pairings, projects and figures are kept per programme.',
  create: 'New programme',
  createTitle: 'New programme',
  editTitle: 'Edit programme',
  edit: 'Edit',
  load: 'Load from a file',
  loadTitle: 'Load a programme from a JSON file',
  loadIntro:
    'The file format is in docs/PROGRAMME-FILE.md. All or nothing; loading the same file again changes nothing, a changed file updates only what changed.',
  chooseFile: 'Choose a JSON file',
  notJson: 'The file is not valid JSON: {message}',
  loadRefused: 'The file was not loaded; correct these entries and try again:',
  name: 'Name',
  shortName: 'Short name',
  docNo: 'Document number',
  issuer: 'Issued by',
  issued: 'Issued on',
  period: 'Period',
  periodFrom: 'From',
  periodTo: 'To',
  sides: 'Side names',
  sideAZh: 'Side A name (Chinese)',
  sideAEn: 'Side A name (English)',
  sideBZh: 'Side B name (Chinese)',
  sideBEn: 'Side B name (English)',
  sidesHint:
    'E.g. 东北地区 / North-eastern side; shown in Chinese as 东北地区一方. Chinese names ending in 方 (支援方, 受援方) are shown as given.',
  levels: 'Levels',
  goals: 'Goals',
  pairingCount: 'Pairings',
  switchLabel: 'Programme',
  report: {
    created: 'Programme "{name}" created',
    updated: 'Programme "{name}" updated',
    unchanged: 'The file is the same as "{name}": nothing changed ({count} pairings)',
    counts: '{added} added, {updated} updated, {unchanged} unchanged',
    programmeChanges: 'Programme fields changed: {fields}',
    addedList: 'Added',
    updatedList: 'Updated',
    notInFileList: 'Pairings no longer in the file (kept)',
  },
};
