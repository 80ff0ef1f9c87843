/** Files kept with a record (a report, a project): upload, list, download, delete. */
export const attachmentsUi = {
  title: '附件',
  noAttachments: '暂无附件',
  upload: '上传附件',
  uploadHint: '支持 PDF、Word（.docx）、Excel（.xlsx）、JPG、PNG，单个不超过 {mb} MB',
  uploaded: '已上传“{name}”',
  uploadRefused: '“{name}”未能上传：{reason}',
  fileTooLarge: '文件超过 {mb} MB',
  fileTypeNotAllowed: '只能上传 PDF、Word（.docx）、Excel（.xlsx）、JPG 或 PNG 文件',
  removeAttachment: '删除',
  removeAttachmentConfirm: '确定删除附件“{name}”？',
  attachmentRemoved: '附件已删除',
};
