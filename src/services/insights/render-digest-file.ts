/** The digest renderers, for the layers above services (routes and commands import services, not core). */
export { renderDigestCsv, renderDigestMarkdown, type Digest } from '../../core/insights/render-digest.js';
