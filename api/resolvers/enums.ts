/** Stored values are lower case (`email`, `employer`); the schema's enum values are their upper-case form. */
export const graphqlEnum = <T extends string>(value: T): Uppercase<T> => value.toUpperCase() as Uppercase<T>;
