// The few test-runner names the examples use, declared here because Debian's tsc
// (node-typescript) ships without @types/node or @types/jest: the examples are checked
// against lifecycled's own types (../index.d.ts), not against a runner's.

// Jest and Vitest globals (a subset).
declare function describe(name: string, body: () => void): void;
declare function test(name: string, body: () => Promise<void> | void): void;
declare function beforeAll(body: () => Promise<void> | void): void;
declare function afterAll(body: () => Promise<void> | void): void;
interface Matchers {
  toBe(expected: unknown): void;
  toEqual(expected: unknown): void;
  toContain(expected: unknown): void;
  toMatchObject(expected: object): void;
  rejects: { toMatchObject(expected: object): Promise<void> };
}
declare function expect(actual: unknown): Matchers;

// node:test and node:assert (a subset).
declare module "node:test" {
  export function test(name: string, body: () => Promise<void> | void): Promise<void>;
  export function before(body: () => Promise<void> | void): void;
  export function after(body: () => Promise<void> | void): void;
}
declare module "node:assert/strict" {
  const assert: {
    equal(actual: unknown, expected: unknown, message?: string): void;
    deepEqual(actual: unknown, expected: unknown, message?: string): void;
    rejects(block: Promise<unknown>, expected?: object): Promise<void>;
  };
  export default assert;
}
