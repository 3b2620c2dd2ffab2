/**
 * Passengers: the traveller's personal-effects declaration (携帯品・別送品申告書), its allowances and simplified
 * duty (jp-rules/passengers.md, unconfirmed rules as dated configuration), the signed gate pass and its offline
 * verifier, and advance passenger information (PAXLST parsing, matching, keyed watch rules, retention).
 * Pure: no I/O; keys, secrets, replay stores and clocks are passed in.
 */
export { PassengerErrors, GateReasonCodes } from './errors.ts';
export { gateReasons, redClaim, type GateChannelInput } from './gate-channel.ts';
export {
  GATE_REASON,
  gateReasonMessage,
  gateLang,
  reasonsFromClaim,
  type GateReason,
  type GateReasonCode,
  type GateLang,
} from './gate-reasons.ts';
export * from './declaration.schema.ts';
export * from './assessment.schema.ts';
export { validateDeclaration, ageOn, type ValidDeclaration } from './validate-declaration.ts';
export { assessPassenger, type AssessOptions } from './assess-passenger.ts';
export { rulesFor, assumptionsOf, PASSENGER_RULE_SETS, type PassengerRules, type RulesOverrides } from './rules.ts';
export { canonicalJson, declarationDigest } from './canonical-json.ts';
export {
  issueGatePass,
  generateGateKey,
  gateKeyFromPem,
  arrivalKeyOf,
  type GateSigningKey,
  type IssueInput,
} from './gate-pass.ts';
export {
  GatePassVerifier,
  algOfKey,
  type GatePassAlg,
  type Verdict,
  type Verification,
  type GatePassClaims,
  type ReplayGuard,
  type PublicGateKey,
  type VerifierOptions,
  type VerifyOptions,
} from './verifier.ts';
export { MemoryReplayGuard } from './replay-guard.ts';
export { gatePassQrPng, gatePassQrDataUrl } from './qr-image.ts';
export { tokenizeEdifact, type Delimiters, type Segment } from './edifact.ts';
export {
  parsePaxlst,
  type PaxlstInterchange,
  type PaxlstMessage,
  type ApiPassenger,
  type FlightLeg,
  type TravelDocument,
} from './paxlst.ts';
export { IdentifierKeyer, normaliseName, normaliseDocumentNumber } from './identifier-keys.ts';
export { protectPassenger, type ProtectedPassenger, type ProtectedDocument } from './protect-passenger.ts';
export { WatchList, documentWatchRule, personWatchRule, type WatchRule } from './watch-rules.ts';
export {
  matchDeclarations,
  normaliseFlight,
  type ArrivingPassenger,
  type StoredDeclaration,
  type Match,
  type MatchResult,
} from './match-declarations.ts';
export { suggestChannel, type ChannelSuggestion, type ChannelReason, type ChannelInput } from './suggest-channel.ts';
export { screenArrivals, type ScreenedPassenger } from './screen-arrivals.ts';
export { dueForDeletion, type RetainedRecord, type RetentionPolicy, type RetentionDecision } from './retention.ts';
export { assessRequest } from './assess-request.ts';
export * from './gate.schema.ts';
