/**
 * The fixed words of the demo: industries, loss reasons, competitors, next steps and activity
 * subjects. Competitors are invented names too; none is a real company.
 */
export const industries = [
  ['Software', 'Systems'],
  ['Financial Services', 'Capital'],
  ['Healthcare', 'Health'],
  ['Manufacturing', 'Industries'],
  ['Retail', 'Stores'],
  ['Logistics', 'Logistics'],
  ['Energy', 'Energy'],
  ['Education', 'Learning'],
  ['Media', 'Media'],
  ['Public Sector', 'Services'],
] as const;

export const competitors = [
  'Veltrix Analytics',
  'Orbalon Revenue',
  'Quarrow Forecast',
  'Stendel Pipeline',
  'Maribex Sales Cloud',
] as const;

/** Loss reasons with their share of losses, and whether a competitor is named with them. */
export const lossReasons: readonly (readonly [reason: string, weight: number, namesCompetitor: boolean])[] = [
  ['Lost to Competitor', 34, true],
  ['Price', 16, true],
  ['No Budget', 15, false],
  ['No Decision', 17, false],
  ['Timing', 12, false],
  ['Missing Feature', 6, true],
];

export const dealProducts = [
  'Platform',
  'Forecasting suite',
  'Analytics add-on',
  'Enterprise licence',
  'Team plan',
  'Expansion seats',
  'Renewal',
  'Implementation services',
] as const;

export const leadSources = [
  ['Web', 30],
  ['Outbound', 25],
  ['Partner Referral', 15],
  ['Event', 15],
  ['Inbound Call', 15],
] as const;

/** A next step typical of each open stage. */
export const nextSteps: Record<string, readonly string[]> = {
  Prospecting: ['Book a discovery call', 'Send intro deck', 'Follow up on outreach'],
  Qualification: ['Confirm budget and timeline', 'Qualify use case with team lead'],
  'Needs Analysis': ['Map current process', 'Run requirements workshop'],
  'Value Proposition': ['Present business case', 'Schedule product demo'],
  'Id. Decision Makers': ['Meet the economic buyer', 'Identify procurement contact'],
  'Perception Analysis': ['Review evaluation feedback', 'Reference call with a customer'],
  'Proposal/Price Quote': ['Send proposal', 'Walk through pricing options'],
  'Negotiation/Review': ['Legal review of contract', 'Agree final terms', 'Get signature'],
};

export const identifiedPains = [
  'Forecast misses of more than 15% each quarter',
  'Pipeline reviews take a day of spreadsheet work',
  'No visibility into deal slippage',
  'Manual commission disputes',
  'Board asks for numbers nobody can trace',
] as const;

export const metrics = [
  'Cut forecast preparation time by 40%',
  'Forecast accuracy within 5% by week 8',
  'Raise win rate by 3 points',
  'Shorten sales cycle by 10 days',
] as const;

export const decisionCriteria = [
  'Auditability and security review',
  'Time to value under 60 days',
  'CRM integration without custom code',
  'Total cost over three years',
] as const;

export const decisionProcesses = [
  'Team lead, then VP Sales, then procurement',
  'Steering committee sign-off, legal review',
  'CFO approval above budget threshold',
] as const;

export const buyerTitles = ['CFO', 'VP Sales', 'COO', 'CRO', 'Head of Revenue Operations'] as const;
export const championTitles = ['Sales Ops Manager', 'Director of Sales', 'RevOps Lead', 'Finance Manager'];

/** Activity types the demo logs, with their share and typical subjects. */
export const activityKinds = [
  ['email', 40, ['Follow-up e-mail', 'Sent proposal draft', 'Shared case study', 'Recap of meeting']],
  ['call', 30, ['Discovery call', 'Check-in call', 'Pricing call', 'Call with champion']],
  ['meeting', 20, ['On-site meeting', 'Business review', 'Stakeholder meeting', 'Kick-off meeting']],
  ['demo', 10, ['Product demo', 'Technical deep dive', 'Forecasting module demo']],
] as const;

/** Account-level prospecting touches, not tied to a deal. */
export const prospectingSubjects = ['Prospecting call', 'Outreach e-mail', 'Event follow-up'] as const;
