/** Access scopes, for the layers above services. */
export { everything, type AccessScope } from '../core/access-scope.js';
