import { Card, Descriptions, Empty, Space, Table, Typography } from 'antd';
import type { PairingDetail } from '../../../common/api/pairings.ts';
import { useI18n } from '../../app/i18n.tsx';
import { RegionNames } from './pairing-display.tsx';

type Contact = PairingDetail['contacts'][number];

/** One side of a pairing: its regions, its leading group and office, its contacts. */
export function SideCard({ side, pairing }: { side: 'a' | 'b'; pairing: PairingDetail }) {
  const { t } = useI18n();
  const offices = pairing.offices.filter((o) => o.side === side);
  const contacts = pairing.contacts.filter((c) => c.side === side);
  return (
    <Card size="small" title={t(`domain.sides.${side}`)} style={{ height: '100%' }} data-testid={`side-${side}`}>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('ui.pairings.regions')}>
            <Typography.Text strong>
              <RegionNames regions={side === 'a' ? pairing.sideA : pairing.sideB} />
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
        <Typography.Text strong>{t('ui.pairings.offices')}</Typography.Text>
        {offices.length === 0 && <Typography.Text type="secondary">{t('ui.pairings.noOffices')}</Typography.Text>}
        {offices.map((office) => (
          <div key={office.id}>
            <Descriptions size="small" column={1} bordered>
              {office.leadingGroup && (
                <Descriptions.Item label={t('ui.pairings.leadingGroup')}>{office.leadingGroup}</Descriptions.Item>
              )}
              <Descriptions.Item label={t('ui.pairings.officeName')}>{office.officeName}</Descriptions.Item>
              {office.hostUnit && (
                <Descriptions.Item label={t('ui.pairings.hostUnit')}>{office.hostUnit}</Descriptions.Item>
              )}
              {office.note && <Descriptions.Item label={t('ui.pairings.officeNote')}>{office.note}</Descriptions.Item>}
            </Descriptions>
            {office.sourceQuote && (
              <blockquote className="duikou-quote" style={{ marginTop: 8, fontSize: 13 }}>
                {office.sourceQuote}
              </blockquote>
            )}
          </div>
        ))}
        <Typography.Text strong>{t('ui.pairings.contacts')}</Typography.Text>
        <Table<Contact>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={contacts}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ui.pairings.noContacts')} />,
          }}
          columns={[
            { title: t('ui.pairings.contactName'), dataIndex: 'name' },
            { title: t('ui.pairings.contactPost'), dataIndex: 'post', render: (v: string | null) => v ?? '—' },
            { title: t('ui.pairings.contactPhone'), dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
            { title: t('ui.pairings.contactEmail'), dataIndex: 'email', render: (v: string | null) => v ?? '—' },
          ]}
        />
      </Space>
    </Card>
  );
}
