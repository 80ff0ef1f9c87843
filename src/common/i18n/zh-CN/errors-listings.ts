/** Refusals of the listings module: whole-request codes, and codes of one field or sheet cell. */
export const listingsErrors = {
  registration_pending: '贵单位的注册尚未通过审核，审核通过前只能查看已发布的供需信息',
  listing_import_invalid: '供需表有 {count} 处错误，未导入任何信息，请修改后重新上传',
  listing_sheet_refused: '该文件不能作为供需表导入',
  listing_upload_required: '请上传供需表（multipart/form-data 的 file 字段）',
};
export const listingsFieldErrors = {
  own_users_approved_only: '只有注册已通过审核的单位可以管理本单位的账号',
  listing_not_editable: '只能修改本单位发布的供需信息',
  listing_state: '该信息当前为“{state}”，不能{action}',
  interest_own_listing: '不能对本单位发布的信息表达意向',
  interest_taken: '贵单位已对该信息表达过意向',
  interest_state: '该意向当前为“{state}”，不能进行此操作',
  interest_owner_only: '只有信息发布方可以接受或婉拒意向',
  from_listing_kind: '所附本单位信息应为与对方互补的类型（需求对供给，供给对需求）',
  credit_code_check: '统一社会信用代码校验位不正确（GB 32100），请核对',
  duplicate_credit_code: '该统一社会信用代码已注册',
  registration_region: '不是贵办所在对口合作关系一方的注册申请',
  refusal_reason_required: '不通过时须写明原因',
  pairing_ambiguous: '贵单位所在地区属于多个对口合作关系，请选择一个',
  project_required: '签约时须填写项目信息',
  duplicate_ref: '编号 {ref} 在表中重复（第 {first} 行）',
  invalid_kind: '应为“供给”或“需求”',
  invalid_category: '应为以下之一：产品、技术、资本、人才、土地空间、物流、服务',
  invalid_quantity: '不是有效的数量',
  invalid_phone: '不是有效的电话号码',
  listing_ref_unknown: '没有编号或标识为 {ref} 的信息',
};
