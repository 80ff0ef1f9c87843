import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Col, Empty, List, Row, Select, Space, Tag, Typography } from 'antd';
import { useI18n } from '../../app/i18n.tsx';
import { useProgrammeFilter } from '../../app/programme.tsx';
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { Panel } from '../../shared/Panel.tsx';
import { LightLegend } from '../tasks/task-display.tsx';
import { dashboardApi } from './dashboard.api.ts';

/** The years offered: this one and the four before it (the programme runs for years, periods are per year). */
const YEARS_BACK = 4;

/**
 * The state of the work in a year: each pairing's tasks due in it by light (and those still without units), and
 * who has not reported in its open periods; on a pairing's page, that pairing's and its sub-pairs'. For those who
 * follow tasks; nothing for the others.
 */
export function WorkStatusSection({ pairingId }: { pairingId?: string }) {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const allowed = can('task.read');
  // The dashboard's: the programme chosen in the switcher; a pairing's page: that pairing, whatever is chosen.
  const chosen = useProgrammeFilter();
  const programmeId = pairingId ? undefined : chosen;
  const { data } = useApi(
    (signal) =>
      allowed ? dashboardApi.workStatus({ year: String(year), pairingId, programmeId }, signal) : Promise.resolve(null),
    [year, allowed, pairingId, programmeId],
  );
  if (!allowed) return null;
  return (
    <section data-testid="dashboard-work-status">
      <Space style={{ marginBottom: 12 }} size={16}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('ui.dashboard.work.title')}
        </Typography.Title>
        <Select
          value={year}
          onChange={setYear}
          style={{ width: 110 }}
          options={Array.from({ length: YEARS_BACK + 1 }, (_, i) => thisYear - i).map((y) => ({
            value: y,
            label: t('ui.dashboard.work.year', { year: y }),
          }))}
          data-testid="dashboard-year"
        />
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Panel title={t('ui.dashboard.work.lightsTitle')} testId="dashboard-lights">
            {data && !data.pairings.length && <Empty description={t('ui.dashboard.work.noTasks')} />}
            <List
              size="small"
              dataSource={data?.pairings ?? []}
              renderItem={(p) => (
                <List.Item data-testid="dashboard-lights-row" data-pairing={p.pairingName ?? ''}>
                  <Space wrap>
                    {p.pairingId ? (
                      <Link to={`/pairings/${p.pairingId}`}>{p.pairingName}</Link>
                    ) : (
                      t('ui.workbench.nationalPlan')
                    )}
                    <LightLegend counts={p.lights} />
                    {p.unassigned > 0 && <Tag>{t('ui.workbench.unassigned', { count: p.unassigned })}</Tag>}
                  </Space>
                </List.Item>
              )}
            />
          </Panel>
        </Col>
        <Col xs={24} xl={12}>
          <Panel title={t('ui.dashboard.work.reportingTitle')} testId="dashboard-reporting">
            {data && !data.reporting.length && <Empty description={t('ui.dashboard.work.noPeriods')} />}
            <List
              size="small"
              dataSource={data?.reporting ?? []}
              renderItem={(c) => (
                <List.Item data-testid="dashboard-reporting-row">
                  <Space orientation="vertical" size={2}>
                    <Link to={`/reporting/cycles/${c.cycleId}`}>
                      {c.pairingName} · {locale === 'en' ? c.periodLabelEn : c.periodLabel}
                    </Link>
                    <Typography.Text type={c.unreported ? 'danger' : 'secondary'}>
                      {c.unreported
                        ? t('ui.dashboard.work.unreported', { count: c.unreported, total: c.total, due: c.dueOn })
                        : t('ui.dashboard.work.allReported', { total: c.total })}
                    </Typography.Text>
                    {c.units.length > 0 && (
                      <Space wrap size={4}>
                        {c.units.map((u) => (
                          <Tag key={u}>{u}</Tag>
                        ))}
                      </Space>
                    )}
                  </Space>
                </List.Item>
              )}
            />
          </Panel>
        </Col>
      </Row>
    </section>
  );
}
