import { Card, Empty, Timeline, Typography } from 'antd';
import { formatDateTime } from '../../shared/format.ts';

export interface RecordEntry {
  at: string;
  actorName: string | null;
  /** The server's action name, kept in `data-action`. */
  action: string;
  /** The action in the user's language. */
  label: string;
  /** A comment, reason or file name under the line. */
  note?: string | null;
}

const COLOURS: Record<string, string> = { approved: 'green', returned: 'red', unlocked: 'orange' };

/** The record of a period or a report: when, who, what, and why, oldest first. */
export function RecordTimeline({
  title,
  entries,
  testId,
  itemTestId,
}: {
  title: string;
  entries: RecordEntry[];
  testId: string;
  itemTestId: string;
}) {
  return (
    <Card title={title} data-testid={testId}>
      {entries.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Timeline
          style={{ marginBottom: -16 }}
          items={entries.map((e, i) => ({
            key: i,
            color: COLOURS[e.action] ?? 'blue',
            content: (
              <span data-testid={itemTestId} data-action={e.action}>
                <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text>
                {` ${e.actorName ?? '—'} · ${e.label}`}
                {e.note && <Typography.Text style={{ display: 'block' }}>{e.note}</Typography.Text>}
              </span>
            ),
          }))}
        />
      )}
    </Card>
  );
}
