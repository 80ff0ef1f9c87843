import { useEffect, useMemo, useRef, useState } from 'react';
import { Select, Spin } from 'antd';
import type { RegionItem } from '../../common/api/regions.ts';
import { useI18n } from '../app/i18n.tsx';
import { regionsApi } from '../modules/regions/regions.api.ts';

export interface RegionOption {
  code: string;
  name: string;
  /** The parent's name, to tell 朝阳区 (北京) from 朝阳区 (长春). */
  context?: string | null;
}

type Props = {
  /** Regions already chosen, so their names show before any search. */
  initial?: RegionOption[];
  placeholder?: string;
  disabled?: boolean;
  id?: string;
  'data-testid'?: string;
} & (
  | { multiple: true; value?: string[]; onChange?: (value: string[]) => void }
  | { multiple?: false; value?: string; onChange?: (value: string) => void }
);

const toOption = (r: RegionItem): RegionOption => ({ code: r.code, name: r.name, context: r.parentName });

/** Picks regions by name or GB/T 2260 code, searching the server as the user types. */
export function RegionSelect(props: Props) {
  const { t } = useI18n();
  const [options, setOptions] = useState<RegionOption[]>(props.initial ?? []);
  const [searching, setSearching] = useState(false);
  const timer = useRef<number | undefined>(undefined);
  const controller = useRef<AbortController | null>(null);
  const known = useRef(new Map<string, RegionOption>());
  for (const option of props.initial ?? []) if (!known.current.has(option.code)) known.current.set(option.code, option);

  const search = (q: string) => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      controller.current?.abort();
      const ctl = new AbortController();
      controller.current = ctl;
      setSearching(true);
      regionsApi
        .list({ q: q.trim() || undefined, pageSize: 30 }, ctl.signal)
        .then((res) => {
          const found = res.items.map(toOption);
          for (const option of found) known.current.set(option.code, option);
          setOptions(found);
        })
        .catch(() => undefined)
        .finally(() => !ctl.signal.aborted && setSearching(false));
    }, 250);
  };

  useEffect(
    () => () => {
      window.clearTimeout(timer.current);
      controller.current?.abort();
    },
    [],
  );

  // Keep the chosen regions among the options so their labels stay visible after a new search.
  const selected = props.multiple ? (props.value ?? []) : props.value ? [props.value] : [];
  const merged = useMemo(() => {
    const map = new Map<string, RegionOption>();
    for (const code of selected) {
      const option = known.current.get(code);
      if (option) map.set(code, option);
    }
    for (const option of options) map.set(option.code, option);
    return [...map.values()];
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [options, selected.join(',')]);

  return (
    <Select
      id={props.id}
      data-testid={props['data-testid']}
      mode={props.multiple ? 'multiple' : undefined}
      showSearch={{ filterOption: false, onSearch: search }}
      allowClear
      disabled={props.disabled}
      value={props.value as never}
      onChange={props.onChange as never}
      onFocus={() => options.length === 0 && search('')}
      placeholder={props.placeholder ?? t('ui.pairings.regionSearch')}
      notFoundContent={searching ? <Spin size="small" /> : t('ui.common.empty')}
      options={merged.map((o) => ({
        value: o.code,
        label: `${o.context ? t('ui.common.nameWithContext', { name: o.name, context: o.context }) : o.name} ${o.code}`,
      }))}
      optionLabelProp="label"
      style={{ width: '100%' }}
    />
  );
}
