import { Select } from 'antd';
import { useI18n } from '../app/i18n.tsx';
import { usePairingOptions } from './use-pairing-options.ts';

/**
 * The pairing of a new record, among those the user may see, searched by name (a form field: the form gives its
 * value and onChange). The options are asked for only while it is shown.
 */
export function PairingSelect({
  value,
  onChange,
  id,
  'data-testid': testId,
}: {
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
  'data-testid'?: string;
}) {
  const { t } = useI18n();
  const pairings = usePairingOptions();
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      showSearch={{ optionFilterProp: 'label' }}
      loading={pairings.loading}
      options={pairings.options}
      placeholder={t('ui.common.selectPlaceholder')}
      data-testid={testId}
    />
  );
}
