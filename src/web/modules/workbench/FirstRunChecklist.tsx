import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Card, List, Space, Tag, Typography } from 'antd';
import { CheckCircleFilled } from '@ant-design/icons';
import type { FirstRun } from '../../../common/api/workbench.ts';
import { isApiError } from '../../app/api-client.ts';
import { useMessage } from '../../app/feedback.tsx';
import { useI18n } from '../../app/i18n.tsx';
import { useApi } from '../../app/use-api.ts';
import { organisationsApi } from '../admin/organisations/organisations.api.ts';
import { workbenchApi } from './workbench.api.ts';

type Entry =
  | FirstRun['offices'][number]
  | (FirstRun['nationalOffice'] & { officeName?: undefined; pairingName?: undefined });

/**
 * After setup, what must exist before anyone sees data: the national office, then the pairing offices the loaded
 * plans name (one click each creates the organisation as named there), then a user in each. Hidden once all is done.
 * `refreshKey` changes when the page around it changed something (a user created), so the steps are read again.
 */
export function FirstRunChecklist({ refreshKey }: { refreshKey: unknown }) {
  const { t, pick } = useI18n();
  const message = useMessage();
  const [busy, setBusy] = useState<string | null>(null);
  const { data, reload } = useApi((signal) => workbenchApi.firstRun(signal), [refreshKey]);
  if (!data || data.done) return null;

  const create = async (e: Entry, kind: 'national_office' | 'pairing_office') => {
    setBusy(e.regionCode);
    try {
      await organisationsApi.create({ name: e.proposedName, kind, regionCode: e.regionCode });
      message.success(t('ui.workbench.firstRun.created', { name: e.proposedName }));
      reload();
    } catch (err) {
      message.error(isApiError(err) ? pick(err) : t('ui.common.networkError'));
    } finally {
      setBusy(null);
    }
  };

  const row = (e: Entry, kind: 'national_office' | 'pairing_office') => (
    <List.Item
      data-testid="first-run-office"
      data-name={e.proposedName}
      data-state={!e.organisationId ? 'missing' : e.users ? 'done' : 'no-user'}
      actions={[
        !e.organisationId ? (
          <Button
            key="create"
            type="primary"
            size="small"
            loading={busy === e.regionCode}
            onClick={() => void create(e, kind)}
            data-testid="first-run-create"
          >
            {t('ui.workbench.firstRun.create')}
          </Button>
        ) : e.users ? (
          <Tag key="done" icon={<CheckCircleFilled />} color="success">
            {t('ui.workbench.firstRun.users', { count: e.users })}
          </Tag>
        ) : (
          <Tag key="no-user" color="warning">
            {t('ui.workbench.firstRun.noUser')}
          </Tag>
        ),
      ]}
    >
      <List.Item.Meta
        title={
          <Space size={8}>
            <span>{e.proposedName}</span>
            <Tag>{t(`domain.organisationKinds.${kind}`)}</Tag>
          </Space>
        }
        description={
          e.officeName
            ? t('ui.workbench.firstRun.officeOf', {
                office: e.officeName,
                pairing: e.pairingName,
                region: e.regionName,
              })
            : e.regionName
        }
      />
    </List.Item>
  );

  return (
    <Card title={t('ui.workbench.firstRun.title')} style={{ marginBottom: 16 }} data-testid="first-run">
      <Alert type="info" showIcon title={t('ui.workbench.firstRun.intro')} style={{ marginBottom: 12 }} />
      <Typography.Text strong>{t('ui.workbench.firstRun.stepNational')}</Typography.Text>
      <List size="small" dataSource={[data.nationalOffice]} renderItem={(e) => row(e, 'national_office')} />
      <Typography.Text strong>{t('ui.workbench.firstRun.stepOffices')}</Typography.Text>
      <List size="small" dataSource={data.offices} renderItem={(e) => row(e, 'pairing_office')} />
      <Typography.Text strong>{t('ui.workbench.firstRun.stepUsers')}</Typography.Text>
      <div>
        <Typography.Text type="secondary">{t('ui.workbench.firstRun.usersHint')}</Typography.Text>{' '}
        <Link to="/admin/organisations">{t('ui.workbench.firstRun.organisationsLink')}</Link>
      </div>
    </Card>
  );
}
