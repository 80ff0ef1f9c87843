import type { ReactNode } from 'react';
import { Button, Col, Divider, Form, Row, type FormListFieldData } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../app/i18n.tsx';

/**
 * A titled list of form rows (units, milestones, targets …): each row's own fields, a remove button at its end,
 * and an add button below.
 */
export function EditableRows({
  name,
  title,
  addLabel,
  newRow,
  row,
  hint,
  rowTestId,
  addTestId,
}: {
  name: string;
  title: string;
  addLabel: string;
  newRow: Record<string, unknown>;
  /** The columns of one row (spans adding up to 23; the remove button takes the last). */
  row: (field: FormListFieldData) => ReactNode;
  hint?: string;
  rowTestId?: string;
  addTestId?: string;
}) {
  const { t } = useI18n();
  return (
    <>
      <Divider titlePlacement="start">{title}</Divider>
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Row gutter={8} key={field.key} align="top" data-testid={rowTestId}>
                {row(field)}
                <Col span={1}>
                  <Button
                    type="text"
                    danger
                    icon={<MinusCircleOutlined />}
                    onClick={() => remove(field.name)}
                    title={t('ui.common.remove')}
                  />
                </Col>
              </Row>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(newRow)} block data-testid={addTestId}>
              {addLabel}
            </Button>
            {hint && <div className="duikou-form-hint">{hint}</div>}
          </>
        )}
      </Form.List>
    </>
  );
}
