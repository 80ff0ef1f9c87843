import type {
  OPEN_FIELD_TYPES,
  OpenDataDictionary,
  OpenDataset,
  OpenEvaluationResult,
  OpenProjectAggregate,
  OpenPublishedFigure,
} from '../../../common/api/open-data.ts';
import { translate } from '../../../common/i18n/messages.ts';
import type { openDataUi } from '../../../common/i18n/zh-CN/ui-open-data.ts';

type FieldName = keyof typeof openDataUi.fields;
type Unit = keyof typeof openDataUi.units;

interface Field<Row> {
  name: keyof Row & FieldName;
  type: (typeof OPEN_FIELD_TYPES)[number];
  nullable?: boolean;
  unit?: Unit;
}

const pairing = [
  { name: 'programmeId', type: 'uuid' },
  { name: 'programmeName', type: 'text' },
  { name: 'pairingId', type: 'uuid' },
  { name: 'pairingName', type: 'text' },
  { name: 'pairingLevel', type: 'text' },
] as const;

/**
 * The columns of each dataset, in the order of the CSV and the JSON: one list is the dictionary, the CSV header
 * row and its cells, so a column cannot be added to one and forgotten in the others.
 */
export const OPEN_FIELDS: {
  projects: Field<OpenProjectAggregate>[];
  figures: Field<OpenPublishedFigure>[];
  evaluations: Field<OpenEvaluationResult>[];
} = {
  projects: [
    ...pairing,
    { name: 'side', type: 'text' },
    { name: 'year', type: 'integer', nullable: true, unit: 'year' },
    { name: 'projects', type: 'integer', unit: 'count' },
    { name: 'signedWan', type: 'decimal', unit: 'wan' },
    { name: 'arrivedWan', type: 'decimal', unit: 'wan' },
    { name: 'demo', type: 'boolean' },
  ],
  figures: [
    { name: 'id', type: 'uuid' },
    { name: 'programmeId', type: 'uuid', nullable: true },
    { name: 'programmeName', type: 'text', nullable: true },
    { name: 'pairingId', type: 'uuid', nullable: true },
    { name: 'pairingName', type: 'text', nullable: true },
    { name: 'side', type: 'text', nullable: true },
    { name: 'year', type: 'integer', unit: 'year' },
    { name: 'topic', type: 'text' },
    { name: 'label', type: 'text' },
    { name: 'value', type: 'decimal', unit: 'figure' },
    { name: 'unit', type: 'text' },
    { name: 'sourceTitle', type: 'text' },
    { name: 'sourceDate', type: 'date' },
    { name: 'sourceLink', type: 'text', nullable: true },
    { name: 'demo', type: 'boolean' },
  ],
  evaluations: [
    ...pairing,
    { name: 'roundId', type: 'uuid' },
    { name: 'roundTitle', type: 'text' },
    { name: 'year', type: 'integer', unit: 'year' },
    { name: 'side', type: 'text' },
    { name: 'score', type: 'decimal', nullable: true, unit: 'score' },
    { name: 'rank', type: 'integer', nullable: true },
    { name: 'grade', type: 'text', nullable: true },
  ],
};

const both = (key: string) => ({ zh: translate('zh-CN', key), en: translate('en', key) });

/** Where a dataset is downloaded from. */
export const downloadPath = (dataset: OpenDataset, format: 'json' | 'csv') => `/api/open/${dataset}.${format}`;

/** The data dictionary: every dataset's fields with their names in both languages, type, unit and definition. */
export function openDataDictionary(): OpenDataDictionary {
  return {
    datasets: (Object.keys(OPEN_FIELDS) as OpenDataset[]).map((id) => ({
      id,
      title: both(`ui.openData.datasets.${id}.title`),
      description: both(`ui.openData.datasets.${id}.description`),
      downloads: { json: downloadPath(id, 'json'), csv: downloadPath(id, 'csv') },
      fields: (OPEN_FIELDS[id] as Field<Record<FieldName, unknown>>[]).map((f) => ({
        name: f.name,
        label: both(`ui.openData.fields.${f.name}.label`),
        type: f.type,
        nullable: f.nullable ?? false,
        unit: f.unit ? both(`ui.openData.units.${f.unit}`) : null,
        definition: both(`ui.openData.fields.${f.name}.definition`),
      })),
    })),
  };
}
