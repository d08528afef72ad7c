/** REST routes: ontologies, data products and data contracts. */
export { restRouter, type RestOptions } from './restRouter.ts';
