/** The English catalogue must have exactly the keys of the Chinese one, with string values. */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
