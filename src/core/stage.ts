import type { ForecastCategory } from './forecast-category.js';

/** A sales stage as the admin configured it (or as an import found it). */
export type Stage = {
  name: string;
  /** Position in the sales process, ascending. */
  order: number;
  /** Default win probability in [0, 1]. */
  probability01: number;
  forecastCategory: ForecastCategory;
  isClosed: boolean;
  isWon: boolean;
  /** Opportunity fields (or supporting-information keys) required to enter this stage. */
  requiredFields: string[];
  active: boolean;
};

/** The stages of a new Salesforce org, used for the demo and when an import names none. */
export const defaultStages: readonly Stage[] = [
  stage('Prospecting', 1, 0.1, 'Pipeline'),
  stage('Qualification', 2, 0.1, 'Pipeline'),
  stage('Needs Analysis', 3, 0.2, 'Pipeline'),
  stage('Value Proposition', 4, 0.5, 'Pipeline'),
  stage('Id. Decision Makers', 5, 0.6, 'Pipeline'),
  stage('Perception Analysis', 6, 0.7, 'Best Case'),
  stage('Proposal/Price Quote', 7, 0.75, 'Best Case'),
  stage('Negotiation/Review', 8, 0.9, 'Commit'),
  { ...stage('Closed Won', 9, 1, 'Closed'), isClosed: true, isWon: true },
  { ...stage('Closed Lost', 10, 0, 'Omitted'), isClosed: true },
];

function stage(name: string, order: number, probability01: number, category: ForecastCategory): Stage {
  return {
    name,
    order,
    probability01,
    forecastCategory: category,
    isClosed: false,
    isWon: false,
    requiredFields: [],
    active: true,
  };
}
