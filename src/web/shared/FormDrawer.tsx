import type { ReactNode } from 'react';
import { Button, Drawer, type DrawerProps, Space } from 'antd';
import { useI18n } from '../app/i18n.tsx';

/**
 * A form in a drawer, Cancel and Save at its head (Save's test id is `<testId>-save`). Escape does not close it:
 * in a long form Escape is meant for a select's dropdown, and the form must not be lost to one key too many.
 */
export function FormDrawer({
  title,
  size = 720,
  testId,
  saving,
  saveDisabled,
  onSave,
  onClose,
  children,
}: {
  title: ReactNode;
  size?: DrawerProps['size'];
  testId: string;
  saving: boolean;
  saveDisabled?: boolean;
  onSave: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Drawer
      open
      size={size}
      title={title}
      onClose={onClose}
      keyboard={false}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('ui.common.cancel')}</Button>
          <Button
            type="primary"
            loading={saving}
            disabled={saveDisabled}
            onClick={onSave}
            data-testid={`${testId}-save`}
          >
            {t('ui.common.save')}
          </Button>
        </Space>
      }
    >
      {children}
    </Drawer>
  );
}
