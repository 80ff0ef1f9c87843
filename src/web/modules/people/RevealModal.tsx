import { useState } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import type { ProtectedField, SecondmentSummary } from '../../../common/api/people.ts';
import { isApiError } from '../../app/api-client.ts';
import { useI18n } from '../../app/i18n.tsx';
import { peopleApi } from './people.api.ts';

/** Shows one full number after the user says why; the server writes the audit row (who, whose, why). */
export function RevealModal({
  cadre,
  field,
  onClose,
}: {
  cadre: SecondmentSummary;
  field: ProtectedField;
  onClose: () => void;
}) {
  const { t, pick } = useI18n();
  const [reason, setReason] = useState('');
  const [value, setValue] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const label = t(`ui.people.fields.${field}`);
  const reveal = async () => {
    setBusy(true);
    setError(null);
    try {
      setValue((await peopleApi.reveal(cadre.id, field, reason)).value ?? '—');
    } catch (err) {
      setError(isApiError(err) ? pick(err) : t('ui.common.networkError'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('ui.people.secondments.revealTitle', { field: label })}
      onCancel={onClose}
      onOk={value === null ? reveal : onClose}
      okText={value === null ? t('ui.people.secondments.reveal') : undefined}
      okButtonProps={{ disabled: value === null && !reason.trim(), loading: busy, id: 'reveal-confirm' }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('ui.people.secondments.revealNote')}</Typography.Paragraph>
      <Typography.Paragraph>
        {cadre.name} · {label}：{field === 'idNumber' ? cadre.idNumber : cadre.mobile}
      </Typography.Paragraph>
      {value === null ? (
        <Form layout="vertical">
          <Form.Item label={t('ui.people.secondments.revealReason')} required>
            <Input
              value={reason}
              maxLength={200}
              placeholder={t('ui.people.secondments.revealReasonHint')}
              onChange={(e) => setReason(e.target.value)}
              data-testid="reveal-reason"
            />
          </Form.Item>
        </Form>
      ) : (
        <Typography.Title level={4} copyable data-testid="revealed-value">
          {value}
        </Typography.Title>
      )}
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
