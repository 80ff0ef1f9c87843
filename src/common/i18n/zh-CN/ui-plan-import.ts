/** 方案导入预览中逐条核对文件提到的结对关系。en/ui-plan-import.ts has exactly these keys. */
export const planImportUi = {
  hint: '逐条核对：采纳的结对关系在确认导入时作为本对口关系的下级对口关系创建，并记录其在原文中的出处；不采纳的不创建。地名未能识别或有歧义的，请先更正（选定地区或功能区）再采纳。',
  accept: '采纳',
  reject: '不采纳',
  correct: '更正',
  corrected: '已更正',
  acceptAll: '采纳全部可新建的 {count} 个',
  ambiguous: '“{name}”可能指：{choices}，请更正时选定',
  unknownPlace: '“{name}”不在地区和功能区目录中，请更正时选定对应的地区或功能区',
  unresolvedHelp: '有地名未能唯一对应到地区或功能区代码，请点“更正”选定后再采纳。',
};
