/** The roles and indicators a target is set for, for the layers above services. */
export { roles } from '../../core/org-entities.js';
export { targetIndicatorNames, type TargetIndicator } from '../../core/quotas/indicator-targets.js';
