/** Listings (供需对接): types, categories, states, an interest's course, and why a listing came up. */
export const listingsDomain = {
  listingKinds: { offer: '供给', need: '需求' },
  listingCategories: {
    product: '产品',
    technology: '技术',
    capital: '资本',
    talent: '人才',
    land: '土地空间',
    logistics: '物流',
    service: '服务',
  },
  listingStates: { pending: '待审核', published: '已发布', withdrawn: '已撤回' },
  interestStates: { interest: '意向', negotiating: '洽谈', signed: '签约', failed: '未成', declined: '已婉拒' },
  registrationStates: { pending: '待审核', approved: '已通过', refused: '未通过' },
  listingReasons: {
    matchedTerms: '匹配词：{terms}',
    similarTitle: '标题或机构名称相近（相似度 {similarity}%）',
    sameDivision: '同属行业大类：{name}',
    sameSection: '同属行业门类：{name}',
    complementaryOffer: '对方为供给，与本需求互补',
    complementaryNeed: '对方为需求，与本供给互补',
    sameCategory: '类别相同',
    counterpartRegion: '对方地区{region}属于{pairing}对口合作的另一方',
    validUntil: '有效期至 {date}',
    noExpiry: '长期有效',
  },
} as const;
