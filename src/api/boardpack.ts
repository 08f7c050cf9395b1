import { z } from 'zod';
import { periodSchema } from './common-schemas.js';

export const boardPackQuerySchema = z.object({
  period: periodSchema,
  format: z
    .enum(['html', 'pdf'])
    .default('html')
    .describe('html (default) or pdf (needs Chromium on the server)'),
});
