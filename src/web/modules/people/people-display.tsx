import { Card, Empty, Statistic, Table, Tag } from 'antd';
import type { PeopleFigures, SecondmentStatus, TargetProgress } from '../../../common/api/people.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { peopleApi } from './people.api.ts';

const STATUS_COLOURS: Record<SecondmentStatus, string> = {
  planned: 'default',
  in_post: 'processing',
  returned: 'success',
};

export function SecondmentStatusTag({ status }: { status: SecondmentStatus }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLOURS[status]}>{t(`ui.people.statuses.${status}`)}</Tag>;
}

/** A task's yearly trainee target and how far the year's trainings have gone toward it. */
export function TargetProgressText({ progress }: { progress: TargetProgress }) {
  const { t } = useI18n();
  if (progress.target === null) return <span>{t('ui.people.trainings.noTarget')}</span>;
  return (
    <span data-testid="target-progress" data-trainees={progress.trainees} data-percent={progress.percent ?? ''}>
      {t('ui.people.trainings.progressOf', {
        year: progress.year,
        trainees: progress.trainees,
        target: progress.target,
        unit: progress.unit ?? '',
        percent: progress.percent ?? 0,
      })}
    </span>
  );
}

type Row = {
  key: string;
  pairingName: string;
  year: number;
  cadres: number;
  inPost: number;
  trainees: number;
  exchanges: number;
};

/** Counts only (cadres seconded each way, trainees, exchanges) per pairing and year: every role may see them. */
export function rowsOf(f: PeopleFigures): Row[] {
  const rows = new Map<string, Row>();
  const at = (pairingId: string, pairingName: string, year: number) => {
    const key = `${pairingId}|${year}`;
    let r = rows.get(key);
    if (!r) {
      r = { key, pairingName, year, cadres: 0, inPost: 0, trainees: 0, exchanges: 0 };
      rows.set(key, r);
    }
    return r;
  };
  for (const s of f.secondments) {
    const r = at(s.pairingId, s.pairingName, s.year);
    r.cadres += s.count;
    r.inPost += s.inPost;
  }
  for (const t of f.trainees)
    at(t.pairingId, t.pairingName, t.year).trainees += t.officials + t.managers + t.professionals + t.other;
  for (const e of f.exchanges) at(e.pairingId, e.pairingName, e.year).exchanges += e.count;
  return [...rows.values()].sort((a, b) => b.year - a.year || a.pairingName.localeCompare(b.pairingName));
}

/** The 人才交流 figures of a pairing (with its sub-pairs) or of every pairing the user follows. */
export function PeopleFiguresCard({ pairingId }: { pairingId?: string }) {
  const { t } = useI18n();
  const { data, loading } = useApi((signal) => peopleApi.figures({ pairingId }, signal), [pairingId]);
  const rows = data ? rowsOf(data) : [];
  const total = (k: 'cadres' | 'trainees' | 'exchanges') => rows.reduce((n, r) => n + r[k], 0);
  return (
    <Card title={t('ui.people.figures.title')} loading={loading} data-testid="people-figures" style={{ marginTop: 16 }}>
      {rows.length === 0 ? (
        <Empty description={t('ui.people.figures.none')} />
      ) : (
        <>
          <div style={{ display: 'flex', gap: 48, marginBottom: 16 }}>
            <Statistic title={t('ui.people.figures.cadres')} value={total('cadres')} />
            <Statistic title={t('ui.people.figures.trainees')} value={total('trainees')} />
            <Statistic title={t('ui.people.figures.exchanges')} value={total('exchanges')} />
          </div>
          <Table<Row>
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={rows}
            columns={[
              { title: t('ui.people.fields.pairing'), dataIndex: 'pairingName' },
              { title: t('ui.people.fields.year'), dataIndex: 'year', width: 80 },
              { title: t('ui.people.figures.cadres'), dataIndex: 'cadres', align: 'right' },
              { title: t('ui.people.figures.inPost'), dataIndex: 'inPost', align: 'right' },
              { title: t('ui.people.figures.trainees'), dataIndex: 'trainees', align: 'right' },
              { title: t('ui.people.figures.exchanges'), dataIndex: 'exchanges', align: 'right' },
            ]}
          />
        </>
      )}
    </Card>
  );
}

/** The figures on the pairing page and the dashboard, for roles that follow cadre exchange and training. */
export function PeopleFiguresSection({ pairingId }: { pairingId?: string }) {
  const { can } = useSession();
  return can('cadre.read') ? <PeopleFiguresCard pairingId={pairingId} /> : null;
}
