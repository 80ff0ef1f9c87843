/** The pseudo-region of national bodies; GB/T 2260 has no code for the whole country. */
export const NATION_CODE = '000000';
