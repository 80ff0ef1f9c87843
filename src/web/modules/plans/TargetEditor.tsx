import { useState } from 'react';
import { Button, Checkbox, Input, InputNumber, Popover, Select, Space, Tag, Tooltip } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { TARGET_COMPARISONS, type TargetComparison } from '../../../common/api/enums.ts';
import { useI18n } from '../../app/i18n.tsx';
import { formatTarget } from '../tasks/task-display.tsx';

export interface EditableTarget {
  min: number | string | null;
  max: number | string | null;
  unit: string;
  perYear: boolean;
  comparison: TargetComparison;
  source?: string | null;
}

const BLANK: EditableTarget = { min: null, max: null, unit: '', perYear: false, comparison: 'atLeast', source: null };

function TargetForm({
  initial,
  onDone,
  onCancel,
}: {
  initial: EditableTarget;
  onDone: (t: EditableTarget) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<EditableTarget>(initial);
  const set = (patch: Partial<EditableTarget>) => setDraft((d) => ({ ...d, ...patch }));
  const needsMin = draft.comparison !== 'atMost';
  const needsMax = draft.comparison === 'atMost' || draft.comparison === 'range';
  const empty = (v: unknown) => v === null || v === undefined || v === '';
  const invalid =
    !draft.unit.trim() ||
    (needsMin && empty(draft.min)) ||
    (needsMax && empty(draft.max)) ||
    (draft.comparison === 'range' && !empty(draft.min) && !empty(draft.max) && Number(draft.min) > Number(draft.max));
  return (
    <div style={{ width: 280 }} data-testid="target-form">
      <Space orientation="vertical" style={{ width: '100%' }} size={8}>
        <Select
          value={draft.comparison}
          onChange={(comparison) => set({ comparison })}
          options={TARGET_COMPARISONS.map((c) => ({ value: c, label: t(`ui.tasks.comparisons.${c}`) }))}
          style={{ width: '100%' }}
          data-testid="target-comparison"
        />
        <Space.Compact style={{ width: '100%' }}>
          {needsMin && (
            <InputNumber
              stringMode
              value={draft.min === null ? null : String(draft.min)}
              onChange={(v) => set({ min: v ?? null })}
              placeholder={t('ui.tasks.targetMin')}
              style={{ width: '50%' }}
              data-testid="target-min"
            />
          )}
          {needsMax && (
            <InputNumber
              stringMode
              value={draft.max === null ? null : String(draft.max)}
              onChange={(v) => set({ max: v ?? null })}
              placeholder={t('ui.tasks.targetMax')}
              style={{ width: '50%' }}
              data-testid="target-max"
            />
          )}
        </Space.Compact>
        <Space>
          <Input
            value={draft.unit}
            onChange={(e) => set({ unit: e.target.value })}
            placeholder={t('ui.tasks.targetUnit')}
            maxLength={20}
            style={{ width: 120 }}
            data-testid="target-unit"
          />
          <Checkbox checked={draft.perYear} onChange={(e) => set({ perYear: e.target.checked })}>
            {t('ui.tasks.perYear')}
          </Checkbox>
        </Space>
        <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8 }}>
          <Button size="small" onClick={onCancel}>
            {t('ui.common.cancel')}
          </Button>
          <Button
            size="small"
            type="primary"
            disabled={invalid}
            data-testid="target-ok"
            onClick={() =>
              onDone({
                ...draft,
                unit: draft.unit.trim(),
                min: needsMin ? draft.min : null,
                max: needsMax ? draft.max : null,
              })
            }
          >
            {t('ui.common.confirm')}
          </Button>
        </div>
      </Space>
    </div>
  );
}

/** A task's targets as tags (≥1000 人/年): click one to correct it, × to drop it, + to add one. A form control. */
export function TargetEditor({
  value = [],
  onChange,
}: {
  value?: EditableTarget[];
  onChange?: (targets: EditableTarget[]) => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState<number | 'new' | null>(null);
  const replace = (i: number, target: EditableTarget) => onChange?.(value.map((v, j) => (j === i ? target : v)));
  return (
    <span className="duikou-tags" data-testid="target-editor">
      {value.map((target, i) => (
        <Popover
          key={i}
          trigger="click"
          open={open === i}
          onOpenChange={(next) => setOpen(next ? i : null)}
          destroyOnHidden
          content={
            <TargetForm
              initial={target}
              onCancel={() => setOpen(null)}
              onDone={(next) => {
                replace(i, next);
                setOpen(null);
              }}
            />
          }
        >
          <Tooltip title={target.source ? t('ui.tasks.targetSource', { source: target.source }) : undefined}>
            <Tag
              color="geekblue"
              closable
              onClose={(e) => {
                e.preventDefault();
                onChange?.(value.filter((_, j) => j !== i));
              }}
              style={{ cursor: 'pointer', marginInlineEnd: 0 }}
              data-testid="target-tag"
            >
              {formatTarget(target, t)}
            </Tag>
          </Tooltip>
        </Popover>
      ))}
      <Popover
        trigger="click"
        open={open === 'new'}
        onOpenChange={(next) => setOpen(next ? 'new' : null)}
        destroyOnHidden
        content={
          <TargetForm
            initial={BLANK}
            onCancel={() => setOpen(null)}
            onDone={(next) => {
              onChange?.([...value, next]);
              setOpen(null);
            }}
          />
        }
      >
        <Tag
          className="duikou-tag-add"
          style={{ cursor: 'pointer', marginInlineEnd: 0, borderStyle: 'dashed', background: '#fff' }}
          data-testid="target-add"
        >
          <PlusOutlined /> {t('ui.tasks.addTarget')}
        </Tag>
      </Popover>
    </span>
  );
}
