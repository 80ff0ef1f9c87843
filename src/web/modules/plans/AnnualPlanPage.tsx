import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Skeleton,
  Space,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { AnnualPlanBody } from '../../../common/api/plans.ts';
import type { TaskSummary } from '../../../common/api/tasks.ts';
import { ErrorResult } from '../../app/ErrorResult.tsx';
import { applyServerErrors, unplacedLine } from '../../app/form-errors.ts';
import { useI18n, usePageTitle } from '../../app/i18n.tsx';
import { useMessage } from '../../app/feedback.tsx';
import { useApi } from '../../app/use-api.ts';
import { unitNames } from '../tasks/task-display.tsx';
import { plansApi } from './plans.api.ts';
import { planTasks } from '../../../common/plan-tasks.ts';

interface Values {
  title: string;
  year: number;
  items: Record<string, { deadline?: Dayjs | null; text?: string }>;
}

/**
 * 年度工作要点: the office picks the implementation plan's tasks it will work on this year; each item keeps the task it
 * serves, its units as owners, and gets a deadline within the year and, if wanted, its own wording for the year.
 */
export function AnnualPlanPage() {
  const { id = '' } = useParams();
  const { t, pick } = useI18n();
  usePageTitle('ui.plans.annualTitle');
  const navigate = useNavigate();
  const message = useMessage();
  const [form] = Form.useForm<Values>();
  const [picked, setPicked] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [banner, setBanner] = useState<string[] | null>(null);
  const { data: plan, error, reload } = useApi((signal) => plansApi.get(id, signal), [id]);
  const tasks = useMemo(() => (plan ? planTasks(plan) : []), [plan]);
  const year = Form.useWatch('year', form) ?? dayjs().year();

  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (!plan) return <Skeleton active />;

  const columns: TableColumnsType<TaskSummary> = [
    { title: t('ui.tasks.code'), dataIndex: 'code', width: 70 },
    { title: t('ui.tasks.taskTitle'), dataIndex: 'title' },
    {
      title: t('ui.tasks.leadUnits'),
      key: 'lead',
      width: 200,
      ellipsis: true,
      render: (_: unknown, row) => unitNames(row.units, 'lead', t) || '—',
    },
    {
      title: t('ui.plans.annualDeadline'),
      key: 'deadline',
      width: 170,
      render: (_: unknown, row) =>
        picked.includes(row.id) && (
          <Form.Item
            name={['items', row.id, 'deadline']}
            style={{ marginBottom: 0 }}
            initialValue={dayjs(`${year}-12-31`)}
          >
            <DatePicker size="small" style={{ width: '100%' }} data-testid="annual-deadline" />
          </Form.Item>
        ),
    },
    {
      title: t('ui.plans.annualWording'),
      key: 'text',
      width: 260,
      render: (_: unknown, row) =>
        picked.includes(row.id) && (
          <Form.Item name={['items', row.id, 'text']} style={{ marginBottom: 0 }}>
            <Input size="small" maxLength={2000} placeholder={t('ui.plans.annualWordingPlaceholder')} />
          </Form.Item>
        ),
    },
  ];

  const save = async (values: Values) => {
    setBanner(null);
    if (picked.length === 0) {
      setBanner([t('ui.plans.annualPickOne')]);
      return;
    }
    const ordered = tasks.filter((task) => picked.includes(task.id));
    const input: AnnualPlanBody = {
      kind: 'annual',
      pairingId: plan.pairingId!,
      year: values.year,
      title: values.title.trim(),
      items: ordered.map((task) => {
        const item = values.items?.[task.id] ?? {};
        const deadline = item.deadline === undefined ? dayjs(`${values.year}-12-31`) : item.deadline;
        return {
          tracedTaskId: task.id,
          text: item.text?.trim() || undefined,
          deadline: deadline ? deadline.format('YYYY-MM-DD') : null,
          units: task.units.map((u) => ({
            side: u.side,
            role: u.role,
            name: u.name,
            organisationId: u.organisationId,
          })),
          targets: [],
        };
      }),
    };
    setSaving(true);
    try {
      const created = await plansApi.createAnnual(input);
      message.success(t('ui.plans.annualCreated', { count: created.taskCount }));
      navigate(`/plans/${created.id}`);
    } catch (err) {
      // Item errors name the item's place among the picked ones; they are shown with its task's number.
      const { unplaced } = applyServerErrors(form, err, pick);
      const named = unplaced.map((e) => {
        const [head, index] = e.field.split('.');
        return head === 'items' && index !== undefined && /^\d+$/.test(index)
          ? `${t('ui.plans.annualItem', { code: ordered[Number(index)]?.code ?? '' })}: ${e.text}`
          : unplacedLine(e);
      });
      setBanner(named.length ? named : [t('ui.common.formHasErrors')]);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link to="/plans">{t('ui.plans.title')}</Link> },
          { title: <Link to={`/plans/${plan.id}`}>{plan.title}</Link> },
          { title: t('ui.plans.annualTitle') },
        ]}
      />
      <Card title={t('ui.plans.annualTitle')} data-testid="annual-plan-page">
        <Typography.Paragraph type="secondary">{t('ui.plans.annualIntro', { plan: plan.title })}</Typography.Paragraph>
        {banner && (
          <Alert
            type="error"
            showIcon
            title={banner.join(t('ui.common.messageSeparator'))}
            style={{ marginBottom: 16 }}
            data-testid="form-banner"
          />
        )}
        <Form
          form={form}
          layout="vertical"
          onFinish={save}
          initialValues={{
            year: dayjs().year(),
            title: t('ui.plans.annualDefaultTitle', { pairing: plan.pairingName ?? '', year: dayjs().year() }),
            items: {},
          }}
        >
          <Space wrap align="start">
            <Form.Item
              name="year"
              label={t('ui.plans.year')}
              rules={[{ required: true, message: t('errors.field.required') }]}
            >
              <InputNumber min={2000} max={2100} precision={0} data-testid="annual-year" />
            </Form.Item>
            <Form.Item
              name="title"
              label={t('ui.plans.planTitle')}
              rules={[{ required: true, message: t('errors.field.required') }]}
              style={{ minWidth: 420 }}
            >
              <Input maxLength={300} data-testid="annual-title" />
            </Form.Item>
          </Space>
          <Table<TaskSummary>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={tasks}
            pagination={false}
            scroll={{ y: 480 }}
            rowSelection={{ selectedRowKeys: picked, onChange: (keys) => setPicked(keys as string[]) }}
            onRow={(row) =>
              ({ 'data-testid': 'annual-task', 'data-code': row.code }) as React.HTMLAttributes<HTMLElement>
            }
          />
          <Space style={{ marginTop: 16 }}>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="annual-save">
              {t('ui.plans.annualSave', { count: picked.length })}
            </Button>
            <Link to={`/plans/${plan.id}`}>
              <Button>{t('ui.common.cancel')}</Button>
            </Link>
          </Space>
        </Form>
      </Card>
    </Space>
  );
}
