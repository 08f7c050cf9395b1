/** Access scopes and what a principal may do, for the layers above services. */
export { everything, type AccessScope } from '../core/access-scope.js';
export { isEmptyScope, noAccess, scopeIncludesOwner, type Access } from '../core/compute-access.js';
export { describeScope } from '../core/describe-scope.js';
export type { Principal } from '../core/principal.js';
