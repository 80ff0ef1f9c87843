import { Tag, Tooltip } from 'antd';
import type { PairingLevel, PairingStatus } from '../../../common/api/enums.ts';
import type { RegionRef } from '../../../common/api/regions.ts';
import { useI18n } from '../../app/i18n.tsx';
import { STATUS_COLOURS } from '../../shared/map/pairing-lines.ts';

export function StatusTag({ status }: { status: PairingStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLOURS[status]} data-status={status}>
      {t(`domain.pairingStatuses.${status}`)}
    </Tag>
  );
}

export function LevelText({ level }: { level: PairingLevel }) {
  const { t } = useI18n();
  return <>{t(`domain.pairingLevels.${level}`)}</>;
}

/** The regions of one side, joined the Chinese way (长春市、长白山开发区). */
export function RegionNames({ regions }: { regions: RegionRef[] }) {
  const { t } = useI18n();
  if (!regions.length) return <span style={{ color: '#999' }}>{t('ui.common.none')}</span>;
  return (
    <>
      {regions.map((region, i) => (
        <span key={region.code}>
          {i > 0 && t('ui.common.listSeparator')}
          <Tooltip title={region.code}>
            <span>{region.name}</span>
          </Tooltip>
        </span>
      ))}
    </>
  );
}
