declare module 'json-stringify-nice' {
  /** JSON.stringify with keys sorted (preferred keys first, scalars before objects), as npm writes package-lock.json. */
  export default function stringify(value: unknown, preferredKeys?: string[] | ((key: string, value: unknown) => unknown), space?: number | string): string;
}
