import { expect, type APIResponse } from '@playwright/test';

/** The answer's JSON body, after checking its status (the body is the message when it is not). */
export async function json<T = unknown>(response: APIResponse, status: number): Promise<T> {
  expect(response.status(), await response.text()).toBe(status);
  return (await response.json()) as T;
}

/** A refusal with `status` that names `field`. */
export async function expectField(response: APIResponse, status: number, field: string): Promise<void> {
  expect(response.status(), await response.text()).toBe(status);
  expect(((await response.json()) as { error: { field: string } }).error.field).toBe(field);
}
