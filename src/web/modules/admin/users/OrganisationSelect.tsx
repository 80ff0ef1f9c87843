import { useState } from 'react';
import { Select } from 'antd';
import { useI18n } from '../../../app/i18n.tsx';
import { useApi } from '../../../app/use-api.ts';
import { organisationsApi } from '../organisations/organisations.api.ts';

/** Picks an active organisation by name. */
export function OrganisationSelect({
  value,
  onChange,
  initial,
  id,
  style,
  allowClear,
  placeholder,
}: {
  value?: string;
  onChange?: (value: string) => void;
  initial?: { id: string; name: string };
  id?: string;
  style?: React.CSSProperties;
  allowClear?: boolean;
  placeholder?: string;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const { data, loading } = useApi(
    (signal) => organisationsApi.list({ q: q || undefined, active: 'true', pageSize: 50 }, signal),
    [q],
  );
  const options = (data?.items ?? []).map((o) => ({
    value: o.id,
    label: t('ui.common.nameWithContext', { name: o.name, context: o.regionName }),
  }));
  if (initial && !options.some((o) => o.value === initial.id))
    options.unshift({ value: initial.id, label: initial.name });
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={loading}
      options={options}
      allowClear={allowClear}
      placeholder={placeholder ?? t('ui.common.selectPlaceholder')}
      style={{ width: '100%', ...style }}
      data-testid="organisation-select"
    />
  );
}
