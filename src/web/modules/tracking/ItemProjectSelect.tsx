import { useState } from 'react';
import { Select } from 'antd';
import { useI18n } from '../../app/i18n.tsx';
import { useApi } from '../../app/use-api.ts';
import { projectsApi } from '../projects/projects.api.ts';

/**
 * The projects an item is linked to, searched by title among the pairing's (its sub-pairs' included), twenty at a
 * time as the user types; `known` names the projects already linked, which a search may not bring back.
 */
export function ItemProjectSelect({
  pairingId,
  known = [],
  value,
  onChange,
  id,
}: {
  pairingId?: string;
  known?: readonly { id: string; title: string }[];
  value?: string[];
  onChange?: (v: string[]) => void;
  id?: string;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const { data, loading } = useApi(
    (signal) =>
      pairingId
        ? projectsApi.list({ pairingId, withSubPairs: 'true', q: q || undefined, pageSize: 20 }, signal)
        : Promise.resolve(undefined),
    [pairingId, q],
  );
  const options = new Map(known.map((p) => [p.id, p.title]));
  for (const p of data?.items ?? []) options.set(p.id, p.title);
  return (
    <Select
      id={id}
      data-testid="item-projects"
      mode="multiple"
      value={value ?? []}
      onChange={(v) => onChange?.(v)}
      loading={loading}
      disabled={!pairingId}
      showSearch={{ filterOption: false, onSearch: setQ }}
      placeholder={pairingId ? t('ui.common.selectPlaceholder') : t('ui.projects.form.chooseAPairingFirst')}
      options={[...options].map(([value, label]) => ({ value, label }))}
      notFoundContent={t('ui.common.empty')}
    />
  );
}
