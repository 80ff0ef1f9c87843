/** Refusals of the annual documents and the year lock (kernel/year-lock): whole-request codes, and codes of one field. */
export const summariesErrors = {
  year_locked:
    "The figures of {year} are locked (the national office accepted that year's annual summary); records of that year cannot be changed until the national office unlocks it",
};
export const summariesFieldErrors = {
  year_locked:
    "The figures of {year} are locked (the national office accepted that year's annual summary); records of that year cannot be changed until the national office unlocks it",
  summary_exists: 'This pairing already has this document for {year}; open it to edit',
  summary_not_editable: 'The document is “{state}” and cannot be edited; it can be once returned',
  summary_not_submittable: 'The document is “{state}” and cannot be submitted',
  section_not_in_document: 'The document has no such section',
  unknown_figure: 'Cites a figure that does not exist: “{code}”',
  receipt_state: 'This submission is “{state}”: it cannot be {action}',
  receipt_not_yours: 'Only a recipient of the document can do this',
  return_comment_required: 'Say why when returning it',
  year_not_locked: 'The figures of {year} of this pairing are not locked',
  no_annual_plan: 'This pairing has no annual work plan for {year}; draw it up under plans first',
};
