export { canonicalJson } from './canonical-json';
export { chainEnvelopes, firstBreak, type ChainBreak, type HashedEnvelope } from './hash-chain';
export { verifyStore, type VerificationReport } from './verify-store';
