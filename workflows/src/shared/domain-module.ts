import { domainOnce } from './domain-once';

/**
 * What `import … from '@qts/domain'` resolves to inside the workflow bundle (the alias is in
 * bundle/bundler-options.ts): the domain evaluated once per V8 context. This module itself runs per workflow run,
 * and costs one function call.
 */
export = domainOnce();
