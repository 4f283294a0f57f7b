// Entry of the verification worker threads: registers tsx so the TypeScript
// worker loads whether or not the parent runs under tsx (workers do not
// inherit module hooks), then starts it.
import { register } from 'tsx/esm/api';

register();
await import('./verify-worker.ts');
