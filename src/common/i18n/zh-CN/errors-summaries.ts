/** Refusals of the annual documents and the year lock (kernel/year-lock): whole-request codes, and codes of one field. */
export const summariesErrors = {
  year_locked:
    '{year}年度数据已锁定（该年度工作总结已由国家发展改革委确认接收），不能修改该年度的记录；如需修改，请国家发展改革委先解锁',
};
export const summariesFieldErrors = {
  year_locked:
    '{year}年度数据已锁定（该年度工作总结已由国家发展改革委确认接收），不能修改该年度的记录；如需修改，请国家发展改革委先解锁',
  summary_exists: '该对口合作关系{year}年度的此类文稿已存在，请打开已有文稿编辑',
  summary_not_editable: '文稿当前为“{state}”，不能修改；退回后方可修改',
  summary_not_submittable: '文稿当前为“{state}”，不能报送',
  section_not_in_document: '该文稿没有此部分',
  unknown_figure: '引用了不存在的数据项“{code}”',
  receipt_state: '该报送当前为“{state}”，不能{action}',
  receipt_not_yours: '只有该文稿的接收方可以处理',
  return_comment_required: '退回时须写明意见',
  year_not_locked: '该对口合作关系{year}年度数据未锁定',
  no_annual_plan: '该对口合作关系{year}年度尚无年度工作计划，请先在计划中编制',
};
