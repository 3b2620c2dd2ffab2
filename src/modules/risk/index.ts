/**
 * Risk: targeting rules, gradient-boosted trees trained in-process with their feature pipeline and explanations,
 * the selection policy with a random control sample, findings as feedback, the model registry and audit targeting.
 * Pure code: storage, the API and the CLI call it.
 */
export * from './targeting/index.ts';
export * from './learner.ts';
export * from './retrain.ts';
export * from './history.ts';
