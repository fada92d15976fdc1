#!/usr/bin/env node
// The operators' command-line tool; runs the TypeScript sources through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/liaison.ts');
