import type { Shape } from '../shape.ts';
import type { listingsErrors as zh, listingsFieldErrors as zhField } from '../zh-CN/errors-listings.ts';

export const listingsErrors: Shape<typeof zh> = {
  registration_pending:
    'Your registration has not been approved yet; until then you can only see published offers and needs',
  listing_import_invalid: 'The listing sheet has {count} error(s); nothing was imported. Correct it and upload again',
  listing_sheet_refused: 'This file cannot be imported as a listing sheet',
  listing_upload_required: 'Upload the listing sheet (the file field of multipart/form-data)',
};
export const listingsFieldErrors: Shape<typeof zhField> = {
  too_many_listing_attachments: 'A listing keeps at most {max} attachments; remove those no longer needed first',
  own_users_approved_only: 'Only an organisation whose registration was approved manages its own accounts',
  listing_not_editable: 'You can only edit listings your organisation published',
  listing_state: 'The listing is "{state}"; it cannot be {action}',
  interest_own_listing: 'You cannot express interest in your own organisation’s listing',
  interest_taken: 'Your organisation has already expressed interest in this listing',
  interest_state: 'The interest is "{state}"; this step is not possible',
  interest_owner_only: 'Only the listing’s publisher can accept or decline an interest',
  from_listing_kind: 'Your listing must be of the complementary type (a need for an offer, an offer for a need)',
  credit_code_check: 'The unified social credit code’s check character is wrong (GB 32100)',
  duplicate_credit_code: 'This unified social credit code is already registered',
  registration_region: 'This registration is not from a region on a side of your pairings',
  refusal_reason_required: 'Give a reason when refusing',
  pairing_ambiguous: 'Your region is in several pairings; choose one',
  project_required: 'A signed deal needs the project’s details',
  duplicate_ref: 'Reference {ref} appears twice in the sheet (row {first})',
  invalid_kind: 'Must be 供给 (offer) or 需求 (need)',
  invalid_category: 'Must be one of 产品, 技术, 资本, 人才, 土地空间, 物流, 服务',
  invalid_quantity: 'Not a valid quantity',
  invalid_phone: 'Not a valid telephone number',
  listing_ref_unknown: 'No listing has the reference or id {ref}',
};
