import { useState } from 'react';
import { Button, Drawer, Form, Input, Table, Typography, type TableColumnsType } from 'antd';
import type { ProgrammeItem } from '../../../common/api/pairings.ts';
import type { ProgrammeGrantItem } from '../../../common/api/programmes.ts';
import { ErrorResult } from '../../app/ErrorResult.tsx';
import { useMessage } from '../../app/feedback.tsx';
import { useI18n } from '../../app/i18n.tsx';
import { useApi } from '../../app/use-api.ts';
import { ReasonModal } from '../../shared/ReasonModal.tsx';
import { formatDateTime } from '../../shared/format.ts';
import { useServerForm } from '../../shared/use-server-form.tsx';
import { programmesApi } from './programmes.api.ts';

/**
 * Who a programme is granted to (national-office users limited to their grants): grant it to a user by username,
 * or take it back with a reason, which the audit log keeps.
 */
export function ProgrammeGrantsDrawer({ programme, onClose }: { programme: ProgrammeItem; onClose: () => void }) {
  const { t } = useI18n();
  const message = useMessage();
  const grants = useApi((signal) => programmesApi.grants(programme.id, signal), [programme.id]);
  const [form] = Form.useForm<{ username?: string }>();
  const { saving, banner, run } = useServerForm(form);
  const [revoking, setRevoking] = useState<ProgrammeGrantItem | null>(null);

  const columns: TableColumnsType<ProgrammeGrantItem> = [
    { title: t('ui.programmes.grants.username'), dataIndex: 'username' },
    { title: t('ui.programmes.grants.displayName'), dataIndex: 'displayName' },
    { title: t('ui.programmes.grants.organisation'), dataIndex: 'organisationName' },
    {
      title: t('ui.programmes.grants.grantedAt'),
      dataIndex: 'grantedAt',
      width: 150,
      render: (v: string) => formatDateTime(v),
    },
    {
      key: 'revoke',
      width: 80,
      render: (_: unknown, g) => (
        <Button size="small" danger onClick={() => setRevoking(g)} data-testid="grant-revoke">
          {t('ui.programmes.grants.revoke')}
        </Button>
      ),
    },
  ];
  return (
    <Drawer open size="large" title={t('ui.programmes.grants.title', { name: programme.name })} onClose={onClose}>
      <Typography.Paragraph type="secondary">{t('ui.programmes.grants.intro')}</Typography.Paragraph>
      {banner}
      <Form
        form={form}
        name="programme-grant"
        layout="inline"
        style={{ marginBottom: 16 }}
        onFinish={(v) =>
          run(async () => {
            const username = v.username?.trim() ?? '';
            await programmesApi.grant(programme.id, username);
            form.resetFields();
            grants.reload();
            message.success(t('ui.programmes.grants.granted', { username }));
          })
        }
      >
        <Form.Item name="username" rules={[{ required: true, message: t('errors.field.required') }]}>
          <Input
            placeholder={t('ui.programmes.grants.usernamePlaceholder')}
            style={{ width: 260 }}
            data-testid="grant-username"
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="grant-save">
            {t('ui.programmes.grants.grant')}
          </Button>
        </Form.Item>
      </Form>
      {grants.error ? (
        <ErrorResult error={grants.error} onRetry={grants.reload} />
      ) : (
        <Table<ProgrammeGrantItem>
          rowKey="userId"
          size="small"
          loading={grants.loading}
          dataSource={grants.data?.items}
          columns={columns}
          pagination={false}
          locale={{ emptyText: t('ui.programmes.grants.none') }}
          data-testid="grant-table"
        />
      )}
      {revoking && (
        <RevokeGrantModal
          programme={programme}
          grant={revoking}
          onClose={() => setRevoking(null)}
          onRevoked={() => {
            setRevoking(null);
            grants.reload();
            message.success(t('ui.programmes.grants.revoked', { username: revoking.username }));
          }}
        />
      )}
    </Drawer>
  );
}

function RevokeGrantModal({
  programme,
  grant,
  onClose,
  onRevoked,
}: {
  programme: ProgrammeItem;
  grant: ProgrammeGrantItem;
  onClose: () => void;
  onRevoked: () => void;
}) {
  const { t } = useI18n();
  // A refusal naming the user (userId: the last grant) has no field here: the banner says it.
  return (
    <ReasonModal
      title={t('ui.programmes.grants.revokeTitle', { name: programme.name, username: grant.username })}
      okText={t('ui.programmes.grants.revoke')}
      reasonLabel={t('ui.programmes.grants.reason')}
      testId="grant-revoke"
      submit={async (reason) => {
        await programmesApi.revoke(programme.id, grant.userId, reason);
        onRevoked();
      }}
      onClose={onClose}
    />
  );
}
