import type { HTMLAttributes } from 'react';
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
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { ListingInterest, ListingSummary, RankedListing } from '../../../common/api/listings.ts';
import { ErrorResult } from '../../app/ErrorResult.tsx';
import { useMessage } from '../../app/feedback.tsx';
import { useI18n, usePageTitle } from '../../app/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { AttachmentList } from '../../shared/AttachmentList.tsx';
import { DemoTag } from '../../shared/demo.tsx';
import { InterestModal, SignedModal } from './InterestModals.tsx';
import { KindTag, ListingStateTag, Reasons } from './listing-display.tsx';
import { listingsApi } from './listings.api.ts';

function ContactText({ contact }: { contact: ListingSummary['contact'] }) {
  const { t } = useI18n();
  if (!contact) return <Typography.Text type="secondary">{t('ui.listings.contactHidden')}</Typography.Text>;
  return (
    <span data-testid="listing-contact">
      {[contact.name, contact.phone, contact.email].filter(Boolean).join(' · ')}
    </span>
  );
}

function Facts({ listing }: { listing: ListingSummary }) {
  const { t } = useI18n();
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2 }} data-testid="listing-facts">
      <Descriptions.Item label={t('ui.listings.kind')}>
        <KindTag listing={listing} />
      </Descriptions.Item>
      <Descriptions.Item label={t('ui.listings.state')}>
        <ListingStateTag state={listing.state} />
      </Descriptions.Item>
      <Descriptions.Item label={t('ui.listings.organisation')}>{listing.organisationName}</Descriptions.Item>
      <Descriptions.Item label={t('ui.listings.region')}>{listing.regionName}</Descriptions.Item>
      <Descriptions.Item label={t('ui.listings.pairing')}>{listing.pairingName}</Descriptions.Item>
      <Descriptions.Item label={t('ui.listings.validUntil')}>{listing.validUntil ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('ui.listings.quantity')}>
        {listing.quantity ? `${listing.quantity} ${listing.unit ?? ''}` : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('ui.listings.tags')}>
        {listing.tags.length ? listing.tags.map((tag) => <Tag key={tag}>{tag}</Tag>) : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('ui.listings.contact')} span={2}>
        <ContactText contact={listing.contact} />
      </Descriptions.Item>
      <Descriptions.Item label={t('ui.listings.description')} span={2}>
        {listing.description ?? '—'}
      </Descriptions.Item>
    </Descriptions>
  );
}

/** The interests this listing received (its owner decides) or that were sent from or to it by the reader. */
function Interests({ interests, reload }: { interests: ListingInterest[]; reload: () => void }) {
  const { t } = useI18n();
  const message = useMessage();
  const [signing, setSigning] = useState<ListingInterest | null>(null);
  const decide = async (i: ListingInterest, decision: 'accept' | 'decline') => {
    await listingsApi.decide(i.id, i.version, decision);
    if (decision === 'accept') message.success(t('ui.listings.accepted'));
    reload();
  };
  const failed = async (i: ListingInterest) => {
    await listingsApi.outcome(i.id, { version: i.version, outcome: 'failed' });
    reload();
  };
  const columns: TableColumnsType<ListingInterest> = [
    {
      title: t('ui.listings.interestFrom'),
      key: 'from',
      render: (_: unknown, i) => (i.asOwner ? i.organisationName : i.listingOrganisation),
    },
    {
      title: t('ui.listings.interestOn'),
      key: 'on',
      render: (_: unknown, i) => (
        <Link to={`/listings/${i.asOwner ? (i.fromListingId ?? i.listingId) : i.listingId}`}>
          {i.asOwner ? (i.fromListingTitle ?? i.listingTitle) : i.listingTitle}
        </Link>
      ),
    },
    { title: t('ui.listings.interestMessage'), dataIndex: 'message' },
    {
      title: t('ui.listings.state'),
      key: 'state',
      width: 90,
      render: (_: unknown, i) => <Tag data-testid="interest-state">{t(`domain.interestStates.${i.state}`)}</Tag>,
    },
    {
      title: t('ui.listings.contact'),
      key: 'contact',
      render: (_: unknown, i) => (i.asOwner ? '—' : <ContactText contact={i.contact} />),
    },
    {
      key: 'actions',
      width: 260,
      render: (_: unknown, i) => (
        <Space wrap>
          {i.asOwner && i.state === 'interest' && (
            <>
              <Button size="small" type="primary" onClick={() => decide(i, 'accept')} data-testid="interest-accept">
                {t('ui.listings.accept')}
              </Button>
              <Button size="small" onClick={() => decide(i, 'decline')}>
                {t('ui.listings.decline')}
              </Button>
            </>
          )}
          {i.state === 'negotiating' && (
            <>
              <Button size="small" type="primary" onClick={() => setSigning(i)} data-testid="interest-signed">
                {t('ui.listings.signed')}
              </Button>
              <Button size="small" onClick={() => failed(i)}>
                {t('ui.listings.failed')}
              </Button>
            </>
          )}
          {i.projectId && <Link to={`/projects/${i.projectId}`}>{t('ui.listings.viewProject')}</Link>}
        </Space>
      ),
    },
  ];
  return (
    <Card title={t('ui.listings.interests')} size="small" data-testid="listing-interests">
      <Table<ListingInterest>
        rowKey="id"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={interests}
        locale={{ emptyText: t('ui.listings.interestsEmpty') }}
      />
      {signing && (
        <SignedModal
          interest={signing}
          onClose={() => setSigning(null)}
          onSigned={() => {
            setSigning(null);
            message.success(t('ui.listings.projectCreated'));
            reload();
          }}
        />
      )}
    </Card>
  );
}

/** One offer or need: its facts, moderation, the complementary listings that match it with why, and interests. */
export function ListingPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { can } = useSession();
  const message = useMessage();
  const detail = useApi((signal) => listingsApi.get(id, signal), [id]);
  const matches = useApi((signal) => listingsApi.matches(id, signal), [id]);
  const interests = useApi(
    (signal) => (can('listing.publish') ? listingsApi.interests(signal) : Promise.resolve({ items: [] })),
    [id],
  );
  const [interestIn, setInterestIn] = useState<{ listingId: string; fromListingId: string | null } | null>(null);
  usePageTitle('ui.listings.title', detail.data?.title);
  if (detail.error) return <ErrorResult error={detail.error} onRetry={detail.reload} />;
  const listing = detail.data;
  if (!listing) return <Skeleton active />;
  const reload = () => {
    detail.reload();
    interests.reload();
  };
  const mine = (interests.data?.items ?? []).filter(
    (i) => i.listingId === listing.id || i.fromListingId === listing.id,
  );
  const sentTo = new Set(mine.filter((i) => !i.asOwner).map((i) => i.listingId));
  const moderate = async (action: 'publish' | 'withdraw') => {
    await listingsApi.moderate(listing.id, listing.version, action);
    message.success(t(action === 'publish' ? 'ui.listings.published' : 'ui.listings.withdrawn'));
    detail.reload();
  };
  const publisher = can('listing.publish');

  const matchColumns: TableColumnsType<RankedListing> = [
    {
      title: t('ui.listings.listingTitle'),
      key: 'title',
      render: (_: unknown, m) => (
        <Space direction="vertical" size={0}>
          <Link to={`/listings/${m.listing.id}`}>{m.listing.title}</Link>
          <Typography.Text type="secondary">
            {m.listing.organisationName} · {m.listing.regionName}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('ui.listings.score'), dataIndex: 'score', width: 80, render: (s: number) => s.toFixed(3) },
    {
      title: t('ui.listings.reasons'),
      key: 'reasons',
      render: (_: unknown, m) => <Reasons reasons={m.reasons} parts={m.parts} />,
    },
    {
      key: 'actions',
      width: 120,
      render: (_: unknown, m) =>
        publisher &&
        listing.own &&
        listing.state === 'published' &&
        !sentTo.has(m.listing.id) && (
          <Button
            size="small"
            onClick={() => setInterestIn({ listingId: m.listing.id, fromListingId: listing.id })}
            data-testid="match-interest"
          >
            {t('ui.listings.interest')}
          </Button>
        ),
    },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/listings">{t('ui.listings.title')}</Link> }, { title: listing.title }]} />
      <Card
        title={
          <Space>
            <span data-testid="listing-title-text">{listing.title}</span>
            <DemoTag isDemo={listing.isDemo} />
          </Space>
        }
        extra={
          <Space>
            {can('listing.moderate') && listing.state !== 'published' && (
              <Button type="primary" onClick={() => moderate('publish')} data-testid="listing-publish">
                {t('ui.listings.publish')}
              </Button>
            )}
            {(can('listing.moderate') || listing.own) && listing.state === 'published' && (
              <Button onClick={() => moderate('withdraw')}>{t('ui.listings.withdraw')}</Button>
            )}
            {publisher && !listing.own && listing.state === 'published' && !sentTo.has(listing.id) && (
              <Button onClick={() => setInterestIn({ listingId: listing.id, fromListingId: null })}>
                {t('ui.listings.interest')}
              </Button>
            )}
          </Space>
        }
      >
        <Facts listing={listing} />
      </Card>
      <Card title={t('ui.attachments.title')} size="small">
        <AttachmentList
          attachments={listing.attachments ?? []}
          editable={publisher && (listing.own || can('listing.moderate'))}
          testId="listing-attachments"
          actions={{
            upload: async (file) => {
              await listingsApi.uploadAttachment(listing.id, file);
              detail.reload();
            },
            download: (a) => listingsApi.downloadAttachment(listing.id, a.id),
            remove: async (a) => {
              await listingsApi.removeAttachment(listing.id, a.id);
              detail.reload();
            },
          }}
        />
      </Card>
      {publisher && <Interests interests={mine} reload={reload} />}
      <Card title={t('ui.listings.matches')} size="small" data-testid="listing-matches">
        <Table<RankedListing>
          rowKey={(m) => m.listing.id}
          size="small"
          pagination={false}
          loading={matches.loading}
          columns={matchColumns}
          dataSource={matches.data?.items ?? []}
          onRow={(m) => ({ 'data-title': m.listing.title }) as HTMLAttributes<HTMLElement>}
          locale={{ emptyText: t('ui.listings.matchesEmpty') }}
        />
      </Card>
      {interestIn && (
        <InterestModal
          {...interestIn}
          onClose={() => setInterestIn(null)}
          onSent={() => {
            setInterestIn(null);
            message.success(t('ui.listings.interestSent'));
            interests.reload();
          }}
        />
      )}
    </Space>
  );
}
