import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Breadcrumb, Button, Card, Descriptions, Skeleton, Space, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { ErrorResult } from '../../app/ErrorResult.tsx';
import { useI18n, usePageTitle } from '../../app/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import type { ParkDetail } from '../../../common/api/parks.ts';
import { parksApi } from './parks.api.ts';
import { PublicationCard } from '../../shared/PublicationCard.tsx';
import { DemoTag } from '../../shared/demo.tsx';
import { ParkFormDrawer } from './ParkFormDrawer.tsx';
import { EnterprisesCard } from './EnterprisesCard.tsx';
import { AgreementsCard } from './AgreementsCard.tsx';
import { LedgerCard } from './LedgerCard.tsx';
import { StatementCard, type StatementView } from './StatementCard.tsx';
import { PrintButton } from '../../shared/PrintButton.tsx';
import { SectionNav } from '../../shared/SectionNav.tsx';

function ParkFacts({ park }: { park: ParkDetail }) {
  const { t } = useI18n();
  const none = <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} data-testid="park-facts">
      <Descriptions.Item label={t('ui.parks.pairing')}>
        <Link to={`/pairings/${park.pairingId}`}>{park.pairingName}</Link>
      </Descriptions.Item>
      <Descriptions.Item label={t('ui.parks.type')}>{t(`domain.parkTypes.${park.type}`)}</Descriptions.Item>
      <Descriptions.Item label={t('ui.parks.hostRegion')}>
        <span data-testid="park-host-region">{park.hostRegion.name}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('ui.parks.partnerRegion')}>{park.partnerRegion?.name ?? none}</Descriptions.Item>
      <Descriptions.Item label={t('ui.parks.areaKm2')}>{park.areaKm2 ?? none}</Descriptions.Item>
      <Descriptions.Item label={t('ui.parks.establishedOn')}>{park.establishedOn ?? none}</Descriptions.Item>
      <Descriptions.Item label={t('ui.parks.operator')}>{park.operator ?? none}</Descriptions.Item>
      <Descriptions.Item label={t('ui.parks.operatorTeamFrom')}>{park.operatorTeamFrom ?? none}</Descriptions.Item>
      <Descriptions.Item label={t('ui.parks.focusIndustries')}>
        {park.focusIndustries.length
          ? park.focusIndustries.map((f) => (
              <Tag key={f.code} title={f.code}>
                {f.name}
              </Tag>
            ))
          : none}
      </Descriptions.Item>
      {park.mainPark ? (
        <Descriptions.Item label={t('ui.parks.mainPark')}>
          <Link to={`/parks/${park.mainPark.id}`} data-testid="park-main-link">
            {park.mainPark.name}
          </Link>
        </Descriptions.Item>
      ) : (
        <Descriptions.Item label={t('ui.parks.branches')}>
          <span data-testid="park-branches">
            {park.branches.length
              ? park.branches.map((b, i) => (
                  <span key={b.id}>
                    {i > 0 && t('ui.common.listSeparator')}
                    <Link to={`/parks/${b.id}`} data-testid="park-branch">
                      {b.name}
                    </Link>
                  </span>
                ))
              : none}
          </span>
        </Descriptions.Item>
      )}
      {park.note && <Descriptions.Item label={t('ui.parks.note')}>{park.note}</Descriptions.Item>}
    </Descriptions>
  );
}

/**
 * A co-built park: its facts, main park or branches, settled enterprises with their year's tax and output, the
 * benefit-sharing agreements, the ledger (entries, corrections, import) and the statement per party and year.
 */
export function ParkPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { can } = useSession();
  const { data: park, error, loading, reload } = useApi((signal) => parksApi.get(id, signal), [id]);
  usePageTitle('ui.parks.title', park?.name);
  const [editing, setEditing] = useState(false);
  // Bumped when the ledger changes, so the ledger, the statement and the enterprises' figures reload.
  const [ledgerVersion, setLedgerVersion] = useState(0);
  const [chosenYear, setYear] = useState<number | undefined>(undefined);
  const [statementView, setStatementView] = useState<StatementView>({});
  const year = chosenYear ?? new Date().getFullYear();
  const ledger = useApi((signal) => parksApi.ledger(id, year, signal), [id, year, ledgerVersion]);
  // Until a year is chosen, show the latest year the ledger has entries for.
  const latest = ledger.data?.years[0];
  useEffect(() => {
    if (chosenYear === undefined && latest !== undefined && !ledger.data?.years.includes(year)) setYear(latest);
  }, [chosenYear, latest, ledger.data, year]);

  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (loading && !park) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (!park) return null;
  const manage = can('park.manage');

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }} data-testid="park-page" data-id={park.id}>
      <Breadcrumb
        className="park-no-print"
        items={[{ title: <Link to="/parks">{t('ui.parks.title')}</Link> }, { title: park.name }]}
      />
      <Card
        className="park-no-print"
        title={
          <Space>
            <span data-testid="park-name">{park.name}</span>
            <Tag>{t(`domain.parkTypes.${park.type}`)}</Tag>
            <DemoTag isDemo={park.isDemo} />
          </Space>
        }
        extra={
          <Space>
            <PrintButton />
            {manage && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="park-edit">
                {t('ui.common.edit')}
              </Button>
            )}
          </Space>
        }
      >
        <ParkFacts park={park} />
      </Card>
      <div className="park-no-print">
        <PublicationCard
          publishedAt={park.publishedAt}
          publicSummary={park.publicSummary}
          canPublish={can('park.publish')}
          onPublish={async (summary) => {
            await parksApi.publish(park.id, park.version, summary);
            reload();
          }}
          onUnpublish={async () => {
            await parksApi.unpublish(park.id, park.version);
            reload();
          }}
        />
      </div>
      <SectionNav
        sections={[
          { id: 'park-enterprises', title: t('ui.parks.enterprisesNav') },
          { id: 'park-agreements', title: t('ui.parks.agreements') },
          { id: 'park-ledger', title: t('ui.parks.ledger') },
          ...(park.agreements.length ? [{ id: 'park-statement', title: t('ui.parks.statement') }] : []),
        ]}
      />
      <section id="park-enterprises">
        <EnterprisesCard
          park={park}
          manage={manage}
          year={year}
          totals={ledger.data?.enterpriseTotals}
          onChanged={reload}
        />
      </section>
      <section id="park-agreements">
        <AgreementsCard park={park} manage={manage} onChanged={reload} />
      </section>
      <section id="park-ledger">
        <LedgerCard
          park={park}
          manage={manage}
          year={year}
          onYear={setYear}
          ledger={ledger}
          onChanged={(entryYear) => {
            if (entryYear !== undefined) setYear(entryYear);
            setLedgerVersion((n) => n + 1);
          }}
          onStatementBefore={
            park.agreements.length
              ? (entry) => {
                  setStatementView((v) => ({
                    ...v,
                    year: entry.period.year,
                    asOf: new Date(Date.parse(entry.recordedAt) - 1).toISOString(),
                  }));
                  document.querySelector('[data-testid="statement"]')?.scrollIntoView({ behavior: 'smooth' });
                }
              : undefined
          }
        />
      </section>
      {/* Once the ledger's years are known: the statement opens on the latest of them, asked for once. */}
      {park.agreements.length > 0 && ledger.data && (
        <section id="park-statement">
          <StatementCard
            park={park}
            ledgerVersion={ledgerVersion}
            ledgerYears={ledger.data.years}
            view={statementView}
            onView={setStatementView}
          />
        </section>
      )}
      {editing && (
        <ParkFormDrawer
          park={park}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            reload();
          }}
        />
      )}
    </div>
  );
}
