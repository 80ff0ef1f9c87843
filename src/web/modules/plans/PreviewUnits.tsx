import { Button, Form, Input, Select, Space, Tooltip } from 'antd';
import { MinusCircleOutlined } from '@ant-design/icons';
import { useI18n } from '../../app/i18n.tsx';
import { SIDES, UNIT_ROLES } from '../../../common/api/enums.ts';
import type { FieldPath } from './preview-tree.ts';

/**
 * The units a clause names, as the parser read them: role, name and side, each correctable. A unit whose name does
 * not tell its side (省商务厅) waits for the office to choose one; the server refuses the import until it has.
 */
export function PreviewUnits({ path }: { path: FieldPath }) {
  const { t } = useI18n();
  const required = [{ required: true, message: t('ui.plans.unitSideRequired') }];
  return (
    <Form.List name={[...path, 'units']}>
      {(fields, { remove }) =>
        fields.length > 0 && (
          <div className="duikou-preview-task-units" data-testid="preview-units">
            {fields.map((field) => (
              <Space.Compact
                key={field.key}
                size="small"
                style={{ marginRight: 8, marginBottom: 4 }}
                data-testid="preview-unit"
              >
                <Form.Item name={[field.name, 'role']} noStyle>
                  <Select
                    size="small"
                    style={{ width: 96 }}
                    options={UNIT_ROLES.map((r) => ({ value: r, label: t(`domain.unitRoles.${r}`) }))}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'name']} noStyle>
                  <Input
                    size="small"
                    style={{ width: 200 }}
                    maxLength={200}
                    aria-label={t('ui.tasks.unitName')}
                    data-testid="preview-unit-name"
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'side']} rules={required} style={{ marginBottom: 0 }}>
                  <Select
                    size="small"
                    style={{ width: 130 }}
                    placeholder={t('ui.plans.unitSideChoose')}
                    options={SIDES.map((s) => ({ value: s, label: t(`domain.sides.${s}`) }))}
                    data-testid="preview-unit-side"
                  />
                </Form.Item>
                <Tooltip title={t('ui.common.remove')}>
                  <Button size="small" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} />
                </Tooltip>
              </Space.Compact>
            ))}
          </div>
        )
      }
    </Form.List>
  );
}
