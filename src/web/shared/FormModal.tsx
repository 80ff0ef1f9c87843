import type { ReactNode } from 'react';
import { Modal } from 'antd';
import { useI18n } from '../app/i18n.tsx';

/**
 * A short form in a modal (the modal counterpart of FormDrawer): OK saves (`okTestId` on it, `okText` when it is
 * not the default), spinning while the request runs; Cancel and the close button call `onClose`. The modal is
 * shown while it is rendered and keeps nothing when it closes. As in FormDrawer, Escape does not close it: Escape
 * is meant for a select's dropdown, and a form must not be lost to one key too many.
 */
export function FormModal({
  title,
  okTestId,
  okText,
  danger,
  okDisabled,
  saving,
  width,
  onOk,
  onClose,
  children,
}: {
  title: ReactNode;
  okTestId: string;
  okText?: string;
  danger?: boolean;
  okDisabled?: boolean;
  saving: boolean;
  width?: number;
  onOk: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open
      width={width}
      title={title}
      onCancel={onClose}
      keyboard={false}
      onOk={onOk}
      okText={okText}
      cancelText={t('ui.common.cancel')}
      confirmLoading={saving}
      okButtonProps={{ danger, disabled: okDisabled, 'data-testid': okTestId }}
      destroyOnHidden
    >
      {children}
    </Modal>
  );
}
