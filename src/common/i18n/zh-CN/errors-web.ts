/**
 * The errors the web app also shows by itself (its forms' own checks, the forbidden page, an upload refused before
 * it is sent): the only part of the error catalogue in the web's first load. Every other error text is the server's,
 * sent in both languages with the answer. errors.ts spreads these in.
 */
export const webErrors = {
  forbidden: '您没有执行此操作的权限',
  plan_file_refused: '该文件不能作为方案导入',
  project_sheet_refused: '该文件不能作为项目表导入',
};

export const webFieldErrors = {
  required: '必填',
  file_too_large: '文件超过大小上限 {limit}，请压缩或拆分后再上传。',
  pairing_required: '请选择方案所属的对口合作关系',
};
