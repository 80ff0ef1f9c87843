import { Form, Modal, Select, Typography } from 'antd';
import { useI18n } from '../../app/i18n.tsx';
import { useServerForm } from '../../shared/use-server-form.tsx';
import { useMessage } from '../../app/feedback.tsx';
import { RegionSelect } from '../../shared/RegionSelect.tsx';
import { useIndustryDivisions } from '../../shared/use-industries.ts';
import type { EventAgreement, EventDetail } from '../../../common/api/events.ts';
import { eventsApi } from './events.api.ts';
import { wanText } from '../../shared/format.ts';
import { PROJECT_TYPES, type ProjectType } from '../../../common/api/enums.ts';

/**
 * Offered after signing (or later, from the agreement's row): the agreement becomes a project in stage 签约 on
 * the signing date, with its 签约额 and 计划总投资, linked to the event. Only where it lands and its kind are asked.
 */
export function CreateProjectModal({
  event,
  agreement,
  justSigned,
  onClose,
  onCreated,
}: {
  event: EventDetail;
  agreement: EventAgreement;
  justSigned: boolean;
  onClose: () => void;
  onCreated: (event: EventDetail) => void;
}) {
  const { t } = useI18n();
  const message = useMessage();
  const divisions = useIndustryDivisions();
  const [form] = Form.useForm<{
    project: { hostRegionCode?: string; type?: ProjectType; industryDivision?: string };
  }>();
  const { saving, banner, run } = useServerForm(form);

  const submit = async (v: { project: { hostRegionCode?: string; type?: ProjectType; industryDivision?: string } }) => {
    await run(async () => {
      const saved = await eventsApi.toProject(event.id, agreement.id, {
        hostRegionCode: v.project.hostRegionCode ?? '',
        type: v.project.type ?? 'industrial',
        industryDivision: v.project.industryDivision ?? null,
      });
      message.success(t('ui.events.projectCreated'));
      onCreated(saved);
    });
  };

  const required = [{ required: true, message: t('errors.field.required') }];
  return (
    <Modal
      open
      title={t('ui.events.toProjectTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('ui.events.toProjectOk')}
      cancelText={justSigned ? t('ui.events.toProjectLater') : t('ui.common.cancel')}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'project-create-confirm' }}
      cancelButtonProps={{ 'data-testid': 'project-create-later' }}
      destroyOnHidden
    >
      <Typography.Paragraph data-testid="project-offer">
        {t('ui.events.toProjectText', {
          title: agreement.title,
          investor: agreement.parties[0] ?? '',
          amount: wanText(agreement.amount),
          date: agreement.signedOn,
        })}
      </Typography.Paragraph>
      {banner}
      <Form
        form={form}
        name="toProject"
        layout="vertical"
        initialValues={{ project: { type: 'industrial' } }}
        onFinish={submit}
        data-testid="project-form"
      >
        <Form.Item
          name={['project', 'hostRegionCode']}
          label={t('ui.events.hostRegion')}
          rules={required}
          extra={t('ui.events.hostRegionHint')}
        >
          <RegionSelect data-testid="project-host" />
        </Form.Item>
        <Form.Item name={['project', 'type']} label={t('ui.events.projectType')} rules={required}>
          <Select
            options={PROJECT_TYPES.map((type) => ({ value: type, label: t(`domain.projectTypes.${type}`) }))}
            data-testid="project-type"
          />
        </Form.Item>
        <Form.Item name={['project', 'industryDivision']} label={t('ui.events.industry')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={divisions} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
