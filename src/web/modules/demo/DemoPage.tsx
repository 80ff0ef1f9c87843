import { useState } from 'react';
import { Alert, Button, Card, List, Popconfirm, Select, Space, Typography } from 'antd';
import { DeleteOutlined, ExperimentOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { MessageKey } from '../../../common/i18n/messages.ts';
import { isApiError } from '../../app/api-client.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useApi } from '../../app/use-api.ts';
import { usePairingOptions } from '../../shared/use-pairing-options.ts';
import { demoApi } from './demo.api.ts';

/**
 * 演示数据: the national office fills a pairing with demo records and clears them all, through the running server
 * (the command line needs it stopped). A fill runs as a job on the server; the page waits for its end.
 */
export function DemoPage() {
  const { t, pick } = useI18n();
  const status = useApi((signal) => demoApi.status(signal), []);
  const pairings = usePairingOptions();
  const [pairingId, setPairingId] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState<'fill' | 'clear' | null>(null);
  const [outcome, setOutcome] = useState<{ type: 'success' | 'error'; text: string } | null>(null);

  const summary = (counts: Record<string, number>) =>
    Object.entries(counts)
      .filter(([, n]) => n > 0)
      .map(([kind, n]) => `${t(`ui.demo.counts.${kind}` as MessageKey)} ${n}`)
      .join('，');
  const failed = (err: unknown) =>
    setOutcome({ type: 'error', text: isApiError(err) ? pick(err) : t('ui.common.networkError') });

  const fill = async () => {
    if (!pairingId) return;
    setBusy('fill');
    setOutcome(null);
    try {
      const started = await demoApi.fill({ pairingId });
      const job = started.status === 'running' ? await demoApi.fillEnded(started.id) : started;
      if (job.status === 'done' && job.result) {
        const name = pairings.options.find((o) => o.value === pairingId)?.label ?? '';
        setOutcome({ type: 'success', text: t('ui.demo.filled', { name, summary: summary(job.result) }) });
      } else {
        setOutcome({ type: 'error', text: t('ui.demo.fillFailed', { reason: job.error ? pick(job.error) : '' }) });
      }
      status.reload();
    } catch (err) {
      failed(err);
    } finally {
      setBusy(null);
    }
  };

  const clear = async () => {
    setBusy('clear');
    setOutcome(null);
    try {
      const { counts } = await demoApi.clear();
      // On the page like a fill's outcome: a toast of every kind cleared spans the header and hides the user menu.
      setOutcome({ type: 'success', text: t('ui.demo.cleared', { summary: summary(counts) }) });
      status.reload();
    } catch (err) {
      failed(err);
    } finally {
      setBusy(null);
    }
  };

  const filled = status.data?.pairings ?? [];
  return (
    <div style={{ maxWidth: 880 }}>
      <Typography.Title level={3}>{t('ui.demo.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('ui.demo.intro')}</Typography.Paragraph>
      <Card style={{ marginBottom: 16 }}>
        <Space wrap>
          <Select
            showSearch
            optionFilterProp="label"
            style={{ width: 320 }}
            placeholder={t('ui.demo.pairingPlaceholder')}
            aria-label={t('ui.demo.pairing')}
            loading={pairings.loading}
            options={pairings.options}
            value={pairingId}
            onChange={setPairingId}
            data-testid="demo-pairing"
          />
          <Button
            type="primary"
            icon={<ExperimentOutlined />}
            disabled={!pairingId || busy !== null}
            loading={busy === 'fill'}
            onClick={fill}
            data-testid="demo-fill"
          >
            {t('ui.demo.fill')}
          </Button>
        </Space>
        {busy === 'fill' && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t('ui.demo.filling')}
          </Typography.Paragraph>
        )}
        {outcome && (
          <Alert
            style={{ marginTop: 12 }}
            showIcon
            type={outcome.type}
            title={outcome.text}
            data-testid="demo-outcome"
          />
        )}
      </Card>
      <Card
        title={t('ui.demo.current')}
        extra={
          <Popconfirm title={t('ui.demo.clearConfirm')} onConfirm={clear} disabled={!filled.length || busy !== null}>
            <Button
              danger
              icon={<DeleteOutlined />}
              disabled={!filled.length || busy !== null}
              loading={busy === 'clear'}
              data-testid="demo-clear"
            >
              {t('ui.demo.clear')}
            </Button>
          </Popconfirm>
        }
      >
        <List
          loading={status.loading}
          dataSource={filled}
          locale={{ emptyText: t('ui.demo.none') }}
          renderItem={(p) => (
            <List.Item data-testid="demo-pairing-row">
              <Link to={`/pairings/${p.id}`}>{p.name}</Link>
              <span>{t('ui.demo.projects', { count: p.projects })}</span>
            </List.Item>
          )}
        />
      </Card>
    </div>
  );
}
