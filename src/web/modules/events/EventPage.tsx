import { useState, type HTMLAttributes } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { EditOutlined, FileAddOutlined, LinkOutlined } from '@ant-design/icons';
import { ErrorResult } from '../../app/ErrorResult.tsx';
import { useI18n, usePageTitle } from '../../app/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { DemoTag } from '../../shared/demo.tsx';
import type { EventAgreement, EventDetail } from '../../../common/api/events.ts';
import { eventsApi } from './events.api.ts';
import { wanText } from '../../shared/format.ts';
import { EventFormDrawer } from './EventFormDrawer.tsx';
import { SignAgreementModal } from './SignAgreementModal.tsx';
import { CreateProjectModal } from './CreateProjectModal.tsx';
import { PrintButton } from '../../shared/PrintButton.tsx';

function EventFacts({ event }: { event: EventDetail }) {
  const { t } = useI18n();
  const none = <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} data-testid="event-facts">
      <Descriptions.Item label={t('ui.events.pairing')}>
        <Link to={`/pairings/${event.pairingId}`}>{event.pairingName}</Link>
      </Descriptions.Item>
      <Descriptions.Item label={t('ui.events.kind')}>{t(`domain.eventKinds.${event.kind}`)}</Descriptions.Item>
      <Descriptions.Item label={t('ui.events.dates')}>
        <span data-testid="event-dates">
          {event.startsOn === event.endsOn
            ? event.startsOn
            : t('ui.events.dateRange', { from: event.startsOn, to: event.endsOn })}
        </span>
      </Descriptions.Item>
      <Descriptions.Item label={t('ui.events.place')}>{event.place ?? none}</Descriptions.Item>
      <Descriptions.Item label={t('ui.events.organisersA')}>{event.organisersA ?? none}</Descriptions.Item>
      <Descriptions.Item label={t('ui.events.organisersB')}>{event.organisersB ?? none}</Descriptions.Item>
      <Descriptions.Item label={t('ui.events.enterpriseCount')}>
        <span data-testid="event-enterprise-count">{event.enterpriseCount ?? none}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('ui.events.agreementCount')}>
        <span data-testid="event-agreement-count">{event.agreementCount}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('ui.events.agreedAmount')}>
        <span data-testid="event-agreed-amount">
          {t('ui.events.wanAmount', { amount: wanText(event.agreedAmount) })}
        </span>
      </Descriptions.Item>
      {event.enterprises.length > 0 && (
        <Descriptions.Item label={t('ui.events.enterprises')} span={3}>
          {event.enterprises.map((e) => (
            <Tag key={e}>{e}</Tag>
          ))}
        </Descriptions.Item>
      )}
      {event.note && <Descriptions.Item label={t('ui.events.note')}>{event.note}</Descriptions.Item>}
    </Descriptions>
  );
}

/** An event: what, when, where, who organised it, who came, and the agreements signed there, each a project in one step. */
export function EventPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { can } = useSession();
  // The event as last answered by a change (signing, creating a project) replaces the loaded one until the next load.
  const {
    data: event,
    error,
    loading,
    reload,
    setData: setChanged,
  } = useApi((signal) => eventsApi.get(id, signal), [id]);
  usePageTitle('ui.events.title', event?.title);
  const [editing, setEditing] = useState(false);
  const [signing, setSigning] = useState(false);
  const [offer, setOffer] = useState<{ agreement: EventAgreement; justSigned: boolean } | null>(null);

  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (loading && !event) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (!event) return null;
  const manage = can('event.manage');
  const makeProjects = can('project.manage');

  const columns: TableColumnsType<EventAgreement> = [
    {
      title: t('ui.events.agreementTitle'),
      dataIndex: 'title',
      render: (title: string, row) => (
        <Space size={4}>
          {title}
          <DemoTag isDemo={row.isDemo} />
        </Space>
      ),
    },
    {
      title: t('ui.events.parties'),
      dataIndex: 'parties',
      render: (parties: string[]) => parties.join(t('ui.common.listSeparator')),
    },
    { title: t('ui.events.signedOn'), dataIndex: 'signedOn', width: 110 },
    {
      title: t('ui.events.amountWan'),
      dataIndex: 'amount',
      width: 130,
      align: 'right',
      render: (a: string) => <span data-testid="agreement-amount">{wanText(a)}</span>,
    },
    {
      title: t('ui.events.plannedWan'),
      dataIndex: 'plannedInvestment',
      width: 130,
      align: 'right',
      render: (a: string | null) => wanText(a),
    },
    {
      title: t('ui.events.project'),
      key: 'project',
      width: 150,
      render: (_: unknown, row) =>
        row.projectId ? (
          <Link to={`/projects/${row.projectId}`} data-testid="agreement-project-link">
            <LinkOutlined /> {t('ui.events.viewProject')}
          </Link>
        ) : makeProjects ? (
          <Button
            size="small"
            icon={<FileAddOutlined />}
            onClick={() => setOffer({ agreement: row, justSigned: false })}
            data-testid="agreement-to-project"
          >
            {t('ui.events.toProject')}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t('ui.events.noProject')}</Typography.Text>
        ),
    },
  ];

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }} data-testid="event-page" data-id={event.id}>
      <Breadcrumb items={[{ title: <Link to="/events">{t('ui.events.title')}</Link> }, { title: event.title }]} />
      <Card
        title={
          <Space>
            <span data-testid="event-title">{event.title}</span>
            <Tag>{t(`domain.eventKinds.${event.kind}`)}</Tag>
            <DemoTag isDemo={event.isDemo} />
          </Space>
        }
        extra={
          <Space>
            <PrintButton />
            {manage && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="event-edit">
                {t('ui.common.edit')}
              </Button>
            )}
          </Space>
        }
      >
        <EventFacts event={event} />
      </Card>
      <Card
        title={t('ui.events.agreements')}
        extra={
          manage && (
            <Button type="primary" onClick={() => setSigning(true)} data-testid="sign-agreement">
              {t('ui.events.signButton')}
            </Button>
          )
        }
      >
        <Table<EventAgreement>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={event.agreements}
          pagination={false}
          locale={{ emptyText: t('ui.events.agreementsEmpty') }}
          onRow={(row) =>
            ({
              'data-testid': 'agreement-row',
              'data-id': row.id,
              'data-project': row.projectId ?? '',
            }) as HTMLAttributes<HTMLElement>
          }
          scroll={{ x: 900 }}
        />
      </Card>
      {editing && (
        <EventFormDrawer
          event={event}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            setChanged(saved);
          }}
        />
      )}
      {signing && (
        <SignAgreementModal
          event={event}
          onClose={() => setSigning(false)}
          onSigned={(saved, agreement) => {
            setSigning(false);
            setChanged(saved);
            if (agreement && !agreement.projectId && makeProjects) setOffer({ agreement, justSigned: true });
          }}
        />
      )}
      {offer && (
        <CreateProjectModal
          event={event}
          agreement={offer.agreement}
          justSigned={offer.justSigned}
          onClose={() => setOffer(null)}
          onCreated={(saved) => {
            setOffer(null);
            setChanged(saved);
          }}
        />
      )}
    </div>
  );
}
