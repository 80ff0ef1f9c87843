import { useState } from 'react';
import { Button, Card, Descriptions, Empty, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../app/i18n.tsx';
import type { ParkDetail, SharingAgreement } from '../../../common/api/parks.ts';
import { DemoTag } from '../../shared/demo.tsx';
import { AgreementFormModal } from './AgreementFormModal.tsx';

type Term = SharingAgreement['terms'][number];

/** One agreement: its parties, and each term's figures, dates and the shares in force then. */
function AgreementView({ agreement }: { agreement: SharingAgreement }) {
  const { t } = useI18n();
  const columns: TableColumnsType<Term> = [
    {
      title: t('ui.parks.termFigures'),
      dataIndex: 'figures',
      render: (figures: Term['figures']) => figures.map((f) => <Tag key={f}>{t(`domain.sharedFigures.${f}`)}</Tag>),
    },
    {
      title: t('ui.parks.termPeriod'),
      key: 'period',
      width: 240,
      render: (_: unknown, term) =>
        t('ui.parks.termRange', { from: term.from, to: term.to ?? agreement.endsOn ?? t('ui.parks.untilEnd') }),
    },
    ...agreement.parties.map((p) => ({
      title: p.name,
      key: p.key,
      width: 120,
      align: 'right' as const,
      render: (_: unknown, term: Term) => (
        <span data-testid="term-share" data-party={p.key}>{`${term.shares[p.key] ?? '0'}%`}</span>
      ),
    })),
  ];
  return (
    <div data-testid="agreement" data-id={agreement.id} style={{ marginBottom: 16 }}>
      <Space style={{ marginBottom: 8 }}>
        <Typography.Text strong data-testid="agreement-title">
          {agreement.title}
        </Typography.Text>
        <DemoTag isDemo={agreement.isDemo} />
      </Space>
      <Descriptions size="small" column={3} style={{ marginBottom: 8 }}>
        <Descriptions.Item label={t('ui.parks.agreementDates')}>
          {t('ui.parks.termRange', { from: agreement.startsOn, to: agreement.endsOn ?? t('ui.parks.openEnded') })}
        </Descriptions.Item>
        <Descriptions.Item label={t('ui.parks.parties')}>
          {agreement.parties.map((p) => p.name).join(t('ui.common.listSeparator'))}
        </Descriptions.Item>
        <Descriptions.Item label={t('ui.parks.costShares')}>
          {agreement.costShares
            ? agreement.parties
                .map((p) => `${p.name} ${agreement.costShares![p.key] ?? '0'}%`)
                .join(t('ui.common.listSeparator'))
            : '—'}
        </Descriptions.Item>
      </Descriptions>
      <Table<Term>
        rowKey={(term) => `${term.from}-${term.figures.join()}`}
        size="small"
        columns={columns}
        dataSource={agreement.terms}
        pagination={false}
        onRow={() => ({ 'data-testid': 'agreement-term' }) as React.HTMLAttributes<HTMLElement>}
      />
    </div>
  );
}

/** The park's benefit-sharing agreements (利益分成协议), each with shares that may change by period. */
export function AgreementsCard({
  park,
  manage,
  onChanged,
}: {
  park: ParkDetail;
  manage: boolean;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  return (
    <Card
      className="park-no-print"
      title={t('ui.parks.agreements')}
      extra={
        manage && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="agreement-add">
            {t('ui.parks.agreementAdd')}
          </Button>
        )
      }
    >
      {park.agreements.length ? (
        park.agreements.map((a) => <AgreementView key={a.id} agreement={a} />)
      ) : (
        <Empty description={t('ui.parks.agreementsEmpty')} />
      )}
      {adding && (
        <AgreementFormModal
          park={park}
          onClose={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            onChanged();
          }}
        />
      )}
    </Card>
  );
}
