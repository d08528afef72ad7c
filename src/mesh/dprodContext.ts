/**
 * The DPROD JSON-LD context, bundled: the EKGF examples name the remote context
 * https://ekgf.github.io/dprod/dprod.jsonld, which ontomesh never fetches. The context shipped in
 * contexts/dprod.context.json is derived from the DPROD ontology and shapes by
 * scripts/build-dprod-context.ts and registered with src/rdf's context registry when this module
 * loads, so any JSON-LD parse (descriptor import or ontology load) resolves it offline.
 */
import { registerJsonLdContext, type JsonLdContextDocument } from '../rdf/index.ts';
import context from './contexts/dprod.context.json' with { type: 'json' };

/** The URL DPROD documents use for their context. */
export const DPROD_CONTEXT_URL = 'https://ekgf.github.io/dprod/dprod.jsonld';

/** The bundled context document (a JSON object with an `@context` member). */
export const dprodContext: JsonLdContextDocument = context;

/** The terms the context defines (aliases, prefixes, classes and properties). */
export const dprodContextTerms: ReadonlySet<string> = new Set(Object.keys(context['@context']));

registerJsonLdContext(DPROD_CONTEXT_URL, dprodContext);
