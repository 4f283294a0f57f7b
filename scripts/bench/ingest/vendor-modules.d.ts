/** The parts of `jsonld` (no published types) that the proof profile calls. */
declare module 'jsonld' {
  type Options = { documentLoader: unknown; safe?: boolean; algorithm?: string; format?: string };
  const jsonld: {
    expand(input: object, options: Options): Promise<unknown>;
    toRDF(input: object, options: Options): Promise<unknown>;
    canonize(input: object, options: Options): Promise<string>;
  };
  export default jsonld;
}
