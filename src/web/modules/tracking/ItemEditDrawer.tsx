import { useMemo } from 'react';
import { Form } from 'antd';
import dayjs from 'dayjs';
import type { ItemDetail, UpdateItemInput } from '../../../common/api/tracking.ts';
import { changedFields } from '../../app/form-errors.ts';
import { useMessage } from '../../app/feedback.tsx';
import { useI18n } from '../../app/i18n.tsx';
import { useServerForm } from '../../shared/use-server-form.tsx';
import { ItemFields, type ItemValues, toItemInput } from './ItemFields.tsx';
import { trackingApi } from './tracking.api.ts';
import { FormDrawer } from '../../shared/FormDrawer.tsx';

/** The office edits an open item's text, deadline, owners and linked tasks, sending what changed with its version. */
export function ItemEditDrawer({
  item,
  onClose,
  onSaved,
}: {
  item: ItemDetail;
  onClose: () => void;
  onSaved: (saved: ItemDetail) => void;
}) {
  const { t } = useI18n();
  const message = useMessage();
  const [form] = Form.useForm<ItemValues>();
  const { saving, banner, run } = useServerForm(form);
  const initial = useMemo<ItemValues>(
    () => ({
      text: item.text,
      deadline: dayjs(item.deadline),
      owners: item.owners.map((o) => ({ organisationId: o.organisationId, role: o.role })),
      taskIds: item.taskIds,
      projectIds: item.projectIds,
    }),
    [item],
  );
  const known = useMemo(() => new Map(item.owners.map((o) => [o.organisationId, o.name])), [item]);

  const submit = (values: ItemValues) =>
    run(async () => {
      const now = toItemInput(values);
      const before = toItemInput(initial);
      const changes = changedFields(now, before);
      if (Object.keys(changes).length === 0) return onClose();
      const saved = await trackingApi.update(item.id, { version: item.version, ...changes } as UpdateItemInput);
      message.success(t('ui.common.saved'));
      onSaved(saved);
    });

  return (
    <FormDrawer
      title={t('ui.tracking.items.editTitle')}
      testId="item"
      saving={saving}
      onSave={() => form.submit()}
      onClose={onClose}
    >
      {banner}
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit} data-testid="item-form">
        <ItemFields pairingId={item.pairingId} known={known} knownProjects={item.linkedProjects} />
      </Form>
    </FormDrawer>
  );
}
