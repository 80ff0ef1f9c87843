import { useState } from 'react';
import { Alert, Checkbox, DatePicker, Form, Input, Modal, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { isApiError } from '../../app/api-client.ts';
import { applyServerErrors } from '../../app/form-errors.ts';
import { useI18n } from '../../app/i18n.tsx';
import { projectsApi } from './projects.api.ts';
import type { ProjectStage } from '../../../common/api/enums.ts';
import type { ProjectDetail } from '../../../common/api/projects.ts';
import { wan } from '../../../common/money/money.ts';

interface Values {
  on: Dayjs;
  note?: string;
}

/**
 * Moves a project to one of the stages the server offers, with the date of the move. The server checks the move
 * again (the order of dates, a move made meanwhile): its refusal is shown on the date, or above the form. A move
 * the rules allow but the figures make unlikely (投产 with no 到位资金) is made only once the user confirms it.
 */
export function StageMoveModal({
  project,
  to,
  onClose,
  onMoved,
}: {
  project: ProjectDetail;
  to: ProjectStage;
  onClose: () => void;
  onMoved: (p: ProjectDetail) => void;
}) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const implausible = to === 'producing' && wan(project.figures.arrived) === 0n;
  const [confirmed, setConfirmed] = useState(false);

  const submit = async (values: Values) => {
    if (implausible && !confirmed) return;
    setSaving(true);
    setRefusal(null);
    try {
      onMoved(
        await projectsApi.move(project.id, {
          to,
          on: values.on.format('YYYY-MM-DD'),
          note: values.note?.trim() || null,
        }),
      );
    } catch (err) {
      const { placed, unplaced } = applyServerErrors(form, err, pick);
      if (!isApiError(err)) setRefusal(t('ui.common.networkError'));
      else if (!placed || unplaced.length)
        setRefusal([...new Set([pick(err), ...unplaced.map((e) => e.text)])].join(t('ui.common.messageSeparator')));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('ui.projects.page.moveTitle', {
        from: t(`domain.projectStages.${project.stage}`),
        to: t(`domain.projectStages.${to}`),
      })}
      okText={t('ui.common.confirm')}
      cancelText={t('ui.common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'move-confirm', disabled: implausible && !confirmed } as ButtonProps}
      destroyOnHidden
    >
      {refusal && (
        <Alert type="error" showIcon title={refusal} style={{ marginBottom: 16 }} data-testid="move-refusal" />
      )}
      {implausible && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('ui.projects.page.implausibleProducing')}
          description={
            <Checkbox
              checked={confirmed}
              onChange={(e) => setConfirmed(e.target.checked)}
              data-testid="move-implausible-confirm"
            >
              {t('ui.projects.page.implausibleConfirm')}
            </Checkbox>
          }
          data-testid="move-implausible"
        />
      )}
      <Form form={form} layout="vertical" initialValues={{ on: dayjs() }} onFinish={submit} data-testid="move-form">
        <Form.Item
          name="on"
          label={t('ui.projects.page.moveOn')}
          rules={[{ required: true, message: t('errors.field.required') }]}
        >
          <DatePicker style={{ width: '100%' }} allowClear={false} data-testid="move-on" />
        </Form.Item>
        <Form.Item name="note" label={t('ui.projects.page.moveNote')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
