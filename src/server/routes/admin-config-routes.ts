import {
  adminCurrencyListSchema,
  adminCurrencySchema,
  adminSettingsSchema,
  adminStageListSchema,
  adminStageSchema,
  changeSettingsSchema,
  changeStageSchema,
  createCurrencySchema,
  createStageSchema,
  currencyParamsSchema,
  setRateSchema,
  stageParamsSchema,
  type AdminStage,
} from '../../api/admin-config.js';
import { changeSettings, getSettings } from '../../services/admin/change-settings.js';
import { exportAdminCurrencies } from '../../services/admin/export-admin-currencies.js';
import { exportAdminStages } from '../../services/admin/export-admin-stages.js';
import { exportHygieneRules } from '../../services/admin/export-hygiene-rules.js';
import { defineCurrency, listAdminCurrencies, setCurrencyRate } from '../../services/admin/save-currency.js';
import { changeStage, defineStage, listAdminStages } from '../../services/admin/save-stage.js';
import type { AppDeps } from '../app-deps.js';
import { changeContext } from './change-context.js';
import { registerAdminListExport } from './admin-list-export.js';
import { problemResponses } from './problem-responses.js';
import type { ZodApp } from './zod-app.js';

const access = { access: 'administer' } as const;
const tags = ['administration'];
/** These lists take no query: their exports take only the file format. */

/** The API says `probability`, like the deal pages; the domain says `probability01`. */
function toApiStage({ probability01, ...rest }: Omit<AdminStage, 'probability'> & { probability01: number }) {
  return { ...rest, probability: probability01 };
}

export function registerAdminConfigRoutes(app: ZodApp, deps: AppDeps): void {
  app.get(
    '/admin/stages',
    {
      config: access,
      schema: {
        summary: 'The sales stages in process order, retired ones included',
        tags,
        response: { 200: adminStageListSchema, ...problemResponses(401, 403, 500) },
      },
    },
    async () => ({ stages: (await listAdminStages(deps.db)).map(toApiStage) }),
  );

  registerAdminListExport(app, deps, {
    path: '/admin/stages/export',
    summary: 'The stages GET /api/admin/stages answers, in process order, as a CSV or XLSX file',
    exportList: exportAdminStages,
  });

  app.post(
    '/admin/stages',
    {
      config: access,
      schema: {
        summary: 'Add a sales stage',
        tags,
        body: createStageSchema,
        response: { 201: adminStageSchema, ...problemResponses(400, 401, 403, 409, 500) },
      },
    },
    async (request, reply) => {
      const { probability, ...stage } = request.body;
      const saved = await defineStage(deps.db, {
        ...changeContext(request, deps),
        stage: { ...stage, probability01: probability },
      });
      return reply.code(201).send(toApiStage(saved));
    },
  );

  app.patch(
    '/admin/stages/:name',
    {
      config: access,
      schema: {
        summary: 'Change a stage: order, probability, category, closed/won, required fields, active',
        tags,
        params: stageParamsSchema,
        body: changeStageSchema,
        response: { 200: adminStageSchema, ...problemResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request) => {
      const { probability, ...change } = request.body;
      const saved = await changeStage(deps.db, {
        ...changeContext(request, deps),
        name: request.params.name,
        change: { ...change, probability01: probability },
      });
      return toApiStage(saved);
    },
  );

  app.get(
    '/admin/settings',
    {
      config: access,
      schema: {
        summary: 'The organisation settings: name, fiscal calendar, time zone, thresholds',
        tags,
        response: { 200: adminSettingsSchema, ...problemResponses(401, 403, 404, 500) },
      },
    },
    async () => getSettings(deps.db),
  );

  app.patch(
    '/admin/settings',
    {
      config: access,
      schema: {
        summary: 'Change settings (the time zone must be an IANA zone)',
        tags,
        body: changeSettingsSchema,
        response: { 200: adminSettingsSchema, ...problemResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request) => changeSettings(deps.db, { ...changeContext(request, deps), change: request.body }),
  );

  app.get(
    '/admin/currencies',
    {
      config: access,
      schema: {
        summary: 'The currencies with their rates to the corporate currency',
        tags,
        response: { 200: adminCurrencyListSchema, ...problemResponses(401, 403, 404, 500) },
      },
    },
    async () => listAdminCurrencies(deps.db),
  );

  registerAdminListExport(app, deps, {
    path: '/admin/currencies/export',
    summary:
      'The currencies GET /api/admin/currencies answers, one row per rate with the day it applies from, as a CSV or XLSX file',
    exportList: exportAdminCurrencies,
  });

  // Beside GET /api/admin/hygiene-rules (registered with the other hygiene routes): an admin list.
  registerAdminListExport(app, deps, {
    path: '/admin/hygiene-rules/export',
    summary:
      'The hygiene rules GET /api/admin/hygiene-rules answers (on or off, severity, thresholds, defaults) as a CSV or XLSX file',
    exportList: exportHygieneRules,
  });

  app.post(
    '/admin/currencies',
    {
      config: access,
      schema: {
        summary: 'Add a currency',
        tags,
        body: createCurrencySchema,
        response: { 201: adminCurrencySchema, ...problemResponses(400, 401, 403, 409, 500) },
      },
    },
    async (request, reply) => {
      const currency = await defineCurrency(deps.db, { ...changeContext(request, deps), ...request.body });
      return reply.code(201).send(currency);
    },
  );

  app.post(
    '/admin/currencies/:code/rates',
    {
      config: access,
      schema: {
        summary: 'Set the rate of a currency from a day on (replaces a rate set for the same day)',
        tags,
        params: currencyParamsSchema,
        body: setRateSchema,
        response: { 200: adminCurrencySchema, ...problemResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request) =>
      setCurrencyRate(deps.db, {
        ...changeContext(request, deps),
        code: request.params.code,
        ...request.body,
      }),
  );
}
