import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { registerProblemHandlers } from './problem-handlers.js';

describe('problem details for invalid requests', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    const zodApp = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>();
    zodApp.setValidatorCompiler(validatorCompiler);
    zodApp.setSerializerCompiler(serializerCompiler);
    registerProblemHandlers(zodApp);
    zodApp.get(
      '/strict',
      { schema: { querystring: z.object({ period: z.string().optional() }).strict() } },
      async () => ({ ok: true }),
    );
    zodApp.post(
      '/strict',
      {
        schema: {
          body: z.object({ deal: z.object({ name: z.string() }).strict(), tags: z.array(z.string()) }),
        },
      },
      async () => ({ ok: true }),
    );
    await zodApp.ready();
    app = zodApp;
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers a strict query schema given unknown keys with a 400 naming each key', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/strict?period=2026-Q1&colour=red&size=1&size=2',
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({
      status: 400,
      code: 'invalid-input',
      detail: 'invalid colour, size',
      errors: [
        { where: 'colour', value: 'red', reason: 'unknown parameter: Unrecognized keys: "colour", "size"' },
        { where: 'size', value: '1,2', reason: 'unknown parameter: Unrecognized keys: "colour", "size"' },
      ],
    });
  });

  it('names an unknown field of a nested body object by its path', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/strict',
      payload: { deal: { name: 'Acme', extra: { deep: true } }, tags: [] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      { where: 'deal.extra', value: '{"deep":true}', reason: 'unknown field: Unrecognized key: "extra"' },
    ]);
  });

  it('still quotes an ordinary bad value, and says nothing of a value it cannot quote', async () => {
    const wrongType = await app.inject({
      method: 'POST',
      url: '/strict',
      payload: { deal: 'Acme', tags: [] },
    });
    expect(wrongType.json().errors).toEqual([
      { where: 'deal', value: 'Acme', reason: 'Invalid input: expected object, received string' },
    ]);
    const wholeBody = await app.inject({
      method: 'POST',
      url: '/strict',
      headers: { 'content-type': 'application/json' },
      payload: '[1,2]',
    });
    expect(wholeBody.statusCode).toBe(400);
    expect(wholeBody.json().errors).toEqual([
      { where: 'body', reason: 'Invalid input: expected object, received array' },
    ]);
  });
});
