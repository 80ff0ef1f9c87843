import { useState } from 'react';
import { Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { EXCHANGE_KINDS, type ExchangeKind } from '../../../common/api/enums.ts';
import type { ExchangeListParams, ExchangeSummary } from '../../../common/api/people.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useUrlQuery } from '../../app/list/use-url-query.ts';
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { DemoTag } from '../../shared/demo.tsx';
import { PairingListFilters } from '../../shared/list-filters.tsx';
import { ListPage } from '../../shared/ListPage.tsx';
import { usePairingOptions } from '../../shared/use-pairing-options.ts';
import { useServerForm } from '../../shared/use-server-form.tsx';
import { peopleApi } from './people.api.ts';

/** 考察交流, 院士专家工作站 and 高校毕业生招聘 of the user's pairings, each with its evidence. */
export function ExchangeListPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const query = useUrlQuery();
  const [creating, setCreating] = useState(false);
  const [version, setVersion] = useState(0);
  const year = query.get('year');
  const params: ExchangeListParams = {
    programmeId: query.programmeId,
    pairingId: query.get('pairingId'),
    kind: query.get<ExchangeKind>('kind'),
    year: year ? Number(year) : undefined,
    demo: query.get<'true' | 'false'>('demo'),
    page: query.page,
    pageSize: query.pageSize,
  };
  const list = useApi((signal) => peopleApi.exchanges(params, signal), [query.key, version]);
  const columns: TableColumnsType<ExchangeSummary> = [
    {
      title: t('ui.people.fields.title'),
      dataIndex: 'title',
      render: (title: string, row) => (
        <Space size={4}>
          {title}
          <DemoTag isDemo={row.isDemo} />
        </Space>
      ),
    },
    {
      title: t('ui.people.fields.kind'),
      dataIndex: 'kind',
      width: 140,
      render: (k: ExchangeKind) => t(`ui.people.exchangeKinds.${k}`),
    },
    { title: t('ui.people.fields.heldOn'), dataIndex: 'heldOn', width: 110 },
    { title: t('ui.people.fields.participants'), dataIndex: 'participants', width: 90, align: 'right' },
    { title: t('ui.people.fields.evidence'), dataIndex: 'evidence', width: 220 },
    { title: t('ui.people.fields.pairing'), dataIndex: 'pairingName', width: 150 },
  ];
  return (
    <ListPage<ExchangeSummary>
      title="ui.people.exchanges.title"
      list={list}
      actions={
        can('training.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('ui.people.exchanges.new')}
          </Button>
        )
      }
      filters={
        <PairingListFilters
          query={query}
          pairing={{ placeholder: t('ui.people.fields.pairing') }}
          choices={[
            {
              name: 'kind',
              placeholder: t('ui.people.fields.kind'),
              values: EXCHANGE_KINDS,
              label: (k) => t(`ui.people.exchangeKinds.${k as ExchangeKind}`),
              width: 160,
            },
          ]}
          year={{ placeholder: t('ui.people.fields.year'), years: 10, width: 100 }}
        />
      }
      query={query}
      columns={columns}
    >
      {creating && (
        <ExchangeModal
          onClose={() => setCreating(false)}
          onSaved={() => {
            setCreating(false);
            setVersion((v) => v + 1);
          }}
        />
      )}
    </ListPage>
  );
}

interface Values {
  pairingId?: string;
  kind: ExchangeKind;
  title?: string;
  heldOn?: Dayjs;
  place?: string;
  participants: number;
  evidence?: string;
}

function ExchangeModal({ onClose, onSaved }: { onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const { saving, banner, run } = useServerForm(form);
  const pairings = usePairingOptions();
  const save = (v: Values) =>
    run(async () => {
      await peopleApi.createExchange({
        pairingId: v.pairingId ?? '',
        kind: v.kind,
        title: v.title ?? '',
        heldOn: v.heldOn?.format('YYYY-MM-DD') ?? '',
        place: v.place || null,
        participants: v.participants,
        evidence: v.evidence ?? '',
      });
      onSaved();
    });
  return (
    <Modal
      open
      title={t('ui.people.exchanges.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      destroyOnHidden
    >
      {banner}
      <Form<Values> form={form} layout="vertical" onFinish={save} initialValues={{ kind: 'visit', participants: 0 }}>
        <Form.Item name="pairingId" label={t('ui.people.fields.pairing')} required>
          <Select options={pairings.options} showSearch optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="kind" label={t('ui.people.fields.kind')}>
          <Select options={EXCHANGE_KINDS.map((k) => ({ value: k, label: t(`ui.people.exchangeKinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('ui.people.fields.title')} required>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="heldOn" label={t('ui.people.fields.heldOn')} required>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="participants" label={t('ui.people.fields.participants')}>
          <InputNumber min={0} precision={0} />
        </Form.Item>
        <Form.Item name="evidence" label={t('ui.people.fields.evidence')} required>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
