#!/usr/bin/env node
// Entry point: the CLI is TypeScript run by Node 24's built-in type stripping. Node's compile cache keeps
// the stripped and compiled modules between runs (in the OS temp folder; NODE_DISABLE_COMPILE_CACHE=1 turns
// it off), so a command starts without compiling ontomesh and its libraries again (as tsc does for its own).
import module from 'node:module';

module.enableCompileCache?.();
await import('../src/cli/main.ts');
