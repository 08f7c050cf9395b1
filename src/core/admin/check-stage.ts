import { DomainError, type ErrorDetail } from '../domain-error.js';
import type { Stage } from '../stage.js';

/**
 * Refuses a stage configuration that would make deals contradict themselves, as Salesforce does:
 * a won stage is closed, in the category Closed, at probability 1; a lost (closed, not won) stage
 * is Omitted at 0; an open stage is never Closed. Required fields are distinct, non-blank names.
 */
export function checkStage(stage: Stage): Stage {
  const problems: ErrorDetail[] = [];
  const problem = (where: string, reason: string) => problems.push({ where, reason });
  if (stage.isWon && !stage.isClosed) problem('isWon', 'a won stage is a closed stage: set isClosed too');
  if (stage.isClosed && stage.isWon) {
    if (stage.forecastCategory !== 'Closed')
      problem('forecastCategory', 'a won stage is in the category Closed');
    if (stage.probability01 !== 1) problem('probability', 'a won stage has probability 1');
  } else if (stage.isClosed) {
    if (stage.forecastCategory !== 'Omitted')
      problem('forecastCategory', 'a lost stage is in the category Omitted');
    if (stage.probability01 !== 0) problem('probability', 'a lost stage has probability 0');
  } else if (stage.forecastCategory === 'Closed') {
    problem('forecastCategory', 'only a won stage is in the category Closed');
  }
  const requiredFields = stage.requiredFields.map((f) => f.trim());
  if (requiredFields.some((f) => f === '')) problem('requiredFields', 'a required field needs a name');
  const duplicate = requiredFields.find((f, i) => requiredFields.indexOf(f) !== i);
  if (duplicate !== undefined) problem('requiredFields', `'${duplicate}' is listed twice`);
  if (problems.length > 0) {
    throw new DomainError(
      'invalid-input',
      `the stage ${stage.name} is not consistent: ${problems.map((p) => p.reason).join('; ')}`,
      problems,
    );
  }
  return { ...stage, requiredFields };
}
