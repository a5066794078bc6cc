// Types for eslint.layers.mjs (the project doesn't type-check JavaScript), used by tests/unit/layers.test.ts.
import type { Linter } from "eslint";

export interface Layer {
  type: string;
  pattern: string | string[];
  why: string;
}
export declare const LAYERS: Layer[];
export declare const DB_USERS: string[];
export declare function allowedTargets(type: string): string[];
export declare function layerGlobs(layer: Layer): string[];
export declare const layerRules: Linter.Config[];
export declare const cycleRules: Linter.Config[];
