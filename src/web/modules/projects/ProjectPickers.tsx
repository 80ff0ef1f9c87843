import { useEffect, useMemo, useRef, useState } from 'react';
import { Cascader, Select, Spin } from 'antd';
import { useI18n } from '../../app/i18n.tsx';
import { useApi } from '../../app/use-api.ts';
import { useIndustries } from '../../shared/use-industries.ts';
import { pairingsApi } from '../pairings/pairings.api.ts';
import { parksApi } from '../parks/parks.api.ts';
import { usePairingTasks } from '../tasks/use-pairing-tasks.ts';

interface PairingOption {
  id: string;
  name: string;
}

/** Picks one of the pairings the user may see (its sub-pairs included), searching by name as the user types. */
export function PairingSelect({
  value,
  onChange,
  initial,
  placeholder,
  allowClear = true,
  width,
  id,
  testId,
}: {
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** The chosen pairing's name, shown before any search. */
  initial?: PairingOption | null;
  placeholder?: string;
  allowClear?: boolean;
  width?: number;
  id?: string;
  testId?: string;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const known = useRef(new Map<string, string>());
  if (initial) known.current.set(initial.id, initial.name);
  const { data, loading } = useApi(
    (signal) => pairingsApi.list({ q: q || undefined, pageSize: 100, sort: 'name' }, signal),
    [q],
  );
  for (const p of data?.items ?? []) known.current.set(p.id, p.name);
  const options = useMemo(() => {
    const list = (data?.items ?? []).map((p) => ({ value: p.id, label: p.name }));
    if (value && !list.some((o) => o.value === value) && known.current.has(value))
      list.unshift({ value, label: known.current.get(value)! });
    return list;
  }, [data, value]);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  return (
    <Select
      id={id}
      data-testid={testId}
      value={value}
      onChange={(v) => onChange?.(v ?? undefined)}
      allowClear={allowClear}
      showSearch={{
        filterOption: false,
        onSearch: (text) => {
          window.clearTimeout(timer.current);
          timer.current = window.setTimeout(() => setQ(text.trim()), 250);
        },
      }}
      placeholder={placeholder ?? t('ui.projects.fields.pairing')}
      notFoundContent={loading ? <Spin size="small" /> : t('ui.common.empty')}
      options={options}
      style={{ width: width ?? '100%' }}
    />
  );
}

/** 门类 (A–T) and, optionally, 大类 (two digits) of GB/T 4754-2017: [section] or [section, division]. */
export function IndustryCascader({
  value,
  onChange,
  width,
  placeholder,
  id,
  testId,
}: {
  value?: string[];
  onChange?: (value: string[]) => void;
  width?: number;
  placeholder?: string;
  id?: string;
  testId?: string;
}) {
  const { locale } = useI18n();
  const catalogue = useIndustries();
  const options = useMemo(
    () =>
      (catalogue?.sections ?? []).map((s) => ({
        value: s.code,
        label: `${s.code} ${locale === 'en' ? s.nameEn : s.name}`,
        children: s.divisions.map((d) => ({
          value: d.code,
          label: `${d.code} ${locale === 'en' ? d.nameEn : d.name}`,
        })),
      })),
    [catalogue, locale],
  );
  return (
    <Cascader
      id={id}
      data-testid={testId}
      value={value?.length ? value : undefined}
      onChange={(v) => onChange?.((v ?? []).map(String))}
      options={options}
      changeOnSelect
      showSearch
      allowClear
      placeholder={placeholder}
      style={{ width: width ?? '100%' }}
    />
  );
}

/** The co-built parks of a pairing. */
export function ParkSelect({
  pairingId,
  value,
  onChange,
  id,
  testId,
}: {
  pairingId?: string;
  value?: string | null;
  onChange?: (v: string | null) => void;
  id?: string;
  testId?: string;
}) {
  const { t } = useI18n();
  const { data, loading } = useApi(
    (signal) =>
      pairingId
        ? parksApi.list({ pairingId, pageSize: 500 }, signal)
        : Promise.resolve({ items: [] as { id: string; name: string }[] }),
    [pairingId],
  );
  return (
    <Select
      id={id}
      data-testid={testId}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      allowClear
      loading={loading}
      disabled={!pairingId}
      placeholder={pairingId ? t('ui.common.selectPlaceholder') : t('ui.projects.form.chooseAPairingFirst')}
      options={(data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
      notFoundContent={t('ui.common.empty')}
    />
  );
}

export function TaskSelect({
  pairingId,
  value,
  onChange,
  id,
  testId,
}: {
  pairingId?: string;
  value?: string[];
  onChange?: (v: string[]) => void;
  id?: string;
  testId?: string;
}) {
  const { t } = useI18n();
  const { data, loading } = usePairingTasks(pairingId);
  return (
    <Select
      id={id}
      data-testid={testId}
      mode="multiple"
      value={value ?? []}
      onChange={(v) => onChange?.(v)}
      loading={loading}
      disabled={!pairingId}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={pairingId ? t('ui.projects.fields.tasksPlaceholder') : t('ui.projects.form.chooseAPairingFirst')}
      options={(data ?? []).map((task) => ({
        value: task.id,
        label: `${task.code} ${task.title}`,
        title: task.planTitle,
      }))}
      notFoundContent={t('ui.common.empty')}
    />
  );
}
