import { Select } from 'antd';
import { useI18n } from './i18n.tsx';
import { useProgramme } from './programme.tsx';

/** The switcher in the header, shown when the user works in more than one programme. */
export default function ProgrammeSwitch() {
  const { t } = useI18n();
  const { programmes, current, choose } = useProgramme();
  if (!programmes) return null;
  return (
    <Select
      size="small"
      value={current?.id}
      onChange={choose}
      aria-label={t('ui.programmes.switchLabel')}
      popupMatchSelectWidth={false}
      style={{ minWidth: 160, maxWidth: 280 }}
      options={programmes.map((p) => ({ value: p.id, label: p.shortName ?? p.name }))}
      data-testid="programme-switch"
    />
  );
}
